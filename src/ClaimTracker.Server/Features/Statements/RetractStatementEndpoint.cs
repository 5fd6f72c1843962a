using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Statements;

/// <summary>Why the statement is withdrawn; optionally its <c>version</c> as read (a stale one gets 409).</summary>
public sealed record RetractStatementRequest(string? Reason, long? ExpectedVersion = null);

public static class RetractStatementEndpoint
{
    /// <summary>POST /api/statements/{id}/retraction: withdraw a statement; it stays in history, out of counts.</summary>
    [WolverinePost("/api/statements/{id}/retraction", OperationId = "RetractStatement")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [Tags("Statements")]
    public static async Task<IResult> Post(Guid id, RetractStatementRequest? request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request is null) return Problems.JsonObjectRequired("{\"reason\": \"...\"}");
        return await StatementWrites.WriteAsync(session, id, request.ExpectedVersion, statement => Task.FromResult(StatementDecisions.Retract(statement,
            new RetractStatement(id, request.Reason ?? "", Who.Is(http), DateTimeOffset.UtcNow))), ct);
    }
}
