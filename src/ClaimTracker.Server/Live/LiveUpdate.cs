using ClaimTracker.Domain;
using JasperFx.Events;

namespace ClaimTracker.Server.Live;

/// <summary>
/// One change pushed to a client: small on purpose (what changed, its new version, the fields a dashboard shows).
/// The full document is always one GET away. Null fields are left out of the JSON.
/// </summary>
public sealed record LiveUpdate
{
    public required string Topic { get; init; }
    /// <summary>The global event sequence this change reflects: a client resumes after the last one it saw.</summary>
    public required long Sequence { get; init; }
    /// <summary>Which read model changed: statement, article, claim, actor.</summary>
    public required string Kind { get; init; }
    public required string Id { get; init; }
    /// <summary>The stream version of the changed article, claim or actor curation stream.</summary>
    public required long Version { get; init; }
    /// <summary>What happened: recorded, corrected, retracted, ingested, opened, linked, unlinked, revised, merged, rated, aliased.</summary>
    public string? Change { get; init; }
    public DateTimeOffset? At { get; init; }

    // statement fields
    public string? Speaker { get; init; }
    public string? SpeakerType { get; init; }
    public bool? Anonymous { get; init; }
    public string? AnonymityReason { get; init; }
    public string? Cue { get; init; }
    public string? Mode { get; init; }
    public string? Snippet { get; init; }
    public string? ActorId { get; init; }
    public string? ArticleId { get; init; }
    public string? Headline { get; init; }
    public bool? Retracted { get; init; }

    // claim fields
    public string? Text { get; init; }
    public string? Status { get; init; }
    public int? SupportCount { get; init; }
    public int? DisputeCount { get; init; }
    public IReadOnlyList<string>? Supporters { get; init; }
    public IReadOnlyList<string>? Disputers { get; init; }
    public string? Stance { get; init; }
}

/// <summary>
/// Pure mapping from committed events to the updates each topic receives. Used by the live pump and by replay, so a
/// client that resumes gets the same kind of messages it would have got live.
/// </summary>
public static class LiveMessages
{
    public const string Feed = "feed";
    public const string Contested = "contested";
    public const int SnippetLength = 240;

    public static bool IsValidTopic(string? topic) => topic switch
    {
        Feed or Contested => true,
        null => false,
        _ => topic.IndexOf(':') is var i and > 0 && topic[..i] is "claim" or "actor" or "article" && topic.Length > i + 1 && topic.Length <= 300,
    };

    /// <summary>The claim ids a page of events touches (their current views are loaded once per page).</summary>
    public static IEnumerable<Guid> ClaimIds(IEnumerable<IEvent> events) =>
        events.Where(e => e.Data is ClaimOpened or StatementLinkedToClaim or StatementUnlinkedFromClaim or LinkedStatementRevised or ClaimsMerged or VerdictIssued)
            .Select(e => e.StreamId).Distinct();

