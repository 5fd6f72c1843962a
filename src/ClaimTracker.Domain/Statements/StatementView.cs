using JasperFx.Events;
using Marten.Events.Projections;

namespace ClaimTracker.Domain;

/// <summary>One statement: as the extractor found it, as it reads now, the claims it is linked to, and its history.</summary>
public sealed class StatementView
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public int Ordinal { get; set; }
    public string ExtractorStatementId { get; set; } = "";
    public string ExtractorVersion { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string ArticleHeadline { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>
    /// As the extractor produced it, once a correction has changed <see cref="Current"/>; null until then (it would be
    /// a second copy of Current in every stored statement: a bulk import writes ~40 % fewer bytes per view).
    /// </summary>
    public StatementAttribution? Original { get; set; }
    /// <summary>After all corrections.</summary>
    public StatementAttribution Current { get; set; } = new();
    public bool Retracted { get; set; }
    public List<StatementClaim> Claims { get; set; } = [];
    /// <summary>
    /// What happened to the statement, oldest first. Empty while nothing has happened since it was recorded: the
    /// "recorded" entry is derived from the fields above (<see cref="FullHistory"/>) and only stored once a later entry
    /// follows it, as with <see cref="Original"/> (most statements are never touched again, and a bulk import wrote
    /// that entry, ~15 % of the view, into every one).
    /// </summary>
    public List<StatementHistoryEntry> History { get; set; } = [];

    /// <summary>The whole history, the "recorded" entry included.</summary>
    public IReadOnlyList<StatementHistoryEntry> FullHistory() => History.Count > 0 ? History : [RecordedEntry()];

    /// <summary>Stores the "recorded" entry before the first later one; called before an event changes the view.</summary>
    public void KeepRecordedEntry()
    {
        if (History.Count == 0) History.Add(RecordedEntry());
    }

    private StatementHistoryEntry RecordedEntry() => new()
    {
        Kind = HistoryKinds.Recorded, At = RecordedAt, By = $"extractor {ExtractorVersion}", ActorId = ActorId,
    };
    /// <summary>
    /// How many events shaped this statement (recorded, corrected, retracted, linked, ...): the expected version a
    /// corrector sends back, so a correction made on a stale reading gets 409. Not called Version in C#: Marten
    /// would take a member of that name for the projection's own version and stamp it (0 under Quick append).
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("version")]
    public long Revision { get; set; }
    /// <summary>Always 0: an inline document does not see the global sequence under Quick append (kept for the shape).</summary>
    public long LastSequence { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}

public sealed class StatementClaim
{
    public Guid ClaimId { get; set; }
    public string Stance { get; set; } = "";
    public bool Automatic { get; set; }
}

public sealed class StatementHistoryEntry
{
    /// <summary>recorded, corrected, retracted, linked, unlinked, claim-merged, actor-merged.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
    public Guid? ClaimId { get; set; }
    public string? ActorId { get; set; }
    /// <summary>Always 0 (inline document, Quick append); the live feed carries each event's sequence.</summary>
    public long Sequence { get; set; }
}

public static class HistoryKinds
{
    public const string Recorded = "recorded";
    public const string Corrected = "corrected";
    public const string Retracted = "retracted";
    public const string Linked = "linked";
    public const string Unlinked = "unlinked";
    public const string ClaimMerged = "claim-merged";
    public const string ActorMerged = "actor-merged";
}

/// <summary>
/// Inline: corrections, retractions and links are decided against this view (and it tells which article stream a
/// statement lives in), so it must be current the moment the ingest commits. Each event touches one or a few
/// statements, so it is cheap.
/// </summary>
public partial class StatementProjection : MultiStreamProjection<StatementView, Guid>
{
    public StatementProjection()
    {
        Identity<StatementRecorded>(e => e.StatementId);
        Identity<StatementCorrected>(e => e.StatementId);
        Identity<StatementRetracted>(e => e.StatementId);
        Identity<StatementLinkedToClaim>(e => e.Statement.StatementId);
        Identity<StatementUnlinkedFromClaim>(e => e.StatementId);
        Identities<ClaimsMerged>(e => e.MovedLinks.Select(l => l.Statement.StatementId).Distinct().ToList());
        Identities<ActorsMerged>(e => e.Moved.StatementIds.Distinct().ToList());
    }

    public StatementView Create(IEvent<StatementRecorded> e)
    {
        var d = e.Data;
        var view = new StatementView
        {
            Id = d.StatementId, ArticleId = d.ArticleId, Ordinal = d.Ordinal,
            ExtractorStatementId = d.ExtractorStatementId, ExtractorVersion = d.ExtractorVersion, ActorId = d.ActorId,
            ArticleHeadline = d.ArticleHeadline, PublishedAt = d.PublishedAt, RecordedAt = d.RecordedAt,
            Current = d.Attribution,
        };
        return Touch(view, e, d.RecordedAt);
    }

    public StatementView Apply(IEvent<StatementCorrected> e, StatementView view)
    {
        view.KeepRecordedEntry();   // before anything changes: it shows the statement as recorded
        var d = e.Data;
        view.Original ??= view.Current;
        view.Current = d.After;
        view.ActorId = d.ActorId;
        view.History.Add(new StatementHistoryEntry
        {
            Kind = HistoryKinds.Corrected, At = d.CorrectedAt, By = d.CorrectedBy, Reason = d.Reason,
            Changes = [.. d.Changes], ActorId = d.ActorId,
        });
        return Touch(view, e, d.CorrectedAt);
    }

    public StatementView Apply(IEvent<StatementRetracted> e, StatementView view)
    {
        view.KeepRecordedEntry();   // before anything changes: it shows the statement as recorded
        var d = e.Data;
        view.Retracted = true;
        view.History.Add(new StatementHistoryEntry
        {
            Kind = HistoryKinds.Retracted, At = d.RetractedAt, By = d.RetractedBy, Reason = d.Reason,
        });
        return Touch(view, e, d.RetractedAt);
    }

    public StatementView Apply(IEvent<StatementLinkedToClaim> e, StatementView view)
    {
        view.KeepRecordedEntry();   // before anything changes: it shows the statement as recorded
        var d = e.Data;
        view.Claims.RemoveAll(c => c.ClaimId == d.ClaimId);
        view.Claims.Add(new StatementClaim { ClaimId = d.ClaimId, Stance = d.Stance, Automatic = d.Automatic });
        view.History.Add(new StatementHistoryEntry
        {
            Kind = HistoryKinds.Linked, At = d.LinkedAt, By = d.LinkedBy, ClaimId = d.ClaimId,
            Reason = d.Automatic ? $"automatic ({d.Score:0.###}): {d.Explanation}" : d.Stance,
        });
        return Touch(view, e, d.LinkedAt);
    }

    public StatementView Apply(IEvent<StatementUnlinkedFromClaim> e, StatementView view)
    {
        view.KeepRecordedEntry();   // before anything changes: it shows the statement as recorded
        var d = e.Data;
        view.Claims.RemoveAll(c => c.ClaimId == d.ClaimId);
        view.History.Add(new StatementHistoryEntry
        {
            Kind = HistoryKinds.Unlinked, At = d.UnlinkedAt, By = d.UnlinkedBy, Reason = d.Reason, ClaimId = d.ClaimId,
        });
        return Touch(view, e, d.UnlinkedAt);
    }

    public StatementView Apply(IEvent<ClaimsMerged> e, StatementView view)
    {
        view.KeepRecordedEntry();   // before anything changes: it shows the statement as recorded
        var d = e.Data;
        var moved = d.MovedLinks.FirstOrDefault(l => l.Statement.StatementId == view.Id);
        view.Claims.RemoveAll(c => c.ClaimId == d.AbsorbedClaimId || c.ClaimId == d.SurvivingClaimId);
        if (moved is not null)
            view.Claims.Add(new StatementClaim { ClaimId = d.SurvivingClaimId, Stance = moved.Stance, Automatic = moved.Automatic });
        view.History.Add(new StatementHistoryEntry
        {
            Kind = HistoryKinds.ClaimMerged, At = d.MergedAt, By = d.MergedBy, Reason = d.Reason,
            ClaimId = d.SurvivingClaimId,
        });
        return Touch(view, e, d.MergedAt);
    }

    public StatementView Apply(IEvent<ActorsMerged> e, StatementView view)
    {
        view.KeepRecordedEntry();   // before anything changes: it shows the statement as recorded
        var d = e.Data;
        view.ActorId = d.SurvivingActorId;
        view.History.Add(new StatementHistoryEntry
        {
            Kind = HistoryKinds.ActorMerged, At = d.MergedAt, By = d.MergedBy, Reason = d.Reason,
            ActorId = d.SurvivingActorId,
        });
        return Touch(view, e, d.MergedAt);
    }

    // LastUpdated is the time the event itself records, not the store's timestamp: an inline projection under
    // Quick append and a rebuild by the daemon must produce the same document.
    private static StatementView Touch(StatementView view, IEvent e, DateTimeOffset at)
    {
        view.Revision++;
        view.LastUpdated = at;
        return view;
    }
}
