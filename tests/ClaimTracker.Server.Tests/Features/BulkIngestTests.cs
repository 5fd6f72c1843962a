using System.Text.Json;
using Alba;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Articles;
using ClaimTracker.Server.Features.ClaimMatching;
using ClaimTracker.Server.Infrastructure;
using ClaimTracker.Server.Tests.Harness;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>
/// The bulk import of the <c>ingest</c> command (COPY of events and statement views) against the per-article path
/// the server uses: same events, same documents, the daemon and the claim matcher follow; safe to rerun and to
/// interrupt; it steps aside for a running server.
/// </summary>
public sealed class BulkIngestTests : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var d in Enumerable.Reverse(_owned)) await d.DisposeAsync();
        foreach (var db in _databases) await (await TestPostgres.Shared).DropDatabaseAsync(db);
    }

    private async Task<string> Database(string purpose)
    {
        var cs = await (await TestPostgres.Shared).CreateDatabaseAsync(purpose);
        _databases.Add(cs);
        return cs;
    }

    /// <summary>The server's event store configuration, without a host: no daemon runs, as with `ingest`.</summary>
    private DocumentStore Store(string cs)
    {
        var store = DocumentStore.For(opts =>
        {
            opts.Connection(cs);
            opts.DatabaseSchemaName = EventStoreSetup.SchemaName;
            EventStoreSetup.ConfigureEventStore(opts);
        });
        _owned.Add(store);
        return store;
    }

    private async Task<IAlbaHost> Server(string cs)
    {
        var host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Postgres", cs);
            b.UseSetting("ClaimMatching:IntervalSeconds", "0");
            b.UseSetting("ClaimTracker:SeedOnStart", "false");
            b.UseSetting("CLAIMTRACKER_API_KEY", "bulk-test-key");
        });
        _owned.Add(host);
        return host;
    }

    /// <summary>The seeds and the 1987 sample, read once: both paths get the very same commands (same timestamps).</summary>
    private static List<IngestArticle> Articles() =>
    [
        .. new ExtractorArticleReader().ReadFile(Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt"), "test"),
        .. new ExtractorArticleReader().ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "dev-1987.txt"), "test"),
    ];

    /// <summary>Batches of 7 in slices of 3 (the default 250 would make one slice of every batch here): a slice's views
    /// are copied while the previous slice's events are, as in a real import.</summary>
    private static async Task<List<IngestedArticle>> Import(IDocumentStore store, IEnumerable<IngestArticle> articles, bool bulk, int batch = 7)
    {
        await using var import = await ArticleImport.StartAsync(store, new ArticleIngestion(), bulk, CancellationToken.None, articlesPerSlice: 3);
        Assert.True(bulk == import.Bulk, import.How);
        var results = new List<IngestedArticle>();
        foreach (var chunk in articles.Chunk(batch)) results.AddRange(await import.IngestAsync(chunk, CancellationToken.None));
        Assert.Equal(0, import.BatchesFallenBack);
        return results;
    }

    /// <summary>Every stream: its type and version, and each event's sequence, version, type and data.</summary>
    private static async Task<SortedDictionary<string, string>> Events(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand($"select id, type, version from {EventStoreSetup.SchemaName}.mt_streams", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) rows[$"stream/{r.GetGuid(0)}"] = $"{r.GetString(1)} v{r.GetInt64(2)}";
        await using (var cmd = new NpgsqlCommand($"select stream_id, version, seq_id, type, mt_dotnet_type, data::text from {EventStoreSetup.SchemaName}.mt_events", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                rows[$"event/{r.GetGuid(0)}/{r.GetInt64(1):D4}"] = $"seq {r.GetInt64(2)} {r.GetString(3)} {r.GetString(4)} {r.GetString(5)}";
        return rows;
    }

    /// <summary>
    /// Every document of a kind as JSON. <c>LastUpdated</c> of the async views is the event's timestamp, the moment
    /// it was written (in either path), so it is left out; everything else, sequences included, must match. (The
    /// statement view's LastUpdated comes from the event's data and is compared.)
    /// </summary>
    private static async Task<SortedDictionary<string, string>> Documents<T>(IDocumentStore store, Func<T, object> id)
    {
        await using var session = store.QuerySession();
        var docs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in await session.Query<T>().ToListAsync())         {
            var json = JsonSerializer.Serialize(d);
            docs[$"{typeof(T).Name}/{id(d)}"] = typeof(T) == typeof(StatementView) ? json : LastUpdated.Replace(json, "");
        }
        return docs;
    }

    private static readonly System.Text.RegularExpressions.Regex LastUpdated = new("\"LastUpdated\":\"[^\"]*\"");

    private static void AssertSame(IDictionary<string, string> expected, IDictionary<string, string> actual, string what)
    {
        Assert.True(expected.Count > 0, $"no {what}");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, value) in expected)
        {
            var other = actual[key];
            var at = Enumerable.Range(0, Math.Min(value.Length, other.Length)).FirstOrDefault(i => value[i] != other[i], -1);
            string Near(string s) => at < 0 ? s[^Math.Min(s.Length, 120)..] : s.Substring(Math.Max(0, at - 80), Math.Min(160, s.Length - Math.Max(0, at - 80)));
            Assert.True(value == other, $"{what} {key} differs at {at}:\n  per-article: ...{Near(value)}\n  bulk:        ...{Near(other)}");
        }
    }

    private static async Task<long> Scalar(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Bulk_import_stores_what_the_per_article_path_stores_and_the_daemon_and_matcher_follow()
    {
        var articles = Articles();
        var (normalDb, bulkDb) = (await Database("bulk equal normal"), await Database("bulk equal bulk"));
        var (normal, bulk) = (Store(normalDb), Store(bulkDb));

        var byArticle = await Import(normal, articles, bulk: false);
        var inBulk = await Import(bulk, articles, bulk: true);
        Assert.Equal(byArticle, inBulk);
        Assert.Equal(20, inBulk.Count(r => !r.Duplicate));

        // Same streams, same events (types, data, versions and even sequence numbers), same statement views.
        AssertSame(await Events(normalDb), await Events(bulkDb), "event store");
        AssertSame(await Documents<StatementView>(normal, s => s.Id), await Documents<StatementView>(bulk, s => s.Id), "statement view");

        // No gaps in the sequence; the high-water mark the bulk insert leaves is the last event.
        var schema = EventStoreSetup.SchemaName;
        var events = await Scalar(bulkDb, $"select count(*) from {schema}.mt_events");
        Assert.Equal(events, await Scalar(bulkDb, $"select max(seq_id) from {schema}.mt_events"));
        Assert.Equal(1, await Scalar(bulkDb, $"select min(seq_id) from {schema}.mt_events"));
        Assert.Equal(events, await Scalar(bulkDb, $"select last_seq_id from {schema}.mt_event_progression where name = 'HighWaterMark'"));

        // The servers' daemons build the async views over either store: the same documents.
        var normalServer = await Server(normalDb);
        var bulkServer = await Server(bulkDb);
        await normalServer.ForceAllMartenDaemonActivityToCatchUpAsync(CancellationToken.None);
        await bulkServer.ForceAllMartenDaemonActivityToCatchUpAsync(CancellationToken.None);
        var (normalStore, bulkStore) = (normalServer.Services.GetRequiredService<IDocumentStore>(), bulkServer.Services.GetRequiredService<IDocumentStore>());
        var articleViews = await Documents<ArticleView>(bulkStore, a => a.Id);
        Assert.Equal(20, articleViews.Count);
        AssertSame(await Documents<ArticleView>(normalStore, a => a.Id), articleViews, "article view");
        AssertSame(await Documents<ActorView>(normalStore, a => a.Id), await Documents<ActorView>(bulkStore, a => a.Id), "actor view");
        AssertSame(await Documents<ActorStatements>(normalStore, a => a.Id), await Documents<ActorStatements>(bulkStore, a => a.Id), "actor statements");
        var kerry = (await bulkServer.Get("/api/actors?search=Kerry")).Body.GetProperty("items")[0];
        Assert.True(kerry.GetProperty("statementCount").GetInt32() > 0);

        // A rebuild of the inline statement projection over the bulk-imported events gives the documents we wrote.
        var before = await Documents<StatementView>(bulkStore, s => s.Id);
        var daemon = bulkServer.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<StatementProjection>(CancellationToken.None);
        AssertSame(before, await Documents<StatementView>(bulkStore, s => s.Id), "statement view after a rebuild");

        // The claim matcher places the bulk-imported statements as it places the others.
        var matchedNormal = await normalServer.Services.GetRequiredService<ClaimMatchingRun>().RunAsync(CancellationToken.None);
        var matchedBulk = await bulkServer.Services.GetRequiredService<ClaimMatchingRun>().RunAsync(CancellationToken.None);
        Assert.True(matchedBulk.Matched > 0 && matchedBulk.Linked + matchedBulk.Opened > 0, $"{matchedBulk}");
        Assert.Equal(matchedNormal with { Rebuilt = true }, matchedBulk with { Rebuilt = true });
        var placed = (await Documents<StatementView>(bulkStore, s => s.Id)).Count(d => !d.Value.Contains("\"Claims\":[]"));
        Assert.Equal(matchedBulk.Linked + matchedBulk.Opened, placed);
    }

    [Fact]
    public async Task Bulk_import_is_idempotent_and_a_rerun_repairs_an_interrupted_batch()
    {
        var articles = Articles();
        var db = await Database("bulk rerun");
        var store = Store(db);
        var schema = EventStoreSetup.SchemaName;

        var first = await Import(store, articles.Take(10), bulk: true);
        Assert.All(first, r => Assert.False(r.Duplicate));
        var events = await Scalar(db, $"select count(*) from {schema}.mt_events");
        var again = await Import(store, articles.Take(10), bulk: true);
        Assert.All(again, r => Assert.True(r.Duplicate));
        Assert.Equal(events, await Scalar(db, $"select count(*) from {schema}.mt_events"));

        // A bulk batch stopped between its two commits: statement views stored, the article stream not. Here for two
        // articles, one of which the next run imports again and one it does not.
        var interrupted = articles.Skip(10).Take(2).ToList();
        IngestPlan plan;
        await using (var query = store.QuerySession()) plan = await new ArticleIngestion().PlanAsync(query, interrupted, CancellationToken.None);
        var leftovers = plan.NewStreams.SelectMany(s => s.Events.OfType<StatementRecorded>())
            .Select(r => BulkArticleImport.ViewOf(r with { ArticleHeadline = "half-stored" })).ToList();
        Assert.NotEmpty(leftovers);
        await store.BulkInsertAsync(leftovers);

        await using (var import = await ArticleImport.StartAsync(store, new ArticleIngestion(), bulk: true, CancellationToken.None))
        {
            Assert.Equal(leftovers.Count, import.LeftoversRemoved);
            var results = await import.IngestAsync(articles.Skip(11).ToList(), CancellationToken.None);
            Assert.All(results, r => Assert.False(r.Duplicate));
        }
        var views = await Documents<StatementView>(store, s => s.Id);
        Assert.DoesNotContain(views.Values, v => v.Contains("half-stored"));
        Assert.Equal(await Scalar(db, $"select count(*) from {schema}.mt_events where type = 'statement_recorded'"), views.Count);
        // Every view has its stream, every statement event its view.
        Assert.Equal(0, await Scalar(db, $"select count(*) from {schema}.mt_doc_statementview v where not exists " +
                                         $"(select 1 from {schema}.mt_streams s where s.id = (v.data ->> 'ArticleId')::uuid)"));
    }

    [Fact]
    public async Task A_server_start_removes_what_a_killed_bulk_import_left()
    {
        var articles = Articles();
        var db = await Database("bulk leftovers server");
        var store = Store(db);
        await Import(store, articles.Take(3), bulk: true);
        var kept = (await Documents<StatementView>(store, s => s.Id)).Count;
        // Views of two more articles committed, their events never (the process was killed in between).
        IngestPlan plan;
        await using (var query = store.QuerySession()) plan = await new ArticleIngestion().PlanAsync(query, articles.Skip(3).Take(2).ToList(), CancellationToken.None);
        await store.BulkInsertAsync(plan.NewStreams.SelectMany(s => s.Events.OfType<StatementRecorded>()).Select(BulkArticleImport.ViewOf).ToList());
        Assert.True((await Documents<StatementView>(store, s => s.Id)).Count > kept);

        await Server(db);
        var views = kept + 1;
        for (var i = 0; i < 100 && (views = (await Documents<StatementView>(store, s => s.Id)).Count) != kept; i++) await Task.Delay(100);
        Assert.Equal(kept, views);
    }

    [Fact]
    public async Task With_a_server_running_against_the_database_the_import_goes_article_by_article()
    {
        var db = await Database("bulk server running");
        var server = await Server(db);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        // The daemon starts listening for appends shortly after the host started.
        for (var i = 0; i < 100 && !await ArticleImport.DaemonRunningAsync(store, CancellationToken.None); i++) await Task.Delay(100);
        Assert.True(await ArticleImport.DaemonRunningAsync(store, CancellationToken.None));

        await using var import = await ArticleImport.StartAsync(store, new ArticleIngestion(), bulk: true, CancellationToken.None);
        Assert.False(import.Bulk);
        Assert.Contains("server is running", import.How);
        var results = await import.IngestAsync(Articles().Take(10).ToList(), CancellationToken.None);
        Assert.Equal(10, results.Count(r => !r.Duplicate));
        await server.ForceAllMartenDaemonActivityToCatchUpAsync(CancellationToken.None);
        Assert.Equal(10, (await Documents<ArticleView>(store, a => a.Id)).Count);

        // Without the server, the same database is imported in bulk again.
        var quiet = Store(db);
        await server.DisposeAsync();
        _owned.Remove(server);
        // A stopped server process closes its connections; a disposed in-process host leaves the daemon's listening
        // connection open (observed with Marten 9.58), so end it as the process exit would.
        await Scalar(db, "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() " +
                         "and query ilike 'listen mt_events_appended%'");
        for (var i = 0; i < 50 && await ArticleImport.DaemonRunningAsync(quiet, CancellationToken.None); i++) await Task.Delay(100);
        var rest = await Import(quiet, Articles(), bulk: true);
        Assert.Equal(10, rest.Count(r => r.Duplicate));
    }
}
