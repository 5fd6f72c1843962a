using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

public static class UnlinkStatementEndpoint
{
    /// <summary>DELETE /api/claims/{id}/statements/{statementId}?expectedVersion=&amp;reason=: remove a link (it stays in the timeline).</summary>
    [WolverineDelete("/api/claims/{id}/statements/{statementId}", OperationId = "UnlinkStatement")]
    [ProducesResponseType<ClaimView>(StatusCodes.Status200OK)]
    [Tags("Claims")]
    public static async Task<IResult> Delete(Guid id, Guid statementId, long? expectedVersion, string? reason, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (QueryChecks.Invalid(http.Request) is { } invalid) return invalid;
        return await ClaimWrites.WriteAsync(session, id, expectedVersion, claim => Task.FromResult(
            ClaimDecisions.Unlink(claim, new UnlinkStatement(id, statementId, reason, Who.Is(http), DateTimeOffset.UtcNow))), ct);
    }
}