    public static IEnumerable<LiveUpdate> For(IEvent e, Func<Guid, ClaimView?> claim)
    {
        switch (e.Data)
        {
            case StatementRecorded s:
                foreach (var t in Topics(s.ActorId, null, s.ArticleId))
                    yield return Statement(t, e, s.StatementId, "recorded", s.Attribution, s.ActorId, s.ArticleId, s.ArticleHeadline, false, s.RecordedAt);
                break;
            case StatementCorrected c:
                foreach (var t in Topics(c.ActorId, c.PreviousActorId, c.ArticleId))
                    yield return Statement(t, e, c.StatementId, "corrected", c.After, c.ActorId, c.ArticleId, c.ArticleHeadline, false, c.CorrectedAt);
                break;
            case StatementRetracted r:
                foreach (var t in Topics(r.ActorId, null, r.ArticleId))
                    yield return Statement(t, e, r.StatementId, "retracted", r.Attribution, r.ActorId, r.ArticleId, null, true, r.RetractedAt);
                break;
            case ArticleIngested a:
                foreach (var t in new[] { Feed, "article:" + a.ArticleId })
                    yield return new LiveUpdate
                    {
                        Topic = t, Sequence = e.Sequence, Kind = "article", Id = a.ArticleId.ToString(), Version = e.Version,
                        Change = "ingested", Headline = a.Headline, ArticleId = a.ArticleId.ToString(), At = a.IngestedAt,
                    };
                break;
            case ClaimOpened or StatementLinkedToClaim or StatementUnlinkedFromClaim or LinkedStatementRevised or ClaimsMerged or VerdictIssued:
                var view = claim(e.StreamId);
                var change = e.Data switch
                {
                    ClaimOpened => "opened", StatementLinkedToClaim => "linked", StatementUnlinkedFromClaim => "unlinked",
                    LinkedStatementRevised => "revised", ClaimsMerged => "merged", _ => "rated",
                };
                // Every claim change also goes to `contested` with its status, so a list can add AND drop claims.
                foreach (var t in new[] { "claim:" + e.StreamId, Contested })
                    yield return new LiveUpdate
                    {
                        Topic = t, Sequence = e.Sequence, Kind = "claim", Id = e.StreamId.ToString(), Version = e.Version, Change = change,
                        At = e.Timestamp, Text = view?.Text, Status = view?.Status, SupportCount = view?.SupportCount, DisputeCount = view?.DisputeCount,
                        Supporters = view?.Supporting.Where(l => !l.Retracted).Select(l => l.Statement.Speaker).Distinct().ToList(),
                        Disputers = view?.Disputing.Where(l => !l.Retracted).Select(l => l.Statement.Speaker).Distinct().ToList(),
                        Stance = (e.Data as StatementLinkedToClaim)?.Stance, ActorId = (e.Data as StatementLinkedToClaim)?.Statement.ActorId,
                        Speaker = (e.Data as StatementLinkedToClaim)?.Statement.Speaker,
                    };
                break;
            case ActorAliasAdded alias:
                yield return new LiveUpdate { Topic = "actor:" + alias.ActorId, Sequence = e.Sequence, Kind = "actor", Id = alias.ActorId, Version = e.Version, Change = "aliased", At = alias.AddedAt };
                break;
            case ActorsMerged m:
                foreach (var id in new[] { m.SurvivingActorId, m.AbsorbedActorId })
                    yield return new LiveUpdate { Topic = "actor:" + id, Sequence = e.Sequence, Kind = "actor", Id = m.SurvivingActorId, Version = e.Version, Change = "merged", At = m.MergedAt };
                break;
        }
    }

    /// <summary>
    /// Coalesces a burst: per topic and id only the latest update of a page survives (a bulk import that touches one
    /// claim 50 times sends it once). Order by sequence is kept, so a client's high-water mark only grows.
    /// </summary>
    public static List<LiveUpdate> Coalesce(IEnumerable<LiveUpdate> updates)
    {
        var latest = new Dictionary<(string, string, string), LiveUpdate>();
        foreach (var u in updates) latest[(u.Topic, u.Kind, u.Id)] = u;
        return latest.Values.OrderBy(u => u.Sequence).ToList();
    }

    private static IEnumerable<string> Topics(string actorId, string? previousActorId, Guid articleId)
    {
        yield return Feed;
        yield return "actor:" + actorId;
        if (previousActorId is not null && previousActorId != actorId) yield return "actor:" + previousActorId;
        yield return "article:" + articleId;
    }

    private static LiveUpdate Statement(string topic, IEvent e, Guid id, string change, StatementAttribution a, string actorId, Guid articleId,
        string? headline, bool retracted, DateTimeOffset at) => new()
    {
        Topic = topic, Sequence = e.Sequence, Kind = "statement", Id = id.ToString(), Version = e.Version, Change = change, At = at,
        Speaker = a.Speaker, SpeakerType = a.SpeakerType, Anonymous = a.Anonymous, AnonymityReason = a.AnonymityReason, Cue = a.Cue, Mode = a.Mode,
        Snippet = a.Content.Length <= SnippetLength ? a.Content : a.Content[..SnippetLength] + "…",
        ActorId = actorId, ArticleId = articleId.ToString(), Headline = headline, Retracted = retracted ? true : null,
    };
}
