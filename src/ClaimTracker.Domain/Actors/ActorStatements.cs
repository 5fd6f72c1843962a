using JasperFx.Events;
using Marten.Events.Projections;

namespace ClaimTracker.Domain;

/// <summary>
/// What the actor page shows under the actor, kept ready so a GET is one document load instead of a query over
/// the actor's statement views: the newest statements (as currently attributed, retracted ones flagged, with their
/// claims), and the global sequence of every event that names the actor (time travel reads exactly those events).
/// </summary>
public sealed class ActorStatements
{
    /// <summary>How many of the newest statements are kept; the page's default size.</summary>
    public const int Kept = 100;

    public string Id { get; set; } = "";
    /// <summary>Newest first: published date descending (undated first, as PostgreSQL sorts nulls), then reading order.</summary>
    public List<ActorStatementEntry> Newest { get; set; } = [];
    /// <summary>True while <see cref="Newest"/> holds every statement of the actor (nothing was cut off yet).</summary>
    public bool Complete { get; set; } = true;
    /// <summary>
    /// False once statements arrived whose claims or place in the list this document cannot know (an actor merge, a
    /// correction moving a statement here): the page then reads the statement views instead.
    /// </summary>
    public bool Exact { get; set; } = true;
    /// <summary>Global sequences of the events that name this actor (the projection's routing), ascending.</summary>
    public List<long> Sequences { get; set; } = [];
    public long LastSequence { get; set; }

    /// <summary>The first <paramref name="count"/> statements, or null when this document cannot answer exactly.</summary>
    public IReadOnlyList<ActorStatementEntry>? Take(int count) =>
        Exact && (Complete || Newest.Count >= count) ? Newest.Take(count).ToList() : null;
}

