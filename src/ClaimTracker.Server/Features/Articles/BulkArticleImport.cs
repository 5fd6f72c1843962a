using ClaimTracker.Domain;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// The bulk way to store a batch of articles, for the <c>ingest</c> command: the same decision as the per-article
/// path (<see cref="ArticleIngestion.PlanAsync"/>), written with PostgreSQL COPY instead of one
/// <c>mt_quick_append_events</c> call per article and one inline upsert per statement.
///
/// Marten's bulk event insert (<c>BulkInsertEventsAsync</c>) skips inline projections and commits on a
/// connection and transaction of its own, so the statement views (the one inline projection over article
/// streams) are computed here with the projection's own <c>Create</c> and bulk-inserted in a transaction before
/// it. Documents first: an interruption between the two commits leaves statement views without their article
/// stream (never events without their views). Such leftovers are found by a view whose article has no stream; they
/// are removed before the same articles are imported again and, for any article, when a bulk run or the server
/// starts (<see cref="RemoveLeftoversAsync"/>, <see cref="ArticleImport"/>). Views are inserted, never overwritten: a view that exists already means
/// someone stored the article after our duplicate check, and the batch goes the per-article way instead.
/// </summary>
public sealed class BulkArticleImport(IDocumentStore store, ArticleIngestion ingestion, int articlesPerSlice = BulkArticleImport.DefaultArticlesPerSlice)
{
    /// <summary>
    /// A batch is written in slices of this many articles, so that PostgreSQL copies the views of one slice on one
    /// connection while it copies the events of the one before on another: one COPY keeps one server process busy,
    /// and on two cores the other one would mostly wait.
    /// </summary>
    public const int DefaultArticlesPerSlice = 250;

    private static readonly StatementProjection Statements = new();

    /// <summary>
    /// Stores the batch; answers null when it could not be stored in bulk because another writer stored one of its
    /// articles meanwhile (then the articles of the batch that have no stream yet have nothing left behind either; the
    /// caller stores them the per-article way, and <paramref name="committed"/> holds the articles this call did store).
    /// </summary>
    public async Task<IReadOnlyList<IngestedArticle>?> ImportAsync(IReadOnlyList<IngestArticle> articles, ISet<Guid> committed, CancellationToken ct)
    {
        IngestPlan plan;
        await using (var session = store.QuerySession()) plan = await ingestion.PlanAsync(session, articles, ct);
        if (plan.NewStreams.Count == 0) return plan.Results;

        // Per slice: its views are committed before its events start (an interruption never leaves events without
        // their views), and the event COPYs run one after the other, in order (each reserves its sequence numbers and
        // moves the high-water mark). Only a slice's views and the previous slice's events overlap.
        Task<bool>? eventsOfPrevious = null;
        var viewIds = new List<Guid>();
        try
        {
            foreach (var slice in plan.NewStreams.Chunk(articlesPerSlice))
            {
                var views = slice.SelectMany(s => s.Events.OfType<StatementRecorded>()).Select(ViewOf).ToList();
                viewIds.AddRange(views.Select(v => v.Id));
                var viewsStored = views.Count == 0 || await StoreViewsAsync(views, ct);
                if (eventsOfPrevious is not null && !await eventsOfPrevious) return await TakeBackAsync(viewIds);
                eventsOfPrevious = null;
                if (!viewsStored) return await TakeBackAsync(viewIds);
                // The views are committed: from here on the events follow even after Ctrl-C, so an interruption never
                // leaves the views alone (only a crash can; the next bulk run removes them).
                eventsOfPrevious = StoreEventsAsync(slice, committed);
            }
            if (!await eventsOfPrevious!) return await TakeBackAsync(viewIds);
            eventsOfPrevious = null;
            return plan.Results;
        }
        finally
        {
            // Cancelled or failed while a slice's events were on their way: they still complete (see above).
            if (eventsOfPrevious is not null) await eventsOfPrevious;
        }
    }

    /// <summary>Inserts the views (never overwrites); false when one exists already (another writer stored its article after our check).</summary>
    private async Task<bool> StoreViewsAsync(List<StatementView> views, CancellationToken ct)
    {
        // Leftovers of an interrupted run for these very articles go first (the run's start removed the others).
        await RemoveLeftoversAsync(store, views.Select(v => v.Id).ToArray(), ct);
        try
        {
            await store.BulkInsertAsync(views, BulkInsertMode.InsertsOnly, batchSize: 5000, cancellation: ct);
            return true;
        }
        catch (Exception e) when (IsUniqueViolation(e)) { return false; }   // the COPY rolled back: nothing stored
        // Cancelled mid-COPY, Marten's rollback can meet a transaction Npgsql has already disposed and throw
        // ObjectDisposedException instead of the cancellation: the COPY did not commit either way, so say what happened.
        catch (Exception e) when (ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("Storing statement views was cancelled.", e, ct);
        }
    }

    /// <summary>Starts the slice's article streams; false when a writer started one of them after our check (the COPY rolled back).</summary>
    private async Task<bool> StoreEventsAsync(NewArticleStream[] slice, ISet<Guid> committed)
    {
        var streams = slice.Select(s =>
        {
            var action = StreamAction.Start(((DocumentStore)store).Events, s.Id, s.Events.ToArray());
            action.AggregateType = typeof(ArticleView);   // mt_streams.type as StartStream<ArticleView> writes it
            return action;
        }).ToList();
        try
        {
            await store.BulkInsertEventsAsync(streams, batchSize: 5000, cancellation: CancellationToken.None);
        }
        catch (Exception e) when (IsUniqueViolation(e)) { return false; }
        lock (committed) foreach (var s in slice) committed.Add(s.Id);
        return true;
    }

    /// <summary>After a conflict: our views of the batch's articles that have no stream are removed (for the per-article path to write).</summary>
    private async Task<IReadOnlyList<IngestedArticle>?> TakeBackAsync(List<Guid> viewIds)
    {
        await RemoveLeftoversAsync(store, viewIds.ToArray(), CancellationToken.None);
        return null;
    }

    /// <summary>
    /// The statement view exactly as the inline projection creates it for a new statement (same code: the
    /// projection's <c>Create</c>, which reads nothing but the event's data), so a rebuild yields the same document.
    /// </summary>
    public static StatementView ViewOf(StatementRecorded recorded) => Statements.Create(new Event<StatementRecorded>(recorded));

    /// <summary>
    /// Deletes statement views whose article has no stream: the leftovers of a bulk batch interrupted between its
    /// two commits (the per-article path writes views and stream in one transaction, so it never leaves any).
    /// Only the views <paramref name="statementIds"/> when given (primary-key lookups), else every such view. Safe next to other writers: a
    /// transaction that stores views and stream together is seen either with both or with neither.
    /// </summary>
    public static async Task<int> RemoveLeftoversAsync(IDocumentStore documentStore, Guid[]? statementIds, CancellationToken ct)
    {
        var events = documentStore.Options.Events.DatabaseSchemaName;
        var views = documentStore.Options.FindOrResolveDocumentType(typeof(StatementView)).TableName.QualifiedName;
        await using var conn = documentStore.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // Marten stores property names as written in C# (PascalCase): ArticleId.
        await using var cmd = new NpgsqlCommand(
            $"delete from {views} v where not exists (select 1 from {events}.mt_streams s where s.id = (v.data ->> 'ArticleId')::uuid)" +
            (statementIds is null ? "" : " and v.id = any(@ids)"), conn);
        if (statementIds is not null) cmd.Parameters.AddWithValue("ids", statementIds);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static bool IsUniqueViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        return false;
    }
}
