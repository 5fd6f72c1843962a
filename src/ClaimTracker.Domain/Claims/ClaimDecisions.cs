using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

public sealed record OpenClaim(Guid ClaimId, string Text, string? Label, bool Automatic, string By, DateTimeOffset At);

/// <summary>Links a statement to a claim. Automatic links (from the matcher) must carry a score and an explanation.</summary>
public sealed record LinkStatement(Guid ClaimId, Guid StatementId, string Stance, bool Automatic, double? Score, string? Explanation, string By, DateTimeOffset At);

public sealed record UnlinkStatement(Guid ClaimId, Guid StatementId, string? Reason, string By, DateTimeOffset At);

/// <summary>Folds <see cref="AbsorbedClaimId"/> into <see cref="SurvivingClaimId"/>.</summary>
public sealed record MergeClaims(Guid SurvivingClaimId, Guid AbsorbedClaimId, string? Reason, string By, DateTimeOffset At);

public sealed record IssueVerdict(Guid ClaimId, string Rating, string Summary, string Reviewer, DateTimeOffset At);

public static class ClaimDecisions
{
    public const int MaxTextLength = 1000;

    public static Decision Open(ClaimView? existing, OpenClaim command)
    {
        if (existing is not null) return DomainError.Conflict("claim-exists", $"Claim {command.ClaimId} already exists.");
        if (string.IsNullOrWhiteSpace(command.Text)) return DomainError.Invalid("text-missing", "A claim needs its text: the proposition being tracked.");
        if (command.Text.Length > MaxTextLength) return DomainError.Invalid("text-too-long", $"Claim text is limited to {MaxTextLength} characters.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("opener-missing", "Say who opens the claim.");
        return Decision.Append(new ClaimOpened(command.ClaimId, command.Text.Trim(), string.IsNullOrWhiteSpace(command.Label) ? null : command.Label.Trim(),
            command.Automatic, command.By, command.At));
    }

    public static Decision Link(ClaimView? claim, StatementView? statement, LinkStatement command)
    {
        if (claim is null) return DomainError.NotFound("claim-not-found", $"No claim {command.ClaimId}.");
        if (claim.MergedInto is { } target) return DomainError.Conflict("claim-merged", $"The claim was merged into {target}; link there.");
        if (statement is null) return DomainError.NotFound("statement-not-found", $"No statement {command.StatementId}.");
        if (statement.Retracted) return DomainError.Conflict("statement-retracted", "A retracted statement cannot support or dispute a claim.");
        if (command.Stance is not (Stances.Supports or Stances.Disputes))
            return DomainError.Invalid("stance-unknown", "stance must be supports or disputes.");
        if (command.Automatic)
        {
            if (command.Score is not (>= 0 and <= 1)) return DomainError.Invalid("score-invalid", "An automatic link needs a score between 0 and 1.");
            if (string.IsNullOrWhiteSpace(command.Explanation)) return DomainError.Invalid("explanation-missing", "An automatic link must say why it was made.");
        }
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("linker-missing", "Say who links the statement.");
        var existing = claim.Links.FirstOrDefault(l => l.Statement.StatementId == command.StatementId);
        if (existing is not null)
            return existing.Stance == command.Stance
                ? DomainError.Conflict("already-linked", $"The statement is already linked to this claim ({existing.Stance}).")
                : DomainError.Conflict("linked-with-other-stance", $"The statement is linked as '{existing.Stance}'; unlink it first to change the stance.");
        return Decision.Append(new StatementLinkedToClaim(claim.Id, StatementDecisions.LinkedStatementOf(statement), command.Stance,
            command.Automatic, command.Automatic ? command.Score : null, command.Automatic ? command.Explanation!.Trim() : command.Explanation,
            command.By, command.At));
    }

    public static Decision Unlink(ClaimView? claim, UnlinkStatement command)
    {
        if (claim is null) return DomainError.NotFound("claim-not-found", $"No claim {command.ClaimId}.");
        var link = claim.Links.FirstOrDefault(l => l.Statement.StatementId == command.StatementId);
        if (link is null) return DomainError.NotFound("link-not-found", $"Statement {command.StatementId} is not linked to this claim.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("unlinker-missing", "Say who unlinks the statement.");
        return Decision.Append(new StatementUnlinkedFromClaim(claim.Id, command.StatementId, link.Statement.ActorId, link.Stance,
            command.By, command.At, string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim()));
    }

    /// <summary>
    /// The same event goes to both streams. Links already on the survivor stay as they are (the survivor's stance wins).
    /// </summary>
    public static Decision Merge(ClaimView? surviving, ClaimView? absorbed, MergeClaims command)
    {
        if (command.SurvivingClaimId == command.AbsorbedClaimId) return DomainError.Invalid("merge-into-itself", "A claim cannot be merged into itself.");
        if (surviving is null) return DomainError.NotFound("claim-not-found", $"No claim {command.SurvivingClaimId}.");
        if (absorbed is null) return DomainError.NotFound("claim-not-found", $"No claim {command.AbsorbedClaimId}.");
        if (surviving.MergedInto is not null) return DomainError.Conflict("claim-merged", $"Claim {surviving.Id} was itself merged into {surviving.MergedInto}.");
        if (absorbed.MergedInto is not null) return DomainError.Conflict("claim-merged", $"Claim {absorbed.Id} was already merged into {absorbed.MergedInto}.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("merger-missing", "Say who merges the claims.");
        var moved = absorbed.Links
            .Where(l => surviving.Links.All(s => s.Statement.StatementId != l.Statement.StatementId))
            .Select(l => l.ToLink()).ToList();
        return Decision.Append(new ClaimsMerged(surviving.Id, absorbed.Id, absorbed.Text, moved, command.By, command.At,
            string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim()));
    }

    public static Decision Verdict(ClaimView? claim, IssueVerdict command)
    {
        if (claim is null) return DomainError.NotFound("claim-not-found", $"No claim {command.ClaimId}.");
        if (claim.MergedInto is { } target) return DomainError.Conflict("claim-merged", $"The claim was merged into {target}; rate that one.");
        if (!Ratings.All.Contains(command.Rating)) return DomainError.Invalid("rating-unknown", $"rating must be one of {string.Join(", ", Ratings.All)}.");
        if (string.IsNullOrWhiteSpace(command.Summary)) return DomainError.Invalid("summary-missing", "A verdict needs a summary of the reasoning.");
        if (string.IsNullOrWhiteSpace(command.Reviewer)) return DomainError.Invalid("reviewer-missing", "A verdict needs the reviewer's name.");
        return Decision.Append(new VerdictIssued(claim.Id, command.Rating, command.Summary.Trim(), command.Reviewer.Trim(), command.At));
    }
}
