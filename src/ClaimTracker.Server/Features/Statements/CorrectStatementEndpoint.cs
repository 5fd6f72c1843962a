using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Statements;

/// <summary>Fields to correct, by their guideline names ("speaker", "role", "anonymity_reason", ...), and why.</summary>
public sealed record CorrectStatementRequest(Dictionary<string, string?>? Changes, string? Reason);

public static class CorrectStatementEndpoint
{
    /// <summary>POST /api/statements/{id}/corrections: old and new values both stay in the history.</summary>
    [WolverinePost("/api/statements/{id}/corrections", OperationId = "CorrectStatement")]
    [Tags("Statements")]
    public static async Task<IResult> Post(Guid id, CorrectStatementRequest request, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        var resolve = await StatementWrites.ActorResolverAsync(session, ct);
        return await StatementWrites.WriteAsync(session, id, statement => Task.FromResult(StatementDecisions.Correct(statement,
            new CorrectStatement(id, request.Changes ?? [], request.Reason ?? "", Who.Is(http), DateTimeOffset.UtcNow), resolve)), ct);
    }
}
