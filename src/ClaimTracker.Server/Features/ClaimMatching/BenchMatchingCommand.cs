using System.Diagnostics;
using ClaimTracker.Server.Features.Articles;
using JasperFx.CommandLine;
using Marten;

namespace ClaimTracker.Server.Features.ClaimMatching;

public class BenchMatchingInput : NetCoreInput
{
    [Description("Corpus file (seed text, .jsonl or .csv, optionally .gz)")]
    public string Path { get; set; } = "";

    [Description("Articles in the store before the timed passes (default 2000)")]
    [FlagAlias("articles", 'n')]
    public int ArticlesFlag { get; set; } = 2000;

    [Description("Articles added between the incremental passes (default 10)")]
    [FlagAlias("more", 'm')]
    public int MoreFlag { get; set; } = 10;

    [Description("Incremental passes to time (default 5)")]
    [FlagAlias("passes", 'p')]
    public int PassesFlag { get; set; } = 5;
}

/// <summary>
/// <c>bench-matching PATH</c>: what automatic claim matching costs in the server as the store grows, printed, not
/// asserted. Ingests N articles, times the first pass (index built from the read models, every statement placed),
/// then adds a few articles at a time and times the incremental passes that read only the new events.
/// Run against an empty database (CLAIMTRACKER_POSTGRES) in Release, with the background loop and seeding off.
/// </summary>
[Description("Benchmark automatic claim matching: first pass vs incremental passes", Name = "bench-matching")]
public class BenchMatchingCommand : JasperFxAsyncCommand<BenchMatchingInput>
{
    public BenchMatchingCommand() => Usage("Benchmark with a corpus file").Arguments(x => x.Path);

    public override async Task<bool> Execute(BenchMatchingInput input)
    {
        using var host = input.BuildHost();
        var config = host.Services.GetRequiredService<IConfiguration>();
        // Only the timed passes may run: the background loop would place statements between them.
        if ((config.GetValue<double?>("ClaimMatching:IntervalSeconds") ?? 2) > 0 || !string.Equals(config["ClaimTracker:SeedOnStart"], "false", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("bench-matching: set ClaimMatching__IntervalSeconds=0 and ClaimTracker__SeedOnStart=false in the environment");
            return false;
        }
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var reader = host.Services.GetRequiredService<IArticleReader>();
        var ingestion = host.Services.GetRequiredService<ArticleIngestion>();
        var run = host.Services.GetRequiredService<ClaimMatchingRun>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var articles = reader.ReadFile(input.Path, "bench")
            .Take(input.ArticlesFlag + input.MoreFlag * input.PassesFlag).ToList();

        // Article by article, as the server stores a POST (the bulk path of `ingest` is not what this measures).
        async Task<int> Ingest(IEnumerable<ClaimTracker.Domain.IngestArticle> batch)
        {
            int n = 0;
            await using var import = await ArticleImport.StartAsync(store, ingestion, bulk: false, CancellationToken.None);
            foreach (var chunk in batch.Chunk(import.DefaultBatchSize))
                n += (await import.IngestAsync(chunk, CancellationToken.None)).Where(r => !r.Duplicate).Sum(r => r.Statements);
            return n;
        }

        var first = articles.Take(input.ArticlesFlag).ToList();
        var stored = await Ingest(first);
        Console.WriteLine($"store: {first.Count} articles, {stored} new statements");
        await host.StartAsync();   // the async daemon keeps the high-water mark the passes read up to
        try
        {
            var clock = Stopwatch.StartNew();
            var full = await run.RunAsync(CancellationToken.None);
            Console.WriteLine($"first pass (rebuilt={full.Rebuilt}): {full.Matched} statements placed ({full.Linked} linked, " +
                              $"{full.Opened} claims opened) in {clock.Elapsed.TotalSeconds:0.00} s = {clock.Elapsed.TotalMilliseconds / Math.Max(1, full.Matched):0.00} ms/statement");
            var times = new List<double>();
            for (var p = 0; p < input.PassesFlag; p++)
            {
                var added = await Ingest(articles.Skip(first.Count + p * input.MoreFlag).Take(input.MoreFlag));
                clock.Restart();
                var pass = await run.RunAsync(CancellationToken.None);
                var ms = clock.Elapsed.TotalMilliseconds;
                times.Add(ms / Math.Max(1, pass.Matched));
                Console.WriteLine($"incremental pass {p + 1} (rebuilt={pass.Rebuilt}): {pass.Matched} of {added} new statements placed in {ms:0} ms = {ms / Math.Max(1, pass.Matched):0.00} ms/statement");
            }
            clock.Restart();
            var idle = await run.RunAsync(CancellationToken.None);
            Console.WriteLine($"idle pass (nothing new): {clock.Elapsed.TotalMilliseconds:0.0} ms");
            if (times.Count > 0) Console.WriteLine($"incremental median: {times.Order().ElementAt(times.Count / 2):0.00} ms/statement");
        }
        finally { await host.StopAsync(); }
        return true;
    }
}
