using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

/// <summary>Everything known about one source: what they said, where, in which role, on which claims.</summary>
public sealed class ActorView
{
    /// <summary>How many recent statements the document keeps inline; the full list is the statement views by ActorId.</summary>
    public const int LatestKept = 25;

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public bool Anonymous { get; set; }
    /// <summary>Every name this actor was seen or curated under (aliases, absorbed actors).</summary>
    public List<string> Names { get; set; } = [];
    /// <summary>Actor ids that now resolve to this actor.</summary>
    public List<string> Aliases { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public List<string> Affiliations { get; set; } = [];
    /// <summary>To whom or where they spoke ("Reuters", "reporters", "a statement").</summary>
    public List<string> Media { get; set; } = [];
    public int StatementCount { get; set; }
    public int DirectCount { get; set; }
    public int IndirectCount { get; set; }
    public int MixedCount { get; set; }
    public int RetractedCount { get; set; }
    public List<Guid> StatementIds { get; set; } = [];
    public List<ActorStatement> LatestStatements { get; set; } = [];
    public List<ActorArticle> Articles { get; set; } = [];
    public List<ActorClaim> Claims { get; set; } = [];
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    /// <summary>Set when this actor was merged into another; read that one instead.</summary>
    public string? MergedInto { get; set; }
    public long LastSequence { get; set; }
    public DateTimeOffset LastUpdated { get; set; }

    public void Count(string mode, int delta)
    {
        StatementCount += delta;
        switch (mode)
        {
            case StatementMode.Direct: DirectCount += delta; break;
            case StatementMode.Mixed: MixedCount += delta; break;
            default: IndirectCount += delta; break;
        }
    }

    public void Saw(DateTimeOffset? when)
    {
        if (when is null) return;
        if (FirstSeen is null || when < FirstSeen) FirstSeen = when;
        if (LastSeen is null || when > LastSeen) LastSeen = when;
    }

    public ActorTally Tally() => new(
        StatementCount, DirectCount, IndirectCount, MixedCount, RetractedCount, [.. Names], [.. Roles], [.. Affiliations],
        [.. Media], Articles.Select(a => a.ArticleId).ToList(), [.. StatementIds], [.. LatestStatements], [.. Claims],
        FirstSeen, LastSeen);
}

public sealed record ActorStatement(
    Guid StatementId,
    Guid ArticleId,
    string ArticleHeadline,
    string Content,
    string Mode,
    string Cue,
    string? Role,
    string? Affiliation,
    string? Medium,
    DateTimeOffset? PublishedAt,
    DateTimeOffset RecordedAt);

public sealed class ActorArticle
{
    public Guid ArticleId { get; set; }
    public string Headline { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public int Statements { get; set; }
}

public sealed record ActorClaim(Guid ClaimId, Guid StatementId, string Stance);

/// <summary>Directory entry: an actor id (an alias or an absorbed actor) and the actor it now resolves to.</summary>
public sealed class ActorAlias
{
    public string Id { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Always 0: an inline document does not see the global sequence under Quick append (kept for the shape).</summary>
    public long LastSequence { get; set; }
}

public static class ActorDirectory
{
    /// <summary>Follows alias and merge entries (A merged into B, B into C gives C); a cycle stops at the start.</summary>
    public static string Resolve(string actorId, Func<string, string?> targetOf)
    {
        var seen = new HashSet<string> { actorId };
        var current = actorId;
        while (targetOf(current) is { } next && seen.Add(next)) current = next;
        return current;
    }
}
