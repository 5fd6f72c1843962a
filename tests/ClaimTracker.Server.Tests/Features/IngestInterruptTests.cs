using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ClaimTracker.Server.Features.Articles;
using ClaimTracker.Server.Infrastructure;
using ClaimTracker.Server.Tests.Harness;
using Npgsql;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>
/// `ingest` (bulk) stopped with Ctrl-C and killed outright, then run again, as a user would: the built program in its
/// own process. After every stop the store holds whole batches only (no statement view without its article, no
/// article without its views), and the last run completes the import.
/// </summary>
public sealed class IngestInterruptTests : IAsyncLifetime
{
    private string _database = null!;
    private string _archive = null!;
    private const int Articles = 400;

    public async Task InitializeAsync()
    {
        _database = await (await TestPostgres.Shared).CreateDatabaseAsync("ingest interrupt");
        // An archive big enough to stop in the middle: the seed articles again and again under new headlines (the
        // headline is part of the content id, so each is a new article).
        var seeds = new ExtractorArticleReader().ReadFile(Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt"), "test").ToList();
        _archive = Path.Combine(Path.GetTempPath(), $"ct-interrupt-{Guid.NewGuid():N}.jsonl");
        var lines = new StringBuilder();
        for (var i = 0; i < Articles; i++)
        {
            var seed = seeds[i % seeds.Count];
            lines.AppendLine(JsonSerializer.Serialize(new { headline = $"{seed.Headline} ({i})", body = string.Join("\n\n", seed.Paragraphs) }));
        }
        await File.WriteAllTextAsync(_archive, lines.ToString());
    }

    public async Task DisposeAsync()
    {
        File.Delete(_archive);
        await (await TestPostgres.Shared).DropDatabaseAsync(_database);
    }

    /// <summary>Starts `ingest`; stops it (signal) once it has stored a batch or two, or lets it finish (null).</summary>
    private async Task<(int ExitCode, string Stdout)> Ingest(string? signal, string? archive = null, StringBuilder? stderr = null)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "ClaimTracker.Server.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            $"\"{server}\" ingest \"{archive ?? _archive}\" --batch 25")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["CLAIMTRACKER_POSTGRES"] = _database;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var p = Process.Start(psi)!;
        var stdout = new StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (stdout) stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (stderr is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        if (signal is not null)
        {
            // The progress line is written with \r, so poll the buffer for a count of new articles above zero.
            while (!p.HasExited && !timeout.IsCancellationRequested)
            {
                string text;
                lock (stdout) text = stdout.ToString();
                if (System.Text.RegularExpressions.Regex.IsMatch(text, @"\((?:[1-9]\d*) new\)")) break;
                await Task.Delay(20);
            }
            Assert.False(p.HasExited, "ingest finished before it could be stopped: " + stdout);
            using var kill = Process.Start("kill", $"-{signal} {p.Id}")!;
            await kill.WaitForExitAsync();
        }
        await p.WaitForExitAsync(timeout.Token);
        lock (stdout) return (p.ExitCode, stdout.ToString());
    }

    private async Task<long> Scalar(string sql)
    {
        await using var conn = new NpgsqlConnection(_database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", EventStoreSetup.SchemaName), conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>
    /// Only whole articles: every statement event has its view, every stream all its events, and (unless the process
    /// was killed between a batch's two commits, which may leave views the next run removes) every view its article.
    /// </summary>
    private async Task<long> AssertWholeArticles(bool killed = false)
    {
        var leftovers = await Scalar("select count(*) from {s}.mt_doc_statementview v where not exists " +
                                     "(select 1 from {s}.mt_streams s where s.id = (v.data ->> 'ArticleId')::uuid)");
        if (!killed) Assert.Equal(0, leftovers);
        Assert.Equal(0, await Scalar("select count(*) from {s}.mt_events e where e.type = 'statement_recorded' and not exists " +
                                     "(select 1 from {s}.mt_doc_statementview v where v.id = (e.data ->> 'StatementId')::uuid)"));
        Assert.Equal(await Scalar("select count(*) from {s}.mt_events where type = 'statement_recorded'"),
                     await Scalar("select count(*) from {s}.mt_doc_statementview") - leftovers);
        Assert.Equal(0, await Scalar("select count(*) from {s}.mt_streams s where s.version <> (select count(*) from {s}.mt_events e where e.stream_id = s.id)"));
        return await Scalar("select count(*) from {s}.mt_streams");
    }

    [Fact]
    public async Task Ingest_stopped_by_ctrl_c_or_killed_keeps_whole_articles_and_a_rerun_completes_it()
    {
        var stderr = new StringBuilder();
        var interrupted = await Ingest("INT", stderr: stderr);
        Assert.NotEqual(0, interrupted.ExitCode);
        Assert.Contains("Writing in bulk (COPY).", interrupted.Stdout);
        Assert.True(interrupted.Stdout.Contains("Interrupted:"), $"no 'Interrupted:' line.\nstdout:\n{interrupted.Stdout}\nstderr:\n{stderr}");
        var afterCtrlC = await AssertWholeArticles();
        Assert.InRange(afterCtrlC, 1, Articles - 1);

        var killed = await Ingest("KILL");
        Assert.NotEqual(0, killed.ExitCode);
        var afterKill = await AssertWholeArticles(killed: true);
        Assert.InRange(afterKill, afterCtrlC, Articles);

        var rerun = await Ingest(null);
        Assert.True(rerun.ExitCode == 0, rerun.Stdout);
        Assert.Contains($"Done: {Articles} articles read, {Articles - afterKill} new, {afterKill} already stored", rerun.Stdout);
        Assert.Equal(Articles, await AssertWholeArticles());
    }

    [Fact]
    public async Task An_archive_it_cannot_read_gets_one_line()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"ct-broken-{Guid.NewGuid():N}.jsonl.gz");
        await File.WriteAllTextAsync(broken, "this is not gzip");
        try
        {
            var stderr = new StringBuilder();
            var result = await Ingest(null, broken, stderr);
            Assert.NotEqual(0, result.ExitCode);
            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Checked before reading: said "cannot read ...: The archive entry was compressed using an unsupported compression method".
            Assert.Contains(lines, l => l.StartsWith("ingest: ") && l.Contains(broken) && l.Contains("is not gzip data"));
            Assert.DoesNotContain(lines, l => l.StartsWith("at "));   // no stack trace
        }
        finally { File.Delete(broken); }
    }
}
