using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using ClaimTracker.Domain;
using ClaimTracker.Extraction;
using ClaimTracker.Server.Features.Api;
using ClaimTracker.Server.Features.Articles;
using JasperFx.CommandLine;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace ClaimTracker.Server.Features.Benchmarks;

public class BenchCoreInput : NetCoreInput
{
    [Description("Corpus file (seed text, .jsonl or .csv, optionally .gz)")]
    public string Path { get; set; } = "";

    [Description("Articles to ingest (default: all)")]
    [FlagAlias("articles", 'n')]
    public int ArticlesFlag { get; set; } = int.MaxValue;

    [Description("Articles per transaction (default: as ingest, 1000 in bulk, 200 article by article)")]
    [FlagAlias("batch", 'b')]
    public int BatchFlag { get; set; }

    [Description("GET requests per document kind for the latency run (default 4000)")]
    [FlagAlias("requests", 'r')]
    public int RequestsFlag { get; set; } = 4000;

    [Description("Write paths to measure, in this order, comma-separated: bulk (what `ingest` uses), normal (article by article, as the server); default bulk,normal. Only the first runs on fresh tables (later ones reuse the space the reset left, which flatters them). The last one's data stays for the catch-up and the reads")]
    [FlagAlias("mode", 'm')]
    public string ModeFlag { get; set; } = "bulk,normal";

    [Description("Articles per slice of a bulk batch (default 250; a slice's views are copied while the previous slice's events are; as big as the batch = no overlap)")]
    [FlagAlias("slice")]
    public int SliceFlag { get; set; } = BulkArticleImport.DefaultArticlesPerSlice;

    [Description("Stop after ingestion and the daemon's catch-up (no GET latency run)")]
    [FlagAlias("no-reads")]
    public bool NoReadsFlag { get; set; }
}

/// <summary>
/// <c>bench-core PATH</c>: the speed of the event-sourced core on this machine, printed, not asserted.
/// 1. the raw ceiling: batched multi-row INSERTs of statement-sized JSON rows into a scratch table of the same PostgreSQL;
/// 2. end to end: parse, extract, append, inline projections, statements per second, by the bulk path of `ingest`
/// and by the per-article path of the server (<c>--mode</c>; the store is emptied between them);
/// 3. GET latency of actor and claim documents over real HTTP (Kestrel) with 8 concurrent clients.
/// Run against an empty database (CLAIMTRACKER_POSTGRES) in Release.
/// </summary>
[Description("Benchmark the core: raw insert ceiling, end-to-end ingest rate, GET latency at 8 clients", Name = "bench-core")]
public class BenchCoreCommand : JasperFxAsyncCommand<BenchCoreInput>
{
    public BenchCoreCommand() => Usage("Benchmark with a corpus file").Arguments(x => x.Path);

