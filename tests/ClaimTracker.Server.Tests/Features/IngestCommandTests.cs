using System.Diagnostics;
using ClaimTracker.Server.Tests.Harness;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>`ingest PATH...` run as a user runs it: the built server program, its own process, a fresh database.</summary>
public sealed class IngestCommandTests : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync() => _database = await (await TestPostgres.Shared).CreateDatabaseAsync("ingest command");
    public async Task DisposeAsync() => await (await TestPostgres.Shared).DropDatabaseAsync(_database);

    private async Task<(int ExitCode, string Stdout, string Stderr)> Ingest(params string[] paths)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "ClaimTracker.Server.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            $"\"{server}\" ingest {string.Join(" ", paths.Select(p => $"\"{p}\""))}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["CLAIMTRACKER_POSTGRES"] = _database;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Ingest_imports_files_and_a_rerun_adds_nothing()
    {
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt");
        var archive = Path.Combine(AppContext.BaseDirectory, "data", "dev-1987.txt");

        var first = await Ingest(seeds, archive);
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Contains("Done: 20 articles read, 20 new, 0 already stored", first.Stdout);
        Assert.Contains("Writing in bulk (COPY).", first.Stdout);   // no server runs against this database

        var again = await Ingest(seeds);
        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        Assert.Contains("Done: 10 articles read, 0 new, 10 already stored, 0 statements", again.Stdout);

        var missing = await Ingest(Path.Combine(AppContext.BaseDirectory, "no-such-file.txt"));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr);
    }
}
