using System.Diagnostics;
using ClaimTracker.Server.Hosting;

namespace ClaimTracker.Server.Tests.Harness;

/// <summary>
/// initdb is the slow part of a cluster (1-3 s here). Tests that are not about the first start copy a cluster
/// created once per run instead of running initdb each time.
/// </summary>
public static class ClusterTemplate
{
    static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "ct-tpl-" + Guid.NewGuid().ToString("N")[..8]);
        Reaper.CleanUpAfterThisProcess(folder);
        await new EmbeddedPostgres(new EmbeddedPostgresOptions { DataFolder = folder, FastInit = true }).CreateAsync();
        return Path.Combine(folder, "pgdata");
    });

    /// <summary>Puts a never-started cluster into &lt;dataFolder&gt;/pgdata (owner and 0700 mode kept).</summary>
    public static async Task CopyIntoAsync(string dataFolder)
    {
        var template = await Template.Value;
        Directory.CreateDirectory(dataFolder);
        using var cp = Process.Start("cp", ["-a", template, Path.Combine(dataFolder, "pgdata")]);
        await cp.WaitForExitAsync();
        if (cp.ExitCode != 0) throw new InvalidOperationException($"cp -a {template} failed");
    }
}
