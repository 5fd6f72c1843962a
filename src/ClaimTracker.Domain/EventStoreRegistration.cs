using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

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

    public static StoreOptions AddClaimTrackerDomain(this StoreOptions opts)
    {
        foreach (var type in EventTypes) opts.Events.AddEventType(type);

        // Every read model carries the global sequence (and stream version) of the last event it reflects, for
        // optimistic concurrency and for the live push's replay. In Marten 9's default QuickWithServerTimestamps mode
        // inline projections see Sequence = 0 and Version = 0 (checked against PostgreSQL); Rich mode reserves the
        // sequence numbers before the append, so inline documents get the real ones.
        opts.Events.AppendMode = EventAppendMode.Rich;

        opts.Projections.Add<ArticleProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<StatementProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ClaimProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActorAliasProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActorProjection>(ProjectionLifecycle.Async);

        // Lookups the API and ingestion make: statements of an actor, claims by status, articles by content hash.
        opts.Schema.For<StatementView>().Index(x => x.ActorId).Index(x => x.ArticleId);
        opts.Schema.For<ClaimView>().Index(x => x.Status);
        opts.Schema.For<ArticleView>().Index(x => x.ContentHash);
        opts.Schema.For<ActorView>().Index(x => x.StatementCount).Index(x => x.Type);
        return opts;
    }
}