    public override async Task<bool> Execute(BenchCoreInput input)
    {
        using var host = input.BuildHost();
        // The server has no appsettings: ASP.NET Core logs ~12 Information lines per request to the console, which
        // costs more than the request itself. Measure the core, not the console: Warning and up while we run.
        // The claim matcher's background loop (Features/ClaimMatching) is off too: it would relink every ingested
        // statement during the latency run and the numbers would measure it, not the reads.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("ClaimMatching__IntervalSeconds", "0");
        (host.Services.GetRequiredService<IConfiguration>() as IConfigurationRoot)?.Reload();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var reader = host.Services.GetRequiredService<IArticleReader>();
        var ingestion = host.Services.GetRequiredService<ArticleIngestion>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        // Extraction first, outside the clock of the store, so both numbers can be told apart.
        var clock = Stopwatch.StartNew();
        var articles = reader.ReadFile(input.Path, "bench").Take(input.ArticlesFlag).ToList();
        var extractSeconds = clock.Elapsed.TotalSeconds;
        var statements = articles.Sum(a => a.Statements.Count);
        Console.WriteLine($"parse+extract: {articles.Count} articles, {statements} statements in {extractSeconds:0.00} s ({statements / extractSeconds:0} statements/s)");

        // The ceiling is measured right before and right after each run and averaged: on a shared machine the load
        // moves within a minute, and the ratio is only meaningful if both sides saw the same machine.
        var modes = input.ModeFlag.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (modes.Length == 0 || modes.Any(m => m is not ("bulk" or "normal")))
        {
            Console.Error.WriteLine($"bench-core: --mode takes bulk, normal or both comma-separated, not '{input.ModeFlag}'");
            return false;
        }
        if (input.SliceFlag <= 0)
        {
            Console.Error.WriteLine($"bench-core: --slice takes a positive number of articles, not {input.SliceFlag}");
            return false;
        }
        const int rowsPerInsert = 800;   // as in every earlier run of this bench (it was 4 x the default batch of 200)

        // Warm-up, outside the clocks: each path's code is JIT-compiled, then re-compiled by tiered compilation once
        // hot (in the background, a few seconds of CPU in all), and Marten checks the schema on its first bulk insert;
        // a real import pays that once, not per article. Rounds of the very runs measured below (the pipeline too)
        // repeat until a round leaves the JIT nearly idle: with one fixed round, half the CPU of the measured 5,000
        // articles was still the JIT's (tier-1 re-compilation), which no longer import pays past its first seconds.
        var warmUp = Math.Min(300, articles.Count / 5);
        for (var round = 1; ; round++)
        {
            var (methods, jit) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            foreach (var mode in modes.Distinct())
            {
                await using var warm = await ArticleImport.StartAsync(store, ingestion, mode == "bulk", CancellationToken.None, input.SliceFlag);
                foreach (var batch in articles.Take(warmUp).Chunk(50)) await warm.IngestAsync(batch, CancellationToken.None);
                await EmptyStoreAsync(store);
                if (mode != "bulk") continue;
                await using var pipe = await ArticleImport.StartAsync(store, ingestion, true, CancellationToken.None, input.SliceFlag);
                await foreach (var batch in ReadAhead.Of(reader.ReadFile(input.Path, "bench").Take(warmUp).Chunk(50)))
                    await pipe.IngestAsync(batch, CancellationToken.None);
                await EmptyStoreAsync(store);
            }
            await Task.Delay(500);   // lets the background tier-1 queue drain before it is counted
            var compiled = JitInfo.GetCompiledMethodCount() - methods;
            if (compiled < 25 || round == 10)
            {
                Console.WriteLine($"warm-up: {round} rounds of {warmUp} articles; the last one JIT-compiled {compiled} methods in " +
                                  $"{(JitInfo.GetCompilationTime() - jit).TotalMilliseconds:0} ms");
                break;
            }
        }

        var cpu = await CpuMeter.StartAsync(store);
        var before = await RawCeilingAsync(store, articles, rowsPerInsert);
        long stored = 0;
        double appendSeconds = 0;
        // Each write path on empty, freshly truncated tables (a run on the pages an earlier one left behind does not
        // extend files and was measured up to 1.5x faster): first from the articles extracted above (the store
        // alone), then, for bulk, the ingest command's own pipeline from the file (reading, parsing and extraction one
        // batch ahead of storing, on the same two cores as PostgreSQL): the end-to-end rate. The last run's data stays.
        var runs = modes.Select(m => (Mode: m, Pipeline: false)).Concat(modes.Contains("bulk") ? [("bulk", true)] : []).ToList();
        foreach (var (mode, pipeline) in runs)
        {
            await EmptyStoreAsync(store);
            var bulk = mode == "bulk";
            var cpuBefore = cpu.Now();
            var jitBefore = JitInfo.GetCompilationTime();
            clock.Restart();
            stored = 0;
            int batchSize;
            await using (var import = await ArticleImport.StartAsync(store, ingestion, bulk, CancellationToken.None, input.SliceFlag))
            {
                batchSize = input.BatchFlag > 0 ? input.BatchFlag : import.DefaultBatchSize;
                if (pipeline)
                    await foreach (var batch in ReadAhead.Of(reader.ReadFile(input.Path, "bench").Take(input.ArticlesFlag).Chunk(batchSize)))
                        stored += (await import.IngestAsync(batch, CancellationToken.None)).Where(r => !r.Duplicate).Sum(r => r.Statements);
                else
                    foreach (var batch in articles.Chunk(batchSize))
                        stored += (await import.IngestAsync(batch, CancellationToken.None)).Where(r => !r.Duplicate).Sum(r => r.Statements);
                if (bulk && !import.Bulk) Console.WriteLine($"note: the bulk run went {import.How}");
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var used = cpu.Now() - cpuBefore;
            var after = await RawCeilingAsync(store, articles, rowsPerInsert);
            var ceiling = (before + after) / 2;
            Console.WriteLine($"raw ceiling (multi-row INSERT of statement JSON rows, {rowsPerInsert} rows per INSERT): {ceiling:0} rows/s " +
                              $"(before the run {before:0}, after {after:0})");
            var what = pipeline ? "END TO END, the ingest command's pipeline (read, parse, extract one batch ahead of bulk COPY, inline projections)"
                : bulk ? "append + inline projections, bulk (COPY, the ingest command's path)" : "append + inline projections, article by article (the server's path)";
            Console.WriteLine($"{what}, batches of {batchSize}: {stored} statements in {seconds:0.00} s = {stored / seconds:0} statements/s " +
                              $"({100 * stored / seconds / ceiling:0.0}% of the raw ceiling); CPU per statement: {used.Describe(stored)}; " +
                              $"JIT during the run {(JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:0} ms");
            if (!pipeline) appendSeconds = seconds;
            before = after;
        }
        if (!modes.Contains("bulk"))
            Console.WriteLine($"end to end, extraction then append (not pipelined): {stored / (extractSeconds + appendSeconds):0} statements/s");

        clock.Restart();
        await host.StartAsync();
        try
        {
            await host.ForceAllMartenDaemonActivityToCatchUpAsync(CancellationToken.None);
            var catchUp = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"caught up: async projections (and the live pump) over the ingested events in {catchUp:0.00} s after start; " +
                              $"append + every projection current: {stored / (appendSeconds + catchUp):0} statements/s");
            if (input.NoReadsFlag) return true;
            var claimIds = await OpenClaimsAsync(store, 200);
            await using var query = store.QuerySession();
            var actorIds = (await query.Query<ActorView>().OrderByDescending(a => a.StatementCount).Take(200).ToListAsync()).Select(a => a.Id).ToList();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1")) };
            // Each kind three ways: every request built from the database (the cache off: what a miss costs), served
            // from the read cache (after the warm-up every request is a hit), and revalidated with If-None-Match (304).
            var cache = host.Services.GetRequiredService<ReadCache>();
            foreach (var (kind, urls) in new[] { ("actor", actorIds.Select(id => $"/api/actors/{Uri.EscapeDataString(id)}").ToList()),
                         ("claim", claimIds.Select(id => $"/api/claims/{id}").ToList()) })
            {
                cache.Enabled = false;
                await LatencyAsync(http, kind + " (cache off)", urls, input.RequestsFlag);
                cache.Clear();
                cache.Enabled = true;
                var (hits, misses) = (cache.Hits, cache.Misses);
                var tags = await LatencyAsync(http, kind + " (cache on)", urls, input.RequestsFlag);
                Console.WriteLine($"  read cache: {cache.Hits - hits} hits, {cache.Misses - misses} misses, {cache.Count} answers, {cache.Bytes / 1024} kB");
                await LatencyAsync(http, kind + " (If-None-Match, 304)", urls, input.RequestsFlag, tags);
            }
        }
        finally { await host.StopAsync(); }
        return true;
    }

