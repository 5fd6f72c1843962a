using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Statements;

public sealed record StatementHistoryResponse(Guid Id, Guid ArticleId, string ActorId, bool Retracted,
    StatementAttribution Original, StatementAttribution Current, IReadOnlyList<StatementHistoryEntry> History, long LastSequence, long Version);

public static class ReadStatementEndpoints
{
    [WolverineGet("/api/statements/{id}", OperationId = "GetStatement")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [Tags("Statements")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<StatementView>(id, ct) is { } s ? Results.Ok(Shown(s)) : Problems.NotFound("statement", id);

    /// <summary>The view as readers get it: with its "recorded" history entry, which storage leaves implicit until a later one.</summary>
    public static StatementView Shown(StatementView view)
    {
        view.KeepRecordedEntry();
        return view;
    }

    /// <summary>GET /api/statements/{id}/history: as extracted, as it reads now, and every change in between.</summary>
    [WolverineGet("/api/statements/{id}/history", OperationId = "GetStatementHistory")]
    [ProducesResponseType<StatementHistoryResponse>(StatusCodes.Status200OK)]
    [Tags("Statements")]
    public static async Task<IResult> History(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<StatementView>(id, ct) is { } s
            ? Results.Ok(new StatementHistoryResponse(s.Id, s.ArticleId, s.ActorId, s.Retracted, s.Original ?? s.Current, s.Current, s.FullHistory(), s.LastSequence, s.Revision))
            : Problems.NotFound("statement", id);
}
