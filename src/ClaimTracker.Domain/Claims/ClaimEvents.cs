namespace ClaimTracker.Domain;

// Claim stream (stream id = a Guid chosen when the claim is opened). A claim is a proposition that statements
// support or dispute; fact-checkers and the automatic matcher append to it, and a verdict closes the question.

/// <summary>Someone (a fact-checker, or the matcher when Automatic) started tracking a proposition.</summary>
public sealed record ClaimOpened(
    Guid ClaimId,
    string Text,
    string? Label,
    bool Automatic,
    string OpenedBy,
    DateTimeOffset OpenedAt);

/// <summary>
/// What the claim needs to know about a linked statement, copied at link time so the claim's history reads
/// the same later (a later correction is appended as <see cref="LinkedStatementRevised"/>).
/// </summary>
public sealed record LinkedStatement(
    Guid StatementId,
    Guid ArticleId,
    string ActorId,
    string Speaker,
    string SpeakerType,
    bool Anonymous,
    string Content,
    string Mode,
    string ArticleHeadline,
    DateTimeOffset? PublishedAt);

/// <summary>
/// A statement was linked to the claim, supporting or disputing it. Manual links name the person; automatic
/// ones carry the matcher's score and its explanation (shared phrases, entities, denial cue) so a person can review.
/// </summary>
public sealed record StatementLinkedToClaim(
    Guid ClaimId,
    LinkedStatement Statement,
    string Stance,
    bool Automatic,
    double? Score,
    string? Explanation,
    string LinkedBy,
    DateTimeOffset LinkedAt);

/// <summary>A link was removed (wrong claim, wrong match). The link stays in the claim's timeline.</summary>
public sealed record StatementUnlinkedFromClaim(
    Guid ClaimId,
    Guid StatementId,
    string ActorId,
    string Stance,
    string UnlinkedBy,
    DateTimeOffset UnlinkedAt,
    string? Reason);

/// <summary>A linked statement was corrected or retracted after it was linked; the claim shows the new state.</summary>
public sealed record LinkedStatementRevised(
    Guid ClaimId,
    LinkedStatement Statement,
    string Stance,
    bool Retracted,
    string RevisedBy,
    DateTimeOffset RevisedAt,
    string Reason);

/// <summary>One link as it stood on a claim; used to move links when claims are merged.</summary>
public sealed record ClaimLink(
    LinkedStatement Statement,
    string Stance,
    bool Automatic,
    double? Score,
    string? Explanation,
    string LinkedBy,
    DateTimeOffset LinkedAt);

/// <summary>
/// Two claims turned out to be the same proposition. Appended to BOTH streams: the surviving claim gains the
/// absorbed claim's links (<see cref="MovedLinks"/>), the absorbed claim is closed and points at the survivor.
/// </summary>
public sealed record ClaimsMerged(
    Guid SurvivingClaimId,
    Guid AbsorbedClaimId,
    string AbsorbedText,
    IReadOnlyList<ClaimLink> MovedLinks,
    string MergedBy,
    DateTimeOffset MergedAt,
    string? Reason);

/// <summary>A fact-checker rated the claim. A later verdict supersedes an earlier one; both stay in history.</summary>
public sealed record VerdictIssued(
    Guid ClaimId,
    string Rating,
    string Summary,
    string Reviewer,
    DateTimeOffset IssuedAt);

public static class Ratings
{
    public const string True = "true";
    public const string MostlyTrue = "mostly-true";
    public const string Mixed = "mixed";
    public const string MostlyFalse = "mostly-false";
    public const string False = "false";
    public const string Unproven = "unproven";

    public static IReadOnlyList<string> All { get; } = [True, MostlyTrue, Mixed, MostlyFalse, False, Unproven];
}

public static class ClaimStatuses
{
    /// <summary>No dispute and fewer than two independent supporting sources.</summary>
    public const string Unverified = "unverified";
    /// <summary>At least two distinct sources support it and none disputes it.</summary>
    public const string Corroborated = "corroborated";
    /// <summary>At least one source supports it and at least one disputes it.</summary>
    public const string Contested = "contested";
    /// <summary>A fact-checker issued a verdict.</summary>
    public const string Rated = "rated";
    /// <summary>Merged into another claim; read that one instead.</summary>
    public const string Merged = "merged";
}
