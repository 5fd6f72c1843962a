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

    // actor fields: the actor document's counts as of `sequence` (see LiveActors)
    public string? Name { get; init; }
    public int? StatementCount { get; init; }
    public int? DirectCount { get; init; }
    public int? IndirectCount { get; init; }
    public int? MixedCount { get; init; }
    public int? RetractedCount { get; init; }
    public int? ArticleCount { get; init; }
    public int? ClaimCount { get; init; }
    public string? MergedInto { get; init; }

    /// <summary>On `feed`, an ingested article carries the statements recorded with it (each shaped like a statement update).</summary>
    public IReadOnlyList<LiveUpdate>? Statements { get; init; }

    /// <summary>
    /// Not sent. On `contested`: every change of the claim this update stands for (it may coalesce several) only added
    /// to it (opened, linked), so if the claim is not contested now, it was not before either.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OnlyAdded { get; init; }

    // digest fields (kind "digest"): how many changes of the topic it gathers, and each of them in sequence order.
    public int? Count { get; init; }
    public IReadOnlyList<LiveUpdate>? Updates { get; init; }
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

    /// <summary>
    /// The updates of a page of events, coalesced, with feed statements bundled into their article. Claim updates
    /// still need <see cref="WithClaim"/>; actor topics go through the broker's actor gates (live) or replay.
    /// </summary>
    public static List<LiveUpdate> Build(IEnumerable<IEvent> events) => BundleFeed(Coalesce(events.SelectMany(For)));

    /// <summary>The claim fields a dashboard shows, from the claim as it was at the update's version (null: unknown).</summary>
    public static LiveUpdate WithClaim(LiveUpdate u, ClaimView? view) => view is null ? u : u with
    {
        Text = view.Text, Status = view.Status, SupportCount = view.SupportCount, DisputeCount = view.DisputeCount,
        Supporters = view.Supporters, Disputers = view.Disputers,
    };

    /// <summary>The actor's counts as of the update's sequence (the actor document at that point).</summary>
    public static LiveUpdate WithActor(LiveUpdate u, ActorView? view) => view is null ? u : u with
    {
        Name = view.Name, StatementCount = view.StatementCount, DirectCount = view.DirectCount, IndirectCount = view.IndirectCount,
        MixedCount = view.MixedCount, RetractedCount = view.RetractedCount, ArticleCount = view.Articles.Count,
        ClaimCount = view.Claims.Select(c => c.ClaimId).Distinct().Count(), MergedInto = view.MergedInto,
    };

    /// <summary>Copies the counts of an `actor` update onto another update of the same actor and sequence.</summary>
    public static LiveUpdate WithActorCounts(LiveUpdate u, LiveUpdate counts) => u with
    {
        Name = counts.Name, StatementCount = counts.StatementCount, DirectCount = counts.DirectCount, IndirectCount = counts.IndirectCount,
        MixedCount = counts.MixedCount, RetractedCount = counts.RetractedCount, ArticleCount = counts.ArticleCount,
        ClaimCount = counts.ClaimCount, MergedInto = counts.MergedInto,
    };

    /// <summary>An actor update for a change of the actor document that no statement update stands for (e.g. a claim link).</summary>
    public static LiveUpdate ActorChanged(string actorId, long sequence, ActorView view) => WithActor(new LiveUpdate
    {
        Topic = "actor:" + actorId, Sequence = sequence, Kind = "actor", Id = actorId, Version = sequence, Change = "counted",
        At = view.LastUpdated == default ? null : view.LastUpdated,
    }, view);

    /// <summary>
    /// One `feed` message per ingested article: the statements recorded with it (same page of events) ride inside
    /// the article update instead of going out one by one. The article update then reflects the last of them, so it
    /// takes the highest sequence. Fewer, slightly larger messages: the fan-out cost is per message, not per byte.
    /// </summary>
    public static List<LiveUpdate> BundleFeed(List<LiveUpdate> updates)
    {
        var articles = new Dictionary<string, int>();
        for (var i = 0; i < updates.Count; i++)
            if (updates[i] is { Topic: Feed, Kind: "article", Change: "ingested" } a) articles[a.Id] = i;
        if (articles.Count == 0) return updates;
        var bundled = new Dictionary<int, List<LiveUpdate>>();
        var rest = new List<LiveUpdate>(updates.Count);
        foreach (var u in updates)
        {
            if (u is { Topic: Feed, Kind: "statement", Change: "recorded", ArticleId: { } articleId } && articles.TryGetValue(articleId, out var at))
            {
                (bundled.TryGetValue(at, out var list) ? list : bundled[at] = []).Add(u);
                continue;
            }
            rest.Add(u);
        }
        for (var i = 0; i < rest.Count; i++)
            if (rest[i] is { Topic: Feed, Kind: "article" } a && articles.TryGetValue(a.Id, out var at) && bundled.TryGetValue(at, out var statements))
                rest[i] = a with { Sequence = Math.Max(a.Sequence, statements.Max(x => x.Sequence)), Statements = statements };
        return rest.OrderBy(u => u.Sequence).ToList();
    }

    /// <summary>
    /// Several changes of one topic in one page of events (a bulk import, or a burst: writes came faster than the
    /// fan-out) as ONE update whose `updates` hold each change as it would have gone out alone, in sequence order.
    /// WHY: a client pays per message (a receive, a parse, a handler call, for a browser a redraw) as well as per
    /// byte; a burst of hundreds of stories is then one message per topic, the dashboard draws once, and nothing is
    /// left out.
    /// </summary>
    public static LiveUpdate Digest(IReadOnlyList<LiveUpdate> updates)
    {
        var last = updates[^1];
        return new LiveUpdate
        {
            Topic = last.Topic, Sequence = last.Sequence, Kind = "digest", Id = last.Topic, Version = last.Sequence, Change = "gathered",
            At = last.At, Count = updates.Count, Updates = [.. updates],   // a copy: callers reuse their lists
        };
    }

    /// <summary>The part of a digest after <paramref name="sequence"/> (a client that already has the rest).</summary>
    public static LiveUpdate DigestAfter(LiveUpdate digest, long sequence)
    {
        var rest = digest.Updates!.Where(u => u.Sequence > sequence).ToList();
        return digest with { Count = rest.Count, Updates = rest };
    }

    /// <summary>The events of a claim stream: each changes the claim page (<c>claim:{id}</c>, the stream's id).</summary>
    public static bool ChangesClaim(object data) =>
        data is ClaimOpened or StatementLinkedToClaim or StatementUnlinkedFromClaim or LinkedStatementRevised or ClaimsMerged or VerdictIssued;

    public static IEnumerable<LiveUpdate> For(IEvent e)
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
            case var claimEvent when ChangesClaim(claimEvent):
                var change = e.Data switch
                {
                    ClaimOpened => "opened", StatementLinkedToClaim => "linked", StatementUnlinkedFromClaim => "unlinked",
                    LinkedStatementRevised => "revised", ClaimsMerged => "merged", _ => "rated",
                };
                // Every claim change also goes to `contested` with its status, so a list can add AND drop claims
                // (ForContestedList then leaves out the ones no contested list needs).
                // The claim's own fields (text, status, counts) are filled in by WithClaim from the claim as of this version.
                foreach (var t in new[] { "claim:" + e.StreamId, Contested })
                    yield return new LiveUpdate
                    {
                        Topic = t, Sequence = e.Sequence, Kind = "claim", Id = e.StreamId.ToString(), Version = e.Version, Change = change,
                        At = Microseconds(e.Timestamp), Stance = (e.Data as StatementLinkedToClaim)?.Stance, ActorId = (e.Data as StatementLinkedToClaim)?.Statement.ActorId,
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
        foreach (var u in updates)
        {
            var key = (u.Topic, u.Kind, u.Id);
            latest[key] = u.Topic == Contested
                ? u with { OnlyAdded = u.Change is "opened" or "linked" && (!latest.TryGetValue(key, out var was) || was.OnlyAdded) }
                : u;
        }
        return latest.Values.OrderBy(u => u.Sequence).ToList();
    }

    /// <summary>
    /// Whether the contested list needs this update: the claim is contested now, or may just have stopped being
    /// (unlinked, revised, merged, rated). A claim that was only opened or linked and is not contested was not
    /// before either, so its update is left out. WHY: a matching pass after a bulk import opens thousands of
    /// unverified claims; every dashboard would receive and drop each. Other topics: always. Needs the claim's
    /// status (<see cref="WithClaim"/>); without it the update is kept.
    /// </summary>
    public static bool ForContestedList(LiveUpdate u) =>
        u.Topic != Contested || u.Status is null || u.Status == ClaimStatuses.Contested || !u.OnlyAdded;

    /// <summary>
    /// PostgreSQL keeps microseconds: an event heard live (fast path, .NET ticks) shows the same time as replayed.
    /// </summary>
    private static DateTimeOffset Microseconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));

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
