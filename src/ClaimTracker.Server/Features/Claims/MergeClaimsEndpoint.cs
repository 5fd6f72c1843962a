using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

/// <summary>Merge claim <see cref="ClaimId"/> into the claim of the route.</summary>
public sealed record MergeClaimsRequest(Guid ClaimId, string? Reason, long? ExpectedVersion);

public static class MergeClaimsEndpoint
{
    /// <summary>POST /api/claims/{id}/merge: the route's claim survives and absorbs the one in the body.</summary>
    [WolverinePost("/api/claims/{id}/merge", OperationId = "MergeClaims")]
    [ProducesResponseType<ClaimView>(StatusCodes.Status200OK)]
    [Tags("Claims")]
    public static async Task<IResult> Post(Guid id, MergeClaimsRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"claimId\": \"...\"}");
        if (request.ClaimId == Guid.Empty) return Problems.BadRequest("claim-missing", "Give the claimId to merge into this one.");
        var absorbed = await session.LoadAsync<ClaimView>(request.ClaimId, ct);
        if (absorbed is null && request.ClaimId != id) return Problems.NotFound("claim", request.ClaimId);
        return await ClaimWrites.WriteAsync(session, id, request.ExpectedVersion, async surviving =>
        {
            var decision = ClaimDecisions.Merge(surviving, absorbed, new MergeClaims(id, request.ClaimId, request.Reason, Who.Is(http), DateTimeOffset.UtcNow));
            if (decision.Succeeded)
            {
                // The same event closes the absorbed claim; fetched for writing so a concurrent change to it also fails.
                var other = await session.Events.FetchForWriting<ClaimView>(request.ClaimId, absorbed!.Version, ct);
                other.AppendMany(decision.Events.ToArray());
            }
            return decision;
        }, ct);
    }
}
