using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

/// <summary>One article as ingested, its statements as currently attributed, and the editor's attribution report.</summary>
public sealed class ArticleView
{
    public Guid Id { get; set; }
    public string ContentHash { get; set; } = "";
    public string Headline { get; set; } = "";
    public string? Dateline { get; set; }
    public List<string> Places { get; set; } = [];
    public string? Agency { get; set; }
    public List<string> Credits { get; set; } = [];
    public List<string> Paragraphs { get; set; } = [];
    public DateTimeOffset? PublishedAt { get; set; }
    public string? SourceFile { get; set; }
    public string? ArchiveId { get; set; }
    public int? OrdinalInFile { get; set; }
    public string IngestedBy { get; set; } = "";
    public DateTimeOffset IngestedAt { get; set; }
    public List<ArticleStatement> Statements { get; set; } = [];
    public AttributionReport Report { get; set; } = new();

    /// <summary>Stream version: the expected version for optimistic concurrency.</summary>
    public long Version { get; set; }
    /// <summary>Global event sequence of the last event folded in (live push resumes from it).</summary>
    public long LastSequence { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}

public sealed class ArticleStatement
{
    public Guid StatementId { get; set; }
    public int Ordinal { get; set; }
    public string ActorId { get; set; } = "";
    public StatementAttribution Attribution { get; set; } = new();
    public int Corrections { get; set; }
    public bool Retracted { get; set; }
}

/// <summary>
/// What an editor checks before a story goes out: who is quoted, how many sources are named, which anonymous
/// sources come without a stated reason, who the story leads with, and which sources are too vague to weigh.
/// Retracted statements are left out.
/// </summary>
public sealed class AttributionReport
{
    public int Statements { get; set; }
    public int NamedStatements { get; set; }
    public int AnonymousStatements { get; set; }
    public int NamedSources { get; set; }
    public int AnonymousSources { get; set; }
    /// <summary>Share of statements whose source is not identified (0..1).</summary>
    public double AnonymousShare { get; set; }
    public List<SpeakerTally> BySpeaker { get; set; } = [];
    /// <summary>Unnamed individual sources with no stated reason for anonymity.</summary>
    public List<ReportedStatement> AnonymousWithoutReason { get; set; } = [];
    /// <summary>The source of the first attributed statement in reading order.</summary>
    public ReportedStatement? FirstQuote { get; set; }
    /// <summary>The source of the first direct quotation.</summary>
    public ReportedStatement? FirstDirectQuote { get; set; }
    /// <summary>Unidentified sources with no affiliation at all ("a source", "officials"): a reader cannot weigh them.</summary>
    public List<ReportedStatement> VagueSources { get; set; } = [];

    public static AttributionReport From(IEnumerable<ArticleStatement> statements)
    {
        var live = statements.Where(s => !s.Retracted).OrderBy(s => s.Ordinal).ToList();
        var report = new AttributionReport
        {
            Statements = live.Count,
            NamedStatements = live.Count(s => !s.Attribution.Anonymous),
            AnonymousStatements = live.Count(s => s.Attribution.Anonymous),
            NamedSources = live.Where(s => !s.Attribution.Anonymous).Select(s => s.ActorId).Distinct().Count(),
            AnonymousSources = live.Where(s => s.Attribution.Anonymous).Select(s => s.ActorId).Distinct().Count(),
        };
        report.AnonymousShare = live.Count == 0 ? 0 : Math.Round((double)report.AnonymousStatements / live.Count, 4);
        report.BySpeaker = live
            .GroupBy(s => s.ActorId)
            .Select(g => new SpeakerTally
            {
                ActorId = g.Key,
                Speaker = g.First().Attribution.Speaker,
                SpeakerType = g.First().Attribution.SpeakerType,
                Anonymous = g.First().Attribution.Anonymous,
                Statements = g.Count(),
                Direct = g.Count(s => s.Attribution.Mode == StatementMode.Direct),
                Indirect = g.Count(s => s.Attribution.Mode == StatementMode.Indirect),
                Mixed = g.Count(s => s.Attribution.Mode == StatementMode.Mixed),
            })
            .OrderByDescending(t => t.Statements).ThenBy(t => t.Speaker, StringComparer.Ordinal)
            .ToList();
        report.AnonymousWithoutReason = live
            .Where(s => s.Attribution.Anonymous && s.Attribution.SpeakerType == SpeakerTypes.Anonymous
                        && string.IsNullOrWhiteSpace(s.Attribution.AnonymityReason))
            .Select(ReportedStatement.Of).ToList();
        report.FirstQuote = live.Select(ReportedStatement.Of).FirstOrDefault();
        report.FirstDirectQuote = live.Where(s => s.Attribution.Mode == StatementMode.Direct).Select(ReportedStatement.Of).FirstOrDefault();
        report.VagueSources = live
            .Where(s => s.Attribution.Anonymous && string.IsNullOrWhiteSpace(s.Attribution.Affiliation))
            .Select(ReportedStatement.Of).ToList();
        return report;
    }
}

public sealed class SpeakerTally
{
    public string ActorId { get; set; } = "";
    public string Speaker { get; set; } = "";
    public string SpeakerType { get; set; } = "";
    public bool Anonymous { get; set; }
    public int Statements { get; set; }
    public int Direct { get; set; }
    public int Indirect { get; set; }
    public int Mixed { get; set; }
}

public sealed class ReportedStatement
{
    public Guid StatementId { get; set; }
    public int Ordinal { get; set; }
    public int Paragraph { get; set; }
    public string ActorId { get; set; } = "";
    public string Speaker { get; set; } = "";
    public string SpeakerText { get; set; } = "";
    public bool Anonymous { get; set; }
    public string Mode { get; set; } = "";

    public static ReportedStatement Of(ArticleStatement s) => new()
    {
        StatementId = s.StatementId, Ordinal = s.Ordinal, Paragraph = s.Attribution.Paragraph, ActorId = s.ActorId,
        Speaker = s.Attribution.Speaker, SpeakerText = s.Attribution.SpeakerText, Anonymous = s.Attribution.Anonymous,
        Mode = s.Attribution.Mode,
    };
}
