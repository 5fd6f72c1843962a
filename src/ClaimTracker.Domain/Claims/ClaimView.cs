using System.Text.Json.Serialization;
using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

/// <summary>A claim page: who supports it, who disputes it, how well sourced that is, its timeline and verdict.</summary>
public sealed class ClaimView
{
    public Guid Id { get; set; }
    public string Text { get; set; } = "";
    public string? Label { get; set; }
    public bool Automatic { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public string Status { get; set; } = ClaimStatuses.Unverified;
    /// <summary>Current links (unlinked ones only remain in the timeline).</summary>
    public List<ClaimLinkView> Links { get; set; } = [];
    public int SupportCount { get; set; }
    public int DisputeCount { get; set; }
    /// <summary>Distinct actors among the current, unretracted links.</summary>
    public int DistinctSources { get; set; }
    public int SupportingSources { get; set; }
    public int DisputingSources { get; set; }
    /// <summary>Share of supporting statements whose source is not identified (0..1).</summary>
    public double AnonymousSupportShare { get; set; }
    /// <summary>All support comes from one source, and that source is anonymous.</summary>
    public bool RestsOnSingleAnonymousSource { get; set; }
    public ClaimAppearance? FirstAppearance { get; set; }
    public List<ClaimTimelineEntry> Timeline { get; set; } = [];
    public ClaimVerdict? Verdict { get; set; }
    public Guid? MergedInto { get; set; }
    public List<Guid> MergedFrom { get; set; } = [];

    /// <summary>Stream version: the expected version a writer sends back (stale gets 409).</summary>
    public long Version { get; set; }
    /// <summary>Always 0: an inline document does not see the global sequence under Quick append (kept for the shape).</summary>
    public long LastSequence { get; set; }
    public DateTimeOffset LastUpdated { get; set; }

    [JsonIgnore] public IEnumerable<ClaimLinkView> Supporting => Links.Where(l => l.Stance == Stances.Supports);
    [JsonIgnore] public IEnumerable<ClaimLinkView> Disputing => Links.Where(l => l.Stance == Stances.Disputes);

    /// <summary>Who supports it now and who disputes it (speakers of links not retracted): the claim list and the live
    /// updates name the sides the same way.</summary>
    [JsonIgnore] public List<string> Supporters => Supporting.Where(l => !l.Retracted).Select(l => l.Statement.Speaker).Distinct().ToList();
    [JsonIgnore] public List<string> Disputers => Disputing.Where(l => !l.Retracted).Select(l => l.Statement.Speaker).Distinct().ToList();

    /// <summary>Recomputes the derived fields from the links; pure, called after every event.</summary>
    public void Recompute()
    {
        var live = Links.Where(l => !l.Retracted).ToList();
        var support = live.Where(l => l.Stance == Stances.Supports).ToList();
        var dispute = live.Where(l => l.Stance == Stances.Disputes).ToList();
        SupportCount = support.Count;
        DisputeCount = dispute.Count;
        DistinctSources = live.Select(l => l.Statement.ActorId).Distinct().Count();
        SupportingSources = support.Select(l => l.Statement.ActorId).Distinct().Count();
        DisputingSources = dispute.Select(l => l.Statement.ActorId).Distinct().Count();
        AnonymousSupportShare = support.Count == 0 ? 0 : Math.Round((double)support.Count(l => l.Statement.Anonymous) / support.Count, 4);
        RestsOnSingleAnonymousSource = SupportingSources == 1 && support.All(l => l.Statement.Anonymous);
        FirstAppearance = live
            .OrderBy(l => l.Statement.PublishedAt ?? l.LinkedAt).ThenBy(l => l.LinkedAt)
            .Select(l => new ClaimAppearance
            {
                StatementId = l.Statement.StatementId, ArticleId = l.Statement.ArticleId,
                ArticleHeadline = l.Statement.ArticleHeadline, PublishedAt = l.Statement.PublishedAt,
                Speaker = l.Statement.Speaker, ActorId = l.Statement.ActorId,
            })
            .FirstOrDefault();
        Status = MergedInto is not null ? ClaimStatuses.Merged
            : Verdict is not null ? ClaimStatuses.Rated
            : SupportCount > 0 && DisputeCount > 0 ? ClaimStatuses.Contested
            : SupportingSources >= 2 && DisputeCount == 0 ? ClaimStatuses.Corroborated
            : ClaimStatuses.Unverified;
    }
}

public sealed class ClaimLinkView
{
    public LinkedStatement Statement { get; set; } = null!;
    public string Stance { get; set; } = "";
    public bool Automatic { get; set; }
    public double? Score { get; set; }
    public string? Explanation { get; set; }
    public string LinkedBy { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }
    public bool Retracted { get; set; }

    public ClaimLink ToLink() => new(Statement, Stance, Automatic, Score, Explanation, LinkedBy, LinkedAt);
}

public sealed class ClaimAppearance
{
    public Guid StatementId { get; set; }
    public Guid ArticleId { get; set; }
    public string ArticleHeadline { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string Speaker { get; set; } = "";
    public string ActorId { get; set; } = "";
}

public sealed class ClaimTimelineEntry
{
    /// <summary>opened, linked, unlinked, revised, merged, absorbed, verdict.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public Guid? StatementId { get; set; }
    public string? Speaker { get; set; }
    public string? Stance { get; set; }
    public bool Automatic { get; set; }
    public string? Detail { get; set; }
    /// <summary>Always 0 (inline document, Quick append); the live feed carries each event's sequence.</summary>
    public long Sequence { get; set; }
}

public sealed class ClaimVerdict
{
    public string Rating { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Reviewer { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
}
