using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

public sealed record IssueVerdictRequest(string? Rating, string? Summary, long? ExpectedVersion);

public static class IssueVerdictEndpoint
{
    /// <summary>POST /api/claims/{id}/verdict: rate the claim; the reviewer is the API key's name.</summary>
    [WolverinePost("/api/claims/{id}/verdict", OperationId = "IssueVerdict")]
    [ProducesResponseType<ClaimView>(StatusCodes.Status200OK)]
    [Tags("Claims")]
    public static async Task<IResult> Post(Guid id, IssueVerdictRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"rating\": \"false\", \"summary\": \"...\"}");
        return await ClaimWrites.WriteAsync(session, id, request.ExpectedVersion, claim => Task.FromResult(
            ClaimDecisions.Verdict(claim, new IssueVerdict(id, request.Rating ?? "", request.Summary ?? "", Who.Is(http), DateTimeOffset.UtcNow))), ct);
    }
}
