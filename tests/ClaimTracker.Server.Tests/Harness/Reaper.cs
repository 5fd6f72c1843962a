using System.Diagnostics;
using ClaimTracker.Server.Hosting;

namespace ClaimTracker.Server.Tests.Harness;

/// <summary>
/// Cleans up a test run's cluster and folder once the test process is gone. A ProcessExit handler is not
/// enough: the test runner kills the test host shortly after the last test, mid-cleanup. This detached shell
/// (own session, so not killed with us) waits for our pid to disappear, stops the cluster, deletes the folder.
/// </summary>
public static class Reaper
{
    const string Script = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 0.3; done
        if [ -n "$3" ]; then
          if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$3" -D "$4" -m immediate -w stop
          else "$3" -D "$4" -m immediate -w stop; fi
        fi
        rm -rf "$2"
        """;

    public static void CleanUpAfterThisProcess(string folder, EmbeddedPostgres? cluster = null)
    {
        var psi = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "sh", "-c", Script, "reaper", Environment.ProcessId.ToString(), folder,
                     cluster?.Binaries?.PgCtl ?? "", cluster?.ClusterFolder ?? "" })
            psi.ArgumentList.Add(a);
        Process.Start(psi)?.Dispose();
    }
}
