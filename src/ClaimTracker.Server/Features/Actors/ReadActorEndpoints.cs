using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Marten.Linq;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Actors;

public sealed record ActorSummary(string Id, string Name, string Type, bool Anonymous, int StatementCount);

public sealed record ActorPage(IReadOnlyList<ActorSummary> Items, int Page, int PageSize, long Total);

public sealed record ActorStatementItem(Guid Id, Guid ArticleId, string ArticleHeadline, DateTimeOffset? PublishedAt, string Cue, string Mode,
    string Content, string? Role, string? Affiliation, string? Medium, bool Retracted, IReadOnlyList<StatementClaim> Claims);

/// <summary>The actor document plus their statements, newest first (100 unless ?pageSize= says otherwise, at most 500).</summary>
public sealed record ActorDetail(ActorView Actor, IReadOnlyList<ActorStatementItem> Statements)
{
    public string Id => Actor.Id;
    public string Name => Actor.Name;
    public int StatementCount => Actor.StatementCount;
}

public static class ReadActorEndpoints
{
    /// <summary>GET /api/actors?search=&amp;type=&amp;anonymous=&amp;page=: most quoted first; merged actors are left out.</summary>
    [WolverineGet("/api/actors", OperationId = "ListActors")]
    [Tags("Actors")]
    public static async Task<IResult> List(string? search, string? type, bool? anonymous, int? page, int? pageSize, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var (p, size) = Paging.Normalize(page, pageSize);
        IQueryable<ActorView> query = session.Query<ActorView>().Where(a => a.MergedInto == null);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(a => a.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(a => a.Type == type);
        if (anonymous is { } anon) query = query.Where(a => a.Anonymous == anon);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.StatementCount).ThenBy(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new ActorPage(items.Select(a => new ActorSummary(a.Id, a.Name, a.Type, a.Anonymous, a.StatementCount)).ToList(), p, size, total));
    }

    /// <summary>
    /// GET /api/actors/{id}: a merged actor answers with the actor it was merged into. <c>?version=</c> (a global
    /// event sequence, as in <c>lastSequence</c>) or <c>?asOf=</c> reads the actor as it was, from the events.
    /// </summary>
    [WolverineGet("/api/actors/{id}", OperationId = "GetActor")]
    [Tags("Actors")]
    public static async Task<IResult> Get(string id, int? pageSize, long? version, DateTimeOffset? asOf, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        if (version is not null || asOf is not null)
        {
            var past = await ActorTimeTravel.ReadAsync(session, id, version, asOf, ct);
            return past is null ? Problems.NotFound("actor", id) : Results.Ok(new ActorDetail(past, []));
        }
        // One round trip: the actor and its ready-made statement list (both async documents, same daemon).
        var batch = session.CreateBatchQuery();
        var actorLoad = batch.Load<ActorView>(id);
        var listLoad = batch.Load<ActorStatements>(id);
        await batch.Execute(ct);
        var actor = await actorLoad;
        var list = await listLoad;
        if (actor?.MergedInto is { } into)
        {
            actor = await session.LoadAsync<ActorView>(into, ct) ?? actor;
            list = await session.LoadAsync<ActorStatements>(actor.Id, ct);
        }
        if (actor is null) return Problems.NotFound("actor", id);
        var (_, size) = Paging.Normalize(1, pageSize ?? 100);
        var items = list?.Take(size)?.Select(s => new ActorStatementItem(s.Id, s.ArticleId, s.ArticleHeadline, s.PublishedAt,
            s.Cue, s.Mode, s.Content, s.Role, s.Affiliation, s.Medium, s.Retracted, s.Claims)).ToList();
        if (items is null)
        {
            // More than the document keeps, or a merge / moved statement it cannot order: ask the statement views.
            var statements = await session.Query<StatementView>().Where(s => s.ActorId == actor.Id)
                .OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Ordinal).Take(size).ToListAsync(ct);
            items = statements.Select(s => new ActorStatementItem(s.Id, s.ArticleId, s.ArticleHeadline, s.PublishedAt,
                s.Current.Cue, s.Current.Mode, s.Current.Content, s.Current.Role, s.Current.Affiliation, s.Current.Medium, s.Retracted, s.Claims)).ToList();
        }
        return Results.Ok(new ActorDetail(actor, items));
    }
}
