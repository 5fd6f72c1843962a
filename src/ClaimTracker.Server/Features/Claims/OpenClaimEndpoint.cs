using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

public sealed record OpenClaimRequest(string? Text, string? Label);

public static class OpenClaimEndpoint
{
    /// <summary>POST /api/claims: start tracking a proposition. 201 with the new claim.</summary>
    [WolverinePost("/api/claims", OperationId = "OpenClaim")]
    [ProducesResponseType<ClaimView>(StatusCodes.Status201Created)]
    [Tags("Claims")]
    public static async Task<IResult> Post(OpenClaimRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"text\": \"...\"}");
        var id = Guid.NewGuid();
        var decision = ClaimDecisions.Open(null, new OpenClaim(id, request.Text ?? "", request.Label, false, Who.Is(http), DateTimeOffset.UtcNow));
        if (!decision.Succeeded) return Problems.For(decision.Error!);
        session.Events.StartStream<ClaimView>(id, decision.Events.ToArray());
        await session.SaveChangesAsync(ct);
        var claim = await session.LoadAsync<ClaimView>(id, ct);
        return Results.Json(claim, statusCode: StatusCodes.Status201Created);
    }
}
