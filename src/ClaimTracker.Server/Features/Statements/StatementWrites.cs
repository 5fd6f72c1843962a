using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;

namespace ClaimTracker.Server.Features.Statements;

/// <summary>
/// Corrections and retractions go to the statement's article stream; every claim the statement is linked to gets
/// a LinkedStatementRevised in the same transaction, so claim pages never count a withdrawn or misattributed source.
/// A writer may send the statement's <c>version</c> as read; a stale one is a 409, never a lost update.
/// </summary>
public static class StatementWrites
{
    public static async Task<IResult> WriteAsync(IDocumentSession session, Guid statementId, long? expectedVersion,
        Func<StatementView, Task<Decision>> decide, CancellationToken ct)
    {
        if (expectedVersion is < 1)
            return Problems.BadRequest("version-invalid", $"expectedVersion must be 1 or more (the statement's 'version'), not {expectedVersion}.");
        var statement = await session.LoadAsync<StatementView>(statementId, ct);
        if (statement is null) return Problems.NotFound("statement", statementId);
        if (expectedVersion is { } expected && expected != statement.Revision)
            return StaleVersion(expected, statement.Revision);
        // Both streams are fetched for writing: a concurrent write to the article or to a linked claim between this
        // read and the commit fails the commit (409) instead of being overwritten.
        var article = await session.Events.FetchForWriting<ArticleView>(statement.ArticleId, ct);
        var decision = await decide(statement);
        if (!decision.Succeeded) return Problems.For(decision.Error!);
        article.AppendMany(decision.Events.ToArray());
        foreach (var revisions in decision.Events.SelectMany(e => StatementDecisions.RevisionsForLinkedClaims(statement, e)).GroupBy(r => r.ClaimId))
            (await session.Events.FetchForWriting<ClaimView>(revisions.Key, ct)).AppendMany(revisions.Select(r => (object)r.Event).ToArray());
        await session.SaveChangesAsync(ct);
        return Results.Ok(ReadStatementEndpoints.Shown((await session.LoadAsync<StatementView>(statementId, ct))!));
    }

    public static IResult StaleVersion(long expected, long actual) => Problems.Problem(StatusCodes.Status409Conflict, "version-conflict",
        $"You sent version {expected} but the statement is at version {actual}: someone changed it since you read it. Reload and try again.");

    public static async Task<Func<string, string>> ActorResolverAsync(IQuerySession session, CancellationToken ct)
    {
        var aliases = (await session.Query<ActorAlias>().ToListAsync(ct)).ToDictionary(a => a.Id, a => a.ActorId);
        return id => ActorDirectory.Resolve(id, aliases.GetValueOrDefault);
    }
}
