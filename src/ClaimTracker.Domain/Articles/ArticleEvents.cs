namespace ClaimTracker.Domain;

// Article stream (stream id = Ids.Article(contentHash)). Everything the extractor found, plus every later
// correction or retraction of one of its statements: the article's stream is the statement's history.

/// <summary>An article was read into the store. Appended once per normalized content; a re-ingest appends nothing.</summary>
public sealed record ArticleIngested(
    Guid ArticleId,
    string ContentHash,
    string Headline,
    string? Dateline,
    IReadOnlyList<string> Places,
    string? Agency,
    IReadOnlyList<string> Credits,
    IReadOnlyList<string> Paragraphs,
    DateTimeOffset? PublishedAt,
    string? SourceFile,
    string? ArchiveId,
    int? OrdinalInFile,
    string IngestedBy,
    DateTimeOffset IngestedAt);

/// <summary>
/// The extractor found one attributed statement in the article. Carries every extracted field as it came out of
/// the extractor (<see cref="Attribution"/>), the extractor's version, and the curated actor it was credited to.
/// Headline and date are repeated so that per-statement and per-actor views need no lookups.
/// </summary>
public sealed record StatementRecorded(
    Guid StatementId,
    Guid ArticleId,
    int Ordinal,
    string ExtractorStatementId,
    string ExtractorVersion,
    string ActorId,
    StatementAttribution Attribution,
    string ArticleHeadline,
    DateTimeOffset? PublishedAt,
    DateTimeOffset RecordedAt);

/// <summary>One field of a statement changed by a correction, with both values kept.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>
/// A person corrected fields of a statement (e.g. a misattributed speaker). Nothing is overwritten: the event keeps
/// the old and new values, and the full attribution before and after, so history shows both and views that move the
/// statement from one actor to another have what they need.
/// </summary>
public sealed record StatementCorrected(
    Guid StatementId,
    Guid ArticleId,
    IReadOnlyList<FieldChange> Changes,
    StatementAttribution Before,
    StatementAttribution After,
    string PreviousActorId,
    string ActorId,
    string ArticleHeadline,
    DateTimeOffset? PublishedAt,
    string CorrectedBy,
    DateTimeOffset CorrectedAt,
    string Reason);

/// <summary>A person withdrew a statement (it was never said, or not by anyone in the article). It stays in history.</summary>
public sealed record StatementRetracted(
    Guid StatementId,
    Guid ArticleId,
    string ActorId,
    StatementAttribution Attribution,
    string RetractedBy,
    DateTimeOffset RetractedAt,
    string Reason);
