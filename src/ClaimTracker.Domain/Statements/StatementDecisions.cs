using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

/// <summary>Corrects fields of a statement; keys are the guideline field names ("speaker", "role", ...).</summary>
public sealed record CorrectStatement(Guid StatementId, IReadOnlyDictionary<string, string?> Changes, string Reason, string By, DateTimeOffset At);

public sealed record RetractStatement(Guid StatementId, string Reason, string By, DateTimeOffset At);

public static class StatementDecisions
{
    private static readonly HashSet<string> Modes = [StatementMode.Direct, StatementMode.Indirect, StatementMode.Mixed];
    private static readonly HashSet<string> SpeakerTypeSet =
        [SpeakerTypes.Person, SpeakerTypes.Anonymous, SpeakerTypes.Organization, SpeakerTypes.Government, SpeakerTypes.Collective];

    public static Decision Correct(StatementView? statement, CorrectStatement command, Func<string, string> resolveActor)
    {
        if (statement is null) return DomainError.NotFound("statement-not-found", $"No statement {command.StatementId}.");
        if (statement.Retracted) return DomainError.Conflict("statement-retracted", "The statement was retracted; a retracted statement is not corrected.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return DomainError.Invalid("reason-missing", "Say why the statement is corrected.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("corrector-missing", "Say who corrects the statement.");
        if (command.Changes.Count == 0) return DomainError.Invalid("changes-missing", "Name at least one field to correct.");

        var before = statement.Current;
        var after = before;
        var changes = new List<FieldChange>();
        foreach (var (field, raw) in command.Changes.OrderBy(c => StatementAttribution.CorrectableFields.ToList().IndexOf(c.Key)))
        {
            if (!StatementAttribution.CorrectableFields.Contains(field))
                return DomainError.Invalid("field-unknown", $"'{field}' cannot be corrected; correctable fields: {string.Join(", ", StatementAttribution.CorrectableFields)}.");
            var value = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            if (Validate(field, value) is { } error) return error;
            var old = before.Get(field);
            if (string.Equals(old ?? "", value ?? "", StringComparison.Ordinal)) continue;
            changes.Add(new FieldChange(field, old, value));
            after = after.With(field, value);
        }
        if (changes.Count == 0) return DomainError.Invalid("nothing-changes", "Every field already has the value given.");

        var actorId = changes.Any(c => StatementAttribution.IdentityFields.Contains(c.Field))
            ? resolveActor(ActorIds.For(after.Speaker, after.SpeakerType, after.Anonymous, statement.ArticleId))
            : statement.ActorId;
        return Decision.Append(new StatementCorrected(statement.Id, statement.ArticleId, changes, before, after,
            statement.ActorId, actorId, statement.ArticleHeadline, statement.PublishedAt, command.By, command.At, command.Reason.Trim()));
    }

    public static Decision Retract(StatementView? statement, RetractStatement command)
    {
        if (statement is null) return DomainError.NotFound("statement-not-found", $"No statement {command.StatementId}.");
        if (statement.Retracted) return DomainError.Conflict("already-retracted", "The statement was already retracted.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return DomainError.Invalid("reason-missing", "Say why the statement is retracted.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("retractor-missing", "Say who retracts the statement.");
        return Decision.Append(new StatementRetracted(statement.Id, statement.ArticleId, statement.ActorId, statement.Current,
            command.By, command.At, command.Reason.Trim()));
    }

    /// <summary>
    /// After a correction or retraction, each claim the statement is linked to gets a <see cref="LinkedStatementRevised"/>
    /// so its supporters, disputers and source counts stay true. Returns (claim stream, event) pairs.
    /// </summary>
    public static IReadOnlyList<(Guid ClaimId, LinkedStatementRevised Event)> RevisionsForLinkedClaims(StatementView statement, object statementEvent)
    {
        var (attribution, actorId, retracted, by, at, reason) = statementEvent switch
        {
            StatementCorrected c => (c.After, c.ActorId, false, c.CorrectedBy, c.CorrectedAt, c.Reason),
            StatementRetracted r => (r.Attribution, r.ActorId, true, r.RetractedBy, r.RetractedAt, r.Reason),
            _ => throw new ArgumentException("Only corrections and retractions revise linked claims.", nameof(statementEvent)),
        };
        var linked = LinkedStatementOf(statement, attribution, actorId);
        return statement.Claims
            .Select(c => (c.ClaimId, new LinkedStatementRevised(c.ClaimId, linked, c.Stance, retracted, by, at, reason)))
            .ToList();
    }

    public static LinkedStatement LinkedStatementOf(StatementView s) => LinkedStatementOf(s, s.Current, s.ActorId);

    private static LinkedStatement LinkedStatementOf(StatementView s, StatementAttribution a, string actorId) =>
        new(s.Id, s.ArticleId, actorId, a.Speaker, a.SpeakerType, a.Anonymous, a.Content, a.Mode, s.ArticleHeadline, s.PublishedAt);

    private static DomainError? Validate(string field, string? value) => field switch
    {
        "speaker" or "speaker_type" or "anonymous" or "cue" or "mode" or "content" or "speaker_text" when value is null
            => DomainError.Invalid("value-missing", $"'{field}' cannot be empty."),
        "mode" when !Modes.Contains(value!) => DomainError.Invalid("mode-unknown", "mode must be direct, indirect or mixed."),
        "speaker_type" when !SpeakerTypeSet.Contains(value!)
            => DomainError.Invalid("speaker-type-unknown", $"speaker_type must be one of {string.Join(", ", SpeakerTypeSet)}."),
        "anonymous" when value is not ("true" or "false") => DomainError.Invalid("anonymous-not-boolean", "anonymous must be true or false."),
        "stance" when value is not (null or Stances.Supports or Stances.Disputes)
            => DomainError.Invalid("stance-unknown", "stance must be supports or disputes."),
        _ => null,
    };
}
