using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace ClaimTracker.Dashboard.Tests;

/// <summary>
/// The real server, as shipped, on Kestrel at http://127.0.0.1:{free port} with its own embedded PostgreSQL in a temp
/// folder (a child process, stopped gracefully with SIGTERM so the cluster shuts down too), and Debian's Chromium
/// driven by Playwright (no browser download: ExecutablePath /usr/bin/chromium).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Key = "dashboard-test-key";
    private readonly string _data = Path.Combine("/tmp", "ctdash-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _server;
    private readonly List<string> _log = [];
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    /// <summary>The repository root (where a user types `dotnet run --project ...`) and the server's build output.</summary>
    private static (string RepoRoot, string Dll) ServerBuild()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClaimTracker.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("ClaimTracker.sln not found above " + AppContext.BaseDirectory);
        var project = Path.Combine(dir.FullName, "src", "ClaimTracker.Server");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;   // bin/<Configuration>/net10.0
        return (dir.FullName, Path.Combine(project, "bin", configuration, "net10.0", "ClaimTracker.Server.dll"));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        // run as the README's command does: from the repository root, default (Production) environment
        var (repoRoot, dll) = ServerBuild();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/') }) start.ArgumentList.Add(a);
        start.Environment["CLAIMTRACKER_DATA"] = _data;
        start.Environment["CLAIMTRACKER_API_KEY"] = Key;
        start.Environment["ClaimTracker__SeedOnStart"] = "false";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        Http.BaseAddress = BaseAddress;
        Http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try { if ((await Http.GetAsync("/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
            if (_server.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("The server did not come up:\n" + string.Join("\n", _log.TakeLast(40)));
            await Task.Delay(250);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Http.Dispose();
        if (_server is { HasExited: false })
        {
            // SIGTERM: the host stops, and with it the embedded PostgreSQL it started.
            using (var term = Process.Start("kill", ["-TERM", _server.Id.ToString()])) await term!.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _server.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { _server.Kill(entireProcessTree: true); }
        }
        _server?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch { /* best effort */ }
    }
}
