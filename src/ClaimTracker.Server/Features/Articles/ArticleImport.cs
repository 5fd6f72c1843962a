using ClaimTracker.Domain;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// One import run of the <c>ingest</c> command (and the bench): stores batches in bulk (<see cref="BulkArticleImport"/>)
/// when that is safe, article by article (<see cref="ArticleIngestion"/>) when it is not.
///
/// Bulk is not safe while a server's async daemon runs against the database: Marten's bulk event insert sets the
/// daemon's high-water mark to the last sequence it wrote, and an append of the server that reserved a lower
/// sequence but commits later would then never reach the async views. A running daemon is recognised by its
/// <c>LISTEN mt_events_appended</c> connection (every ClaimTracker server has one); it is checked when the run starts
/// and before every batch, so a server started mid-run turns the rest of the run to the per-article path.
/// Bulk runs also exclude each other (a PostgreSQL advisory lock): a bulk run starts by removing the leftovers of an
/// interrupted one, which must not be the half-written batch of a run still going.
/// </summary>
public sealed class ArticleImport : IAsyncDisposable
{
    /// <summary>Advisory lock key held by a bulk run ("ClaimBlk").</summary>
    private const long BulkLock = 0x436C61696D426C6B;

    private readonly IDocumentStore _store;
    private readonly ArticleIngestion _ingestion;
    private readonly BulkArticleImport _bulk;
    private NpgsqlConnection? _lock;

    private ArticleImport(IDocumentStore store, ArticleIngestion ingestion, NpgsqlConnection? bulkLock, string how,
        int articlesPerSlice = BulkArticleImport.DefaultArticlesPerSlice)
    {
        _store = store;
        _ingestion = ingestion;
        _bulk = new BulkArticleImport(store, ingestion, articlesPerSlice);
        _lock = bulkLock;
        How = how;
    }

    /// <summary>
    /// Articles per batch unless the user says otherwise: a bulk batch costs a few round trips whatever its size, so
    /// bigger ones spend fewer per statement (no difference measurable on the shared machine against 200,
    /// docs/benchmarks.md); the per-article path keeps its 200.
    /// </summary>
    public int DefaultBatchSize => Bulk ? 1000 : 200;

    /// <summary>True while batches go in bulk.</summary>
    public bool Bulk => _lock is not null;

    /// <summary>How this run writes and why, one line for the user.</summary>
    public string How { get; private set; }

    /// <summary>Batches that went the per-article way although the run was in bulk (another writer stored one of their articles).</summary>
    public int BatchesFallenBack { get; private set; }

    /// <summary>Statement views left by an interrupted earlier bulk run, removed when this one started.</summary>
    public int LeftoversRemoved { get; private set; }

    public static async Task<ArticleImport> StartAsync(IDocumentStore store, ArticleIngestion ingestion, bool bulk, CancellationToken ct,
        int articlesPerSlice = BulkArticleImport.DefaultArticlesPerSlice)
    {
        if (!bulk) return new(store, ingestion, null, "article by article (--normal)");
        if (await DaemonRunningAsync(store, ct))
            return new(store, ingestion, null, "article by article: a server is running against this database (bulk would bypass its daemon)");
        if (await TryTakeBulkLockAsync(store, ct) is not { } bulkLock)
            return new(store, ingestion, null, "article by article: another bulk import is running against this database");
        var import = new ArticleImport(store, ingestion, bulkLock, "in bulk (COPY)", articlesPerSlice);
        import.LeftoversRemoved = await BulkArticleImport.RemoveLeftoversAsync(store, null, ct);
        return import;
    }

    public async Task<IReadOnlyList<IngestedArticle>> IngestAsync(IReadOnlyList<IngestArticle> batch, CancellationToken ct)
    {
        if (Bulk && await DaemonRunningAsync(_store, ct))
        {
            await ReleaseLockAsync();
            How = "article by article from here on: a server started against this database during the run";
        }
        var committed = new HashSet<Guid>();
        if (Bulk)
        {
            if (await _bulk.ImportAsync(batch, committed, ct) is { } stored) return stored;
            BatchesFallenBack++;
        }
        await using var session = _store.LightweightSession();
        var results = await _ingestion.IngestAsync(session, batch, ct);
        await session.SaveChangesAsync(ct);
        // Articles the bulk attempt stored before it gave up are new to this run, not duplicates (their first
        // occurrence in the batch; a repeat within the batch stays a duplicate).
        return committed.Count == 0 ? results
            : results.Select(r => r.Duplicate && committed.Remove(r.Id) ? r with { Duplicate = false } : r).ToList();
    }

    /// <summary>
    /// For the server's start: removes the statement views a killed bulk run left without their article (see
    /// <see cref="BulkArticleImport"/>) before readers or the claim matcher see them, unless a bulk run holds the
    /// lock right now (then its own views between two commits are not leftovers). Answers how many were removed.
    /// </summary>
    public static async Task<int> RemoveLeftoversUnlessImportingAsync(IDocumentStore store, CancellationToken ct)
    {
        if (await TryTakeBulkLockAsync(store, ct) is not { } bulkLock) return 0;
        try { return await BulkArticleImport.RemoveLeftoversAsync(store, null, ct); }
        finally { await ReleaseBulkLockAsync(bulkLock); }
    }

    /// <summary>
    /// The bulk runs' advisory lock, on a connection of its own that holds it (the tables are made first, so the
    /// leftover sweep that follows has something to sweep); null when another bulk run holds it.
    /// </summary>
    private static async Task<NpgsqlConnection?> TryTakeBulkLockAsync(IDocumentStore store, CancellationToken ct)
    {
        var database = store.Storage.Database;
        await database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        await database.EnsureStorageExistsAsync(typeof(StatementView), ct);
        var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_lock({BulkLock})", conn))
            if (await take.ExecuteScalarAsync(ct) is true) return conn;
        await conn.DisposeAsync();
        return null;
    }

    private static async Task ReleaseBulkLockAsync(NpgsqlConnection conn)
    {
        // Closing only returns the connection to the pool, where a session lock would live on: unlock explicitly.
        await using (var release = new NpgsqlCommand($"select pg_advisory_unlock({BulkLock})", conn))
            await release.ExecuteScalarAsync(CancellationToken.None);
        await conn.DisposeAsync();
    }

    /// <summary>Whether an async daemon (a running server) listens for appends to this database.</summary>
    public static async Task<bool> DaemonRunningAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // Marten's daemon keeps one connection that ran `LISTEN mt_events_appended` and then only waits for
        // notifications, so that statement stays its current one in pg_stat_activity (same role: visible to us).
        await using var cmd = new NpgsqlCommand(
            "select exists (select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() " +
            "and query ilike 'listen mt_events_appended%')", conn);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private async Task ReleaseLockAsync()
    {
        if (_lock is null) return;
        await ReleaseBulkLockAsync(_lock);
        _lock = null;
    }

    public async ValueTask DisposeAsync() => await ReleaseLockAsync();
}
