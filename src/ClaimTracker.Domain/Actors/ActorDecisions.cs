namespace ClaimTracker.Domain;

/// <summary>Says that <see cref="Alias"/> (a name as the extractor would resolve it) is the actor <see cref="ActorId"/>.</summary>
public sealed record AddActorAlias(string ActorId, string Alias, string By, DateTimeOffset At);

public sealed record MergeActors(string SurvivingActorId, string AbsorbedActorId, string? Reason, string By, DateTimeOffset At);

public static class ActorDecisions
{
    /// <param name="actor">The actor receiving the alias.</param>
    /// <param name="aliasTarget">Where the alias's actor id resolves today, if it is already curated.</param>
    /// <param name="aliasActor">An actor already stored under the alias's id, if any.</param>
    public static Decision AddAlias(ActorView? actor, ActorAlias? aliasTarget, ActorView? aliasActor, AddActorAlias command)
    {
        if (actor is null) return DomainError.NotFound("actor-not-found", $"No actor {command.ActorId}.");
        if (actor.MergedInto is { } into) return DomainError.Conflict("actor-merged", $"The actor was merged into {into}; add the alias there.");
        if (actor.Anonymous) return DomainError.Invalid("anonymous-actor", "Aliases are for named actors; an anonymous source is only known inside its article.");
        if (string.IsNullOrWhiteSpace(command.Alias)) return DomainError.Invalid("alias-missing", "Give the alias.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("curator-missing", "Say who adds the alias.");
        var aliasId = ActorIds.For(command.Alias.Trim(), actor.Type, false, Guid.Empty);
        if (aliasId == actor.Id || actor.Aliases.Contains(aliasId))
            return DomainError.Conflict("alias-exists", $"'{command.Alias}' already resolves to {actor.Id}.");
        if (aliasTarget is not null)
            return DomainError.Conflict("alias-taken", $"'{command.Alias}' already resolves to {aliasTarget.ActorId}.");
        if (aliasActor is { StatementCount: > 0 })
            return DomainError.Conflict("alias-has-statements", $"{aliasId} already has statements; merge the actors instead.");
        return Decision.Append(new ActorAliasAdded(actor.Id, command.Alias.Trim(), aliasId, command.By, command.At));
    }

    public static Decision Merge(ActorView? surviving, ActorView? absorbed, MergeActors command)
    {
        if (command.SurvivingActorId == command.AbsorbedActorId) return DomainError.Invalid("merge-into-itself", "An actor cannot be merged into itself.");
        if (surviving is null) return DomainError.NotFound("actor-not-found", $"No actor {command.SurvivingActorId}.");
        if (absorbed is null) return DomainError.NotFound("actor-not-found", $"No actor {command.AbsorbedActorId}.");
        if (surviving.MergedInto is not null) return DomainError.Conflict("actor-merged", $"{surviving.Id} was itself merged into {surviving.MergedInto}.");
        if (absorbed.MergedInto is not null) return DomainError.Conflict("actor-merged", $"{absorbed.Id} was already merged into {absorbed.MergedInto}.");
        if (string.IsNullOrWhiteSpace(command.By)) return DomainError.Invalid("curator-missing", "Say who merges the actors.");
        return Decision.Append(new ActorsMerged(surviving.Id, absorbed.Id, absorbed.Name, absorbed.Tally(), command.By, command.At,
            string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim()));
    }

    /// <summary>
    /// After a merge, every claim that links one of the moved statements learns the statement's new actor, so the
    /// claim's distinct-source count does not count one person twice. Returns (claim stream, event) pairs.
    /// </summary>
    public static IReadOnlyList<(Guid ClaimId, LinkedStatementRevised Event)> ClaimRevisionsAfterMerge(
        ActorsMerged merged, IReadOnlyDictionary<Guid, StatementView> statements) =>
        merged.Moved.Claims
            .Where(c => statements.ContainsKey(c.StatementId))
            .Select(c => (c.ClaimId, new LinkedStatementRevised(c.ClaimId,
                StatementDecisions.LinkedStatementOf(statements[c.StatementId]) with { ActorId = merged.SurvivingActorId },
                c.Stance, statements[c.StatementId].Retracted, merged.MergedBy, merged.MergedAt,
                $"{merged.AbsorbedName} was merged into {merged.SurvivingActorId}")))
            .ToList();
}