public sealed class ActorStatementEntry
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public int Ordinal { get; set; }
    public string ArticleHeadline { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string Cue { get; set; } = "";
    public string Mode { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Role { get; set; }
    public string? Affiliation { get; set; }
    public string? Medium { get; set; }
    public bool Retracted { get; set; }
    public List<StatementClaim> Claims { get; set; } = [];

    /// <summary>The order of the actor page: newest published first (undated before dated), then reading order.</summary>
    public static int Compare(ActorStatementEntry a, ActorStatementEntry b)
    {
        if (a.PublishedAt is null != b.PublishedAt is null) return a.PublishedAt is null ? -1 : 1;
        var byDate = Nullable.Compare(b.PublishedAt, a.PublishedAt);
        if (byDate != 0) return byDate;
        var byOrdinal = a.Ordinal.CompareTo(b.Ordinal);
        return byOrdinal != 0 ? byOrdinal : a.Id.CompareTo(b.Id);
    }
}

/// <summary>
/// Async, like <see cref="ActorProjection"/> and for the same reason (hot actors are touched by many articles at
/// once). Routed by the same table (<see cref="ActorProjection.ActorsOf"/>). The statement list mirrors what the
/// statement views say about the actor's statements (current attribution, retraction, claims), so the page reads
/// the same whether it comes from here or from the statement views.
/// </summary>
public partial class ActorStatementsProjection : MultiStreamProjection<ActorStatements, string>
{
    public ActorStatementsProjection()
    {
        Identities<StatementRecorded>(ActorProjection.ActorsOf);
        Identities<StatementCorrected>(ActorProjection.ActorsOf);
        Identities<StatementRetracted>(ActorProjection.ActorsOf);
        Identities<StatementLinkedToClaim>(ActorProjection.ActorsOf);
        Identities<StatementUnlinkedFromClaim>(ActorProjection.ActorsOf);
        Identities<LinkedStatementRevised>(ActorProjection.ActorsOf);
        Identities<ClaimsMerged>(ActorProjection.ActorsOf);
        Identities<ActorAliasAdded>(ActorProjection.ActorsOf);
        Identities<ActorsMerged>(ActorProjection.ActorsOf);
    }

    public ActorStatements Apply(IEvent<StatementRecorded> e, ActorStatements doc)
    {
        var d = e.Data;
        if (doc.Id.Length == 0) doc.Id = d.ActorId;
        if (doc.Newest.All(s => s.Id != d.StatementId))
            Insert(doc, Entry(d.StatementId, d.ArticleId, d.Ordinal, d.ArticleHeadline, d.PublishedAt, d.Attribution));
        return Touch(doc, e);
    }

    public ActorStatements Apply(IEvent<StatementCorrected> e, ActorStatements doc)
    {
        var d = e.Data;
        if (doc.Id.Length == 0) doc.Id = d.ActorId;
        var entry = doc.Newest.FirstOrDefault(s => s.Id == d.StatementId);
        if (d.PreviousActorId != d.ActorId && doc.Id == d.PreviousActorId)
        {
            if (entry is not null) doc.Newest.Remove(entry); // what remains is still the newest of what remains
        }
        else if (entry is not null)
        {
            Set(entry, d.After);
        }
        else if (d.PreviousActorId != d.ActorId)
        {
            // Moved here: its ordinal and claims are not in the event, so the page reads the statement views.
            doc.Exact = false;
        }
        return Touch(doc, e);
    }

    public ActorStatements Apply(IEvent<StatementRetracted> e, ActorStatements doc)
    {
        if (doc.Newest.FirstOrDefault(s => s.Id == e.Data.StatementId) is { } entry) entry.Retracted = true;
        return Touch(doc, e);
    }

    public ActorStatements Apply(IEvent<StatementLinkedToClaim> e, ActorStatements doc)
    {
        var d = e.Data;
        if (doc.Newest.FirstOrDefault(s => s.Id == d.Statement.StatementId) is { } entry)
        {
            entry.Claims.RemoveAll(c => c.ClaimId == d.ClaimId);
            entry.Claims.Add(new StatementClaim { ClaimId = d.ClaimId, Stance = d.Stance, Automatic = d.Automatic });
        }
        return Touch(doc, e);
    }

    public ActorStatements Apply(IEvent<StatementUnlinkedFromClaim> e, ActorStatements doc)
    {
        if (doc.Newest.FirstOrDefault(s => s.Id == e.Data.StatementId) is { } entry) entry.Claims.RemoveAll(c => c.ClaimId == e.Data.ClaimId);
        return Touch(doc, e);
    }

    // The statement view ignores revisions (the claim keeps them), so the list does too; the sequence still counts.
    public ActorStatements Apply(IEvent<LinkedStatementRevised> e, ActorStatements doc) => Touch(doc, e);

    public ActorStatements Apply(IEvent<ClaimsMerged> e, ActorStatements doc)
    {
        var d = e.Data;
        foreach (var moved in d.MovedLinks)
        {
            if (doc.Newest.FirstOrDefault(s => s.Id == moved.Statement.StatementId) is not { } entry) continue;
            entry.Claims.RemoveAll(c => c.ClaimId == d.AbsorbedClaimId || c.ClaimId == d.SurvivingClaimId);
            entry.Claims.Add(new StatementClaim { ClaimId = d.SurvivingClaimId, Stance = moved.Stance, Automatic = moved.Automatic });
        }
        return Touch(doc, e);
    }

    public ActorStatements Apply(IEvent<ActorAliasAdded> e, ActorStatements doc)
    {
        if (doc.Id.Length == 0) doc.Id = e.Data.ActorId;
        return Touch(doc, e);
    }

    public ActorStatements Apply(IEvent<ActorsMerged> e, ActorStatements doc)
    {
        var d = e.Data;
        if (doc.Id.Length == 0) doc.Id = d.SurvivingActorId;
        if (doc.Id == d.AbsorbedActorId) doc.Newest.Clear();
        else doc.Exact = false; // the absorbed actor's statements join in an order this document cannot rebuild
        return Touch(doc, e);
    }

    /// <summary>
    /// Keeps <see cref="ActorStatements.Newest"/> a true prefix of the actor's statements in page order: once the
    /// list was cut, a statement older than its last entry is left out (an unseen one could come between).
    /// </summary>
    private static void Insert(ActorStatements doc, ActorStatementEntry entry)
    {
        var list = doc.Newest;
        if (!doc.Complete && (list.Count == 0 || ActorStatementEntry.Compare(entry, list[^1]) > 0)) return;
        var at = list.FindIndex(s => ActorStatementEntry.Compare(entry, s) < 0);
        list.Insert(at < 0 ? list.Count : at, entry);
        if (list.Count <= ActorStatements.Kept) return;
        list.RemoveAt(list.Count - 1);
        doc.Complete = false;
    }

    private static ActorStatementEntry Entry(Guid id, Guid articleId, int ordinal, string headline, DateTimeOffset? publishedAt, StatementAttribution a)
    {
        var entry = new ActorStatementEntry { Id = id, ArticleId = articleId, Ordinal = ordinal, ArticleHeadline = headline, PublishedAt = publishedAt };
        Set(entry, a);
        return entry;
    }

    private static void Set(ActorStatementEntry entry, StatementAttribution a)
    {
        entry.Cue = a.Cue;
        entry.Mode = a.Mode;
        entry.Content = a.Content;
        entry.Role = a.Role;
        entry.Affiliation = a.Affiliation;
        entry.Medium = a.Medium;
    }

    private static ActorStatements Touch(ActorStatements doc, IEvent e)
    {
        // A replayed event (the daemon delivers at least once) must not be listed twice.
        if (doc.Sequences.Count == 0 || doc.Sequences[^1] < e.Sequence) doc.Sequences.Add(e.Sequence);
        doc.LastSequence = Math.Max(doc.LastSequence, e.Sequence);
        return doc;
    }
}
