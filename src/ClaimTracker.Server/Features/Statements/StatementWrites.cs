using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;

namespace ClaimTracker.Server.Features.Statements;

/// <summary>
/// Corrections and retractions go to the statement's article stream; every claim the statement is linked to gets
/// a LinkedStatementRevised in the same transaction, so claim pages never count a withdrawn or misattributed source.
/// </summary>
public static class StatementWrites
{
    public static async Task<IResult> WriteAsync(IDocumentSession session, Guid statementId, Func<StatementView, Task<Decision>> decide, CancellationToken ct)
    {
        var statement = await session.LoadAsync<StatementView>(statementId, ct);
        if (statement is null) return Problems.NotFound("statement", statementId);
        var article = await session.Events.FetchForWriting<ArticleView>(statement.ArticleId, ct);
        var decision = await decide(statement);
        if (!decision.Succeeded) return Problems.For(decision.Error!);
        article.AppendMany(decision.Events.ToArray());
        foreach (var e in decision.Events)
        foreach (var (claimId, revised) in StatementDecisions.RevisionsForLinkedClaims(statement, e))
            session.Events.Append(claimId, revised);
        await session.SaveChangesAsync(ct);
        return Results.Ok(await session.LoadAsync<StatementView>(statementId, ct));
    }

    public static async Task<Func<string, string>> ActorResolverAsync(IQuerySession session, CancellationToken ct)
    {
        var aliases = (await session.Query<ActorAlias>().ToListAsync(ct)).ToDictionary(a => a.Id, a => a.ActorId);
        return id => ActorDirectory.Resolve(id, aliases.GetValueOrDefault);
    }
}
