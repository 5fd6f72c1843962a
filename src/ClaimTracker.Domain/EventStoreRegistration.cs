using JasperFx.Events;
using JasperFx.Events.Projections;
using System.Text.Json.Serialization;
using Marten;
using Weasel.Core;

namespace ClaimTracker.Domain;

/// <summary>
/// Everything the event store needs to know about this domain, in one call for the server's Marten configuration.
/// Inline where a reader or a decision needs the document the moment the write commits; async where a document
/// gathers events from many streams and would otherwise serialize concurrent writers (see docs/events.md).
/// </summary>
public static class EventStoreRegistration
{
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(ArticleIngested), typeof(StatementRecorded), typeof(StatementCorrected), typeof(StatementRetracted),
        typeof(ClaimOpened), typeof(StatementLinkedToClaim), typeof(StatementUnlinkedFromClaim), typeof(LinkedStatementRevised),
        typeof(ClaimsMerged), typeof(VerdictIssued), typeof(ActorAliasAdded), typeof(ActorsMerged),
    ];

    /// <summary>Events per async daemon page for the actor projections (Marten's default is 500).</summary>
    public const int ActorPageSize = 2000;

    public static StoreOptions AddClaimTrackerDomain(this StoreOptions opts)
    {
        foreach (var type in EventTypes) opts.Events.AddEventType(type);

        // Marten's System.Text.Json defaults, except that null members are not written: a statement has a dozen
        // optional fields (role, affiliation, medium, ...) that are mostly null, and every byte of an event or view
        // is parsed into jsonb by PostgreSQL on ingest. Reading a missing member gives the same null.
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.Default,
            json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        // Quick append: one function call per stream instead of one INSERT per event plus a sequence reservation
        // (measured ~1.6x faster ingestion in bench-core, docs/benchmarks.md). Inline projections then see the
        // stream version (we only append through StartStream and FetchForWriting, which know it) and the client
        // timestamp, but not the global sequence: only async read models carry LastSequence (docs/events.md).
        opts.Events.AppendMode = EventAppendMode.Quick;

        // Inline only where a decision or a writer needs the document the moment the write commits.
        opts.Projections.Add<StatementProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ClaimProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActorAliasProjection>(ProjectionLifecycle.Inline);
        // Async: the article view is the biggest document (paragraphs, every attribution, the report) and only
        // readers need it; they read it with FetchLatest, which adds events the daemon has not applied yet.
        opts.Projections.Add<ArticleProjection>(ProjectionLifecycle.Async);
        // Hot actors are loaded and rewritten once per daemon page: bigger pages, fewer rewrites during a bulk import.
        opts.Projections.Add<ActorProjection>(ProjectionLifecycle.Async, o => o.BatchSize = ActorPageSize);
        opts.Projections.Add<ActorStatementsProjection>(ProjectionLifecycle.Async, o => o.BatchSize = ActorPageSize);

        // Lookups the API makes: statements of an actor (the actor page beyond its ready-made list), claims by
        // status, actors by count and type, stories newest first (without it, listing 19,000 stored articles
        // decompressed every article document to sort them). Nothing else: every index is written on every ingest.
        opts.Schema.For<StatementView>().Index(x => x.ActorId);
        opts.Schema.For<ClaimView>().Index(x => x.Status);
        opts.Schema.For<ActorView>().Index(x => x.StatementCount).Index(x => x.Type);
        opts.Schema.For<ArticleView>().Index(x => x.IngestedAt);
        return opts;
    }
}