    /// <summary>
    /// Empties the store (<c>ResetAllData</c>) and then truncates Marten's tables, which gives them new, empty files:
    /// <c>ResetAllData</c> deletes rows and PostgreSQL keeps their pages, so a run after it would not extend files
    /// the way an import into a new database does.
    /// </summary>
    private static async Task EmptyStoreAsync(IDocumentStore store)
    {
        await store.Advanced.ResetAllData();
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables where schemaname = @schema and tablename like 'mt\\_%'", conn))
        {
            list.Parameters.AddWithValue("schema", store.Options.DatabaseSchemaName);
            await using var rows = await list.ExecuteReaderAsync();
            while (await rows.ReadAsync()) tables.Add(rows.GetString(0));
        }
        await using var truncate = new NpgsqlCommand($"truncate table {string.Join(", ", tables)}", conn);
        await truncate.ExecuteNonQueryAsync();
    }

    private static async Task<double> RawCeilingAsync(IDocumentStore store, IReadOnlyList<IngestArticle> articles, int rowsPerInsert)
    {
        var rows = articles.SelectMany(a => a.Statements).Select(s => JsonSerializer.Serialize(StatementAttribution.From(s))).ToList();
        await using var conn = new NpgsqlConnection(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("drop table if exists bench_raw; create table bench_raw (id uuid primary key, article uuid, seq bigserial, data jsonb)", conn))
            await create.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(rowsPerInsert))
        {
            await using var cmd = new NpgsqlCommand { Connection = conn };
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                values.Add($"(@i{i}, @a{i}, @d{i}::jsonb)");
                cmd.Parameters.AddWithValue($"i{i}", Guid.NewGuid());
                cmd.Parameters.AddWithValue($"a{i}", Guid.NewGuid());
                cmd.Parameters.AddWithValue($"d{i}", chunk[i]);
            }
            cmd.CommandText = "insert into bench_raw (id, article, data) values " + string.Join(",", values);
            await cmd.ExecuteNonQueryAsync();
        }
        var rate = rows.Count / clock.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("drop table bench_raw", conn)) await drop.ExecuteNonQueryAsync();
        return rate;
    }

    // Enough requests before the clock starts for tiered compilation to finish (tier-1 code, PGO): with 200 the first
    // measured kind still paid for the JIT in the background, which read as the endpoint's own cost.
    private const int Warmup = 2000;

    private static async Task<List<Guid>> OpenClaimsAsync(IDocumentStore store, int count)
    {
        await using var session = store.LightweightSession();
        var statements = await session.Query<StatementView>().Take(count * 3).ToListAsync();
        var ids = new List<Guid>();
        for (var i = 0; i + 2 < statements.Count && ids.Count < count; i += 3)
        {
            var id = Guid.NewGuid();
            var events = new List<object>(ClaimDecisions.Open(null, new OpenClaim(id, "bench claim " + i, null, false, "bench", DateTimeOffset.UtcNow)).Events);
            var claim = new ClaimView { Id = id };
            foreach (var (s, stance) in new[] { (statements[i], Stances.Supports), (statements[i + 1], Stances.Supports), (statements[i + 2], Stances.Disputes) })
            {
                var link = ClaimDecisions.Link(claim, s, new LinkStatement(id, s.Id, stance, false, null, null, "bench", DateTimeOffset.UtcNow));
                events.AddRange(link.Events);
                claim.Links.Add(new ClaimLinkView { Statement = StatementDecisions.LinkedStatementOf(s), Stance = stance });
            }
            session.Events.StartStream<ClaimView>(id, events.ToArray());
            ids.Add(id);
        }
        await session.SaveChangesAsync();
        return ids;
    }

    /// <summary>Prints the latency of GETs over 8 clients; returns each URL's ETag (sent back as If-None-Match when given).</summary>
    private static async Task<Dictionary<string, string>> LatencyAsync(HttpClient http, string kind, IReadOnlyList<string> urls, int requests,
        IReadOnlyDictionary<string, string>? ifNoneMatch = null)
    {
        var tags = new Dictionary<string, string>();
        long bytes = 0;
        async Task<HttpResponseMessage> Send(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch[url]);
            return await http.SendAsync(request);
        }
        for (var i = 0; i < Math.Min(Warmup, requests); i++) // warm-up
        {
            using var response = await Send(urls[i % urls.Count]);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (ifNoneMatch is null) { response.EnsureSuccessStatusCode(); bytes += body.Length; }
            else if (response.StatusCode != System.Net.HttpStatusCode.NotModified) throw new InvalidOperationException($"{urls[i % urls.Count]}: {response.StatusCode}, not 304");
            if (response.Headers.ETag is { } tag) tags[urls[i % urls.Count]] = tag.ToString();
        }
        var times = new double[requests];
        var next = -1;
        // CPU time of this process (Kestrel, the endpoint, Marten, and the 8 clients) per request: less at the mercy
        // of the other developers' load than latency is (PostgreSQL's share is not in it).
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await Send(urls[n % urls.Count]);
                await response.Content.ReadAsByteArrayAsync();
                if (ifNoneMatch is null) response.EnsureSuccessStatusCode();
                times[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        process.Refresh();
        var cpuPerRequest = (process.TotalProcessorTime - cpu).TotalMilliseconds / requests;
        Array.Sort(times);
        var size = ifNoneMatch is null ? $", answers {bytes / Math.Min(Warmup, requests) / 1024.0:0.0} kB average" : "";
        Console.WriteLine($"GET {kind}: {requests} requests, 8 clients, {requests / clock.Elapsed.TotalSeconds:0} req/s, " +
                          $"p50 {times[requests / 2]:0.00} ms, p99 {times[(int)(requests * 0.99)]:0.00} ms, max {times[^1]:0.00} ms, CPU {cpuPerRequest:0.000} ms/request{size}");
        return tags;
    }
}
