using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Statements;

/// <summary>
/// Fields to correct, by their guideline names ("speaker", "role", "anonymity_reason", ...), and why; optionally the
/// statement's <c>version</c> as read (a stale one gets 409).
/// </summary>
public sealed record CorrectStatementRequest(Dictionary<string, string?>? Changes, string? Reason, long? ExpectedVersion = null);

public static class CorrectStatementEndpoint
{
    /// <summary>POST /api/statements/{id}/corrections: old and new values both stay in the history.</summary>
    [WolverinePost("/api/statements/{id}/corrections", OperationId = "CorrectStatement")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [Tags("Statements")]
    public static async Task<IResult> Post(Guid id, CorrectStatementRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"changes\": {\"role\": \"...\"}, \"reason\": \"...\"}");
        var resolve = await StatementWrites.ActorResolverAsync(session, ct);
        return await StatementWrites.WriteAsync(session, id, request.ExpectedVersion, statement => Task.FromResult(StatementDecisions.Correct(statement,
            new CorrectStatement(id, request.Changes ?? [], request.Reason ?? "", Who.Is(http), DateTimeOffset.UtcNow), resolve)), ct);
    }
}
