using System.Diagnostics;
using ClaimTracker.Domain;
using JasperFx.CommandLine;
using Marten;

namespace ClaimTracker.Server.Features.Articles;

public class IngestInput : NetCoreInput
{
    [Description("Files or archives to import: seed-layout text, .jsonl or .csv archives, optionally .gz")]
    public List<string> Paths { get; set; } = [];

    // Text, read by BatchSize below: as an int, "--batch abc" failed in the parser with a stack trace.
    [Description("Articles per transaction (default 1000 in bulk, 200 article by article)")]
    [FlagAlias("batch", 'b')]
    public string? BatchFlag { get; set; }

    /// <summary>The articles per transaction asked for (null: the import's default), or why the value is no such number.</summary>
    public static (int? Size, string? Problem) BatchSize(string? flag) =>
        flag is null ? (null, null)
        : int.TryParse(flag, out var n) && n > 0 ? (n, null)
        : (null, $"ingest: --batch takes a whole number of articles per transaction (e.g. 500), not '{flag}'");

    [Description("Append article by article as the server does, instead of the bulk COPY import")]
    [FlagAlias("normal")]
    public bool NormalFlag { get; set; }
}

/// <summary>
/// <c>ingest PATH...</c>: imports files and archives straight into the store with a progress line. Articles are
/// committed in batches and ingestion is idempotent, so an interrupted run is simply run again. Batches go in bulk
/// (PostgreSQL COPY, <see cref="BulkArticleImport"/>) unless a server is running against the same database, which
/// turns the run to the server's own per-article appends (<see cref="ArticleImport"/> says why).
/// </summary>
[Description("Import articles from files and archives into the event store (safe to interrupt and rerun)")]
public class IngestCommand : JasperFxAsyncCommand<IngestInput>
{
    public IngestCommand()
    {
        Usage("Import files or archives").Arguments(x => x.Paths);
    }

    public override async Task<bool> Execute(IngestInput input)
    {
        if (input.Paths.Count == 0)
        {
            Console.Error.WriteLine("ingest: give one or more files");
            return false;
        }
        // Checked before anything is stored: one line per path that cannot be articles, and nothing is imported.
        var problems = input.Paths.Select(InputFiles.Problem).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems) Console.Error.WriteLine($"ingest: {problem}");
            return false;
        }
        var (askedBatch, batchProblem) = IngestInput.BatchSize(input.BatchFlag);
        if (batchProblem is not null)
        {
            Console.Error.WriteLine(batchProblem);
            return false;
        }
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var reader = host.Services.GetRequiredService<IArticleReader>();
        var ingestion = host.Services.GetRequiredService<ArticleIngestion>();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        var clock = Stopwatch.StartNew();
        long articles = 0, added = 0, statements = 0, bad = 0;
        await using var import = await ArticleImport.StartAsync(store, ingestion, bulk: !input.NormalFlag, cancel.Token);
        Console.WriteLine($"Writing {import.How}." + (import.LeftoversRemoved > 0
            ? $" Removed {import.LeftoversRemoved} statement views an interrupted bulk run had left without their article." : ""));
        var batchSize = askedBatch ?? import.DefaultBatchSize;
        var readingPath = "";
        IEnumerable<(int File, IngestArticle[] Articles)> Batches()
        {
            for (var i = 0; i < input.Paths.Count; i++)
            {
                var path = readingPath = input.Paths[i];
                foreach (var batch in reader.ReadFile(path, "cli", message =>
                             { if (Interlocked.Increment(ref bad) <= 5) Console.Error.WriteLine($"\n{path}: skipped {message}"); })
                             .Chunk(batchSize))
                    yield return (i, batch);
            }
        }
        try
        {
            await foreach (var (i, batch) in ReadAhead.Of(Batches(), cancel.Token))
            {
                cancel.Token.ThrowIfCancellationRequested();
                var results = await import.IngestAsync(batch, cancel.Token);
                articles += results.Count;
                added += results.Count(r => !r.Duplicate);
                statements += results.Where(r => !r.Duplicate).Sum(r => r.Statements);
                Progress(i, input.Paths.Count, input.Paths[i], articles, added, statements, clock.Elapsed);
            }
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"\nInterrupted: {added} new articles are stored; run the same command again to continue.");
            return false;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"\ningest: cannot read {readingPath}: {e.Message} Stored so far: {added} new articles.");
            return false;
        }
        catch (InvalidArticleException e)
        {
            // The batch holding it was not stored (a batch is stored whole or not at all); earlier batches were.
            Console.Error.WriteLine($"\ningest: article \"{e.Headline}\": {e.Message} Stored so far: {added} new articles; fix or remove it and run again.");
            return false;
        }
        Progress(input.Paths.Count - 1, input.Paths.Count, input.Paths[^1], articles, added, statements, clock.Elapsed);
        Console.WriteLine($"\nDone: {articles} articles read, {added} new, {articles - added} already stored, {statements} statements, {clock.Elapsed.TotalSeconds:0.0} s.");
        if (import.BatchesFallenBack > 0)
            Console.WriteLine($"{import.BatchesFallenBack} batches were written article by article: another writer stored some of their articles meanwhile.");
        return true;
    }

    private static void Progress(int file, int files, string path, long articles, long added, long statements, TimeSpan elapsed)
    {
        const int width = 24;
        var done = (int)Math.Round(width * (file + 1) / (double)files);
        var rate = elapsed.TotalSeconds > 0 ? statements / elapsed.TotalSeconds : 0;
        Console.Write($"\r[{new string('#', done)}{new string('.', width - done)}] file {file + 1}/{files} {Path.GetFileName(path)}: " +
                      $"{articles} articles ({added} new), {statements} statements, {rate:0} statements/s   ");
    }
}
