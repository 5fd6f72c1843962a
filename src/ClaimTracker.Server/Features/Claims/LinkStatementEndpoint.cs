using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

/// <summary>Link a statement with a stance; automatic links (the matcher) carry a score and an explanation.</summary>
public sealed record LinkStatementRequest(Guid StatementId, string? Stance, bool Automatic, double? Score, string? Explanation, long? ExpectedVersion);

public static class LinkStatementEndpoint
{
    [WolverinePost("/api/claims/{id}/statements", OperationId = "LinkStatement")]
    [ProducesResponseType<ClaimView>(StatusCodes.Status200OK)]
    [Tags("Claims")]
    public static async Task<IResult> Post(Guid id, LinkStatementRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"statementId\": \"...\", \"stance\": \"supports\"}");
        if (request.StatementId == Guid.Empty) return Problems.BadRequest("statement-missing", "Give the statementId to link.");
        return await ClaimWrites.WriteAsync(session, id, request.ExpectedVersion, async claim =>
        {
            var statement = await session.LoadAsync<StatementView>(request.StatementId, ct);
            return ClaimDecisions.Link(claim, statement, new LinkStatement(id, request.StatementId, request.Stance ?? "",
                request.Automatic, request.Score, request.Explanation, Who.Is(http), DateTimeOffset.UtcNow));
        }, ct);
    }
}
