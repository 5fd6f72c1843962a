using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Actors;

public sealed record AddAliasRequest(string? Alias);

public sealed record MergeActorsRequest(string? ActorId, string? Reason);

/// <summary>The answer to a merge: who survives, who was absorbed, how many statements moved.</summary>
public sealed record ActorsMergedResponse(string SurvivingActorId, string AbsorbedActorId, int Moved);

public static class CurateActorEndpoints
{
    /// <summary>POST /api/actors/{id}/aliases: later statements under this name are credited to the actor (admin).</summary>
    [WolverinePost("/api/actors/{id}/aliases", OperationId = "AddActorAlias")]
    [ProducesResponseType<ActorAliasAdded>(StatusCodes.Status200OK)]
    [Tags("Actors")]
    public static async Task<IResult> AddAlias(string id, AddAliasRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"alias\": \"...\"}");
        var actor = await session.LoadAsync<ActorView>(id, ct);
        var aliasId = actor is null || string.IsNullOrWhiteSpace(request.Alias) ? null : ActorIds.For(request.Alias.Trim(), actor.Type, false, Guid.Empty);
        var target = aliasId is null ? null : await session.LoadAsync<ActorAlias>(aliasId, ct);
        var aliasActor = aliasId is null ? null : await session.LoadAsync<ActorView>(aliasId, ct);
        var decision = ActorDecisions.AddAlias(actor, target, aliasActor, new AddActorAlias(id, request.Alias ?? "", Who.Is(http), DateTimeOffset.UtcNow));
        if (!decision.Succeeded) return Problems.For(decision.Error!);
        session.Events.Append(Ids.ActorStream(id), decision.Events.ToArray());
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Events[0]);
    }

    /// <summary>POST /api/actors/{id}/merge: the route's actor absorbs the one in the body (admin).</summary>
    [WolverinePost("/api/actors/{id}/merge", OperationId = "MergeActors")]
    [ProducesResponseType<ActorsMergedResponse>(StatusCodes.Status200OK)]
    [Tags("Actors")]
    public static async Task<IResult> Merge(string id, MergeActorsRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"actorId\": \"...\"}");
        if (string.IsNullOrWhiteSpace(request.ActorId)) return Problems.BadRequest("actor-missing", "Give the actorId to merge into this one.");
        var surviving = await session.LoadAsync<ActorView>(id, ct);
        var absorbed = await session.LoadAsync<ActorView>(request.ActorId, ct);
        var decision = ActorDecisions.Merge(surviving, absorbed, new MergeActors(id, request.ActorId, request.Reason, Who.Is(http), DateTimeOffset.UtcNow));
        if (!decision.Succeeded) return Problems.For(decision.Error!);
        session.Events.Append(Ids.ActorStream(id), decision.Events.ToArray());
        var merged = (ActorsMerged)decision.Events[0];
        var linked = await session.LoadManyAsync<StatementView>(ct, merged.Moved.Claims.Select(c => c.StatementId).Distinct().ToArray());
        // Fetched for writing (once per claim): the claim's version stays right under Quick append.
        foreach (var revisions in ActorDecisions.ClaimRevisionsAfterMerge(merged, linked.ToDictionary(s => s.Id)).GroupBy(r => r.ClaimId))
            (await session.Events.FetchForWriting<ClaimView>(revisions.Key, ct)).AppendMany(revisions.Select(r => (object)r.Item2).ToArray());
        await session.SaveChangesAsync(ct);
        return Results.Ok(new ActorsMergedResponse(id, request.ActorId, absorbed!.StatementCount));
    }
}
