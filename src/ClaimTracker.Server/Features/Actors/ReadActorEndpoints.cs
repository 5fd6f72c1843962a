using ClaimTracker.Domain;
using ClaimTracker.Extraction;
using ClaimTracker.Server.Features.Api;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Actors;

public sealed record ActorSummary(string Id, string Name, string Type, bool Anonymous, int StatementCount);

public sealed record ActorPage(IReadOnlyList<ActorSummary> Items, int Page, int PageSize, long Total);

public sealed record ActorStatementItem(Guid Id, Guid ArticleId, string ArticleHeadline, DateTimeOffset? PublishedAt, string Cue, string Mode,
    string Content, string? Role, string? Affiliation, string? Medium, bool Retracted, IReadOnlyList<StatementClaim> Claims);

/// <summary>A claim one or more of the actor's statements are linked to, its text, and how many support or dispute it.</summary>
public sealed record ActorClaimSummary(Guid ClaimId, int Supports, int Disputes, string? Text = null);

/// <summary>
/// The actor page: who they are, their counts, bounded summaries of where they spoke and which claims they bear on,
/// and one page of their statements (newest first). Bounded on purpose: the most quoted actors have thousands of
/// statements, and the stored document's full id list is not something a reader pages through (the statements are).
/// </summary>
public sealed record ActorDetail(
    string Id, string Name, string Type, bool Anonymous,
    IReadOnlyList<string> Names, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, IReadOnlyList<string> Affiliations, IReadOnlyList<string> Media,
    int StatementCount, int DirectCount, int IndirectCount, int MixedCount, int RetractedCount,
    int ArticleCount, int ClaimCount,
    IReadOnlyList<ActorArticle> Articles, IReadOnlyList<ActorClaimSummary> Claims,
    DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, string? MergedInto, long LastSequence, DateTimeOffset LastUpdated,
    IReadOnlyList<ActorStatementItem> Statements, int Page, int PageSize, long Total)
{
    /// <summary>Statements per page unless ?pageSize= says otherwise (at most <see cref="Paging.MaxPageSize"/>).</summary>
    public const int DefaultPageSize = 25;
    /// <summary>Newest articles and most linked claims shown; the counts say how many there are in all.</summary>
    public const int SummaryKept = 25;

    public static ActorDetail Of(ActorView a, IReadOnlyList<ActorStatementItem> statements, int page, int pageSize) => new(
        a.Id, a.Name, a.Type, a.Anonymous, a.Names, a.Aliases, a.Roles, a.Affiliations, a.Media,
        a.StatementCount, a.DirectCount, a.IndirectCount, a.MixedCount, a.RetractedCount,
        a.Articles.Count, a.Claims.Select(c => c.ClaimId).Distinct().Count(),
        // Undated articles last: a dated story is the better "latest" for a reader.
        a.Articles.OrderByDescending(x => x.PublishedAt ?? DateTimeOffset.MinValue).Take(SummaryKept).ToList(),
        a.Claims.GroupBy(c => c.ClaimId)
            .Select(g => new ActorClaimSummary(g.Key, g.Count(c => c.Stance == Stances.Supports), g.Count(c => c.Stance == Stances.Disputes)))
            .OrderByDescending(c => c.Supports + c.Disputes).ThenBy(c => c.ClaimId).Take(SummaryKept).ToList(),
        a.FirstSeen, a.LastSeen, a.MergedInto, a.LastSequence, a.LastUpdated,
        // Retracted statements stay listed (flagged), so the list is longer than the count by the retracted ones.
        statements, page, pageSize, a.StatementCount + a.RetractedCount);
}

public static class ReadActorEndpoints
{
    /// <summary>The values <c>?type=</c> takes (also listed in /openapi/v1.json).</summary>
    public static readonly string[] SpeakerTypesKnown =
        [SpeakerTypes.Person, SpeakerTypes.Anonymous, SpeakerTypes.Organization, SpeakerTypes.Government, SpeakerTypes.Collective];

    /// <summary>GET /api/actors?search=&amp;type=&amp;anonymous=&amp;page=: most quoted first; merged actors are left out.</summary>
    [WolverineGet("/api/actors", OperationId = "ListActors")]
    [ProducesResponseType<ActorPage>(StatusCodes.Status200OK)]
    [Tags("Actors")]
    public static async Task<IResult> List(string? search, string? type, bool? anonymous, int? page, int? pageSize, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var (wantedType, unknown) = QueryChecks.OneOf("type", type, SpeakerTypesKnown);
        if (unknown is not null) return unknown;
        var (p, size) = Paging.Normalize(page, pageSize);
        IQueryable<ActorView> query = session.Query<ActorView>().Where(a => a.MergedInto == null);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(a => a.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        if (wantedType is not null) query = query.Where(a => a.Type == wantedType);
        if (anonymous is { } anon) query = query.Where(a => a.Anonymous == anon);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.StatementCount).ThenBy(a => a.Id).Skip(Paging.Skip(p, size)).Take(size).ToListAsync(ct);
        return Results.Ok(new ActorPage(items.Select(a => new ActorSummary(a.Id, a.Name, a.Type, a.Anonymous, a.StatementCount)).ToList(), p, size, total));
    }

    /// <summary>
    /// GET /api/actors/{id}?page=&amp;pageSize=: a merged actor answers with the actor it was merged into.
    /// <c>?version=</c> (a global event sequence, as in <c>lastSequence</c>) or <c>?asOf=</c> reads the actor as it
    /// was, from the events. The current first page is served from memory until a commit changes the actor
    /// (<see cref="ReadCache"/>); every answer carries an ETag, and If-None-Match with it answers 304.
    /// </summary>
    [WolverineGet("/api/actors/{id}", OperationId = "GetActor")]
    [Tags("Actors")]
    [ProducesResponseType<ActorDetail>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string id, int? page, int? pageSize, long? version, DateTimeOffset? asOf, IQuerySession session,
        ReadCache cache, HttpContext context, CancellationToken ct)
    {
        if (QueryChecks.Invalid(context.Request) is { } invalid) return invalid;
        var (p, size) = Paging.Normalize(page, pageSize ?? ActorDetail.DefaultPageSize);
        var json = ReadCacheSetup.JsonOf(context);
        if (version is not null || asOf is not null)
        {
            var past = await ActorTimeTravel.ReadAsync(session, id, version, asOf, ct);
            if (past is null && await session.LoadAsync<ActorView>(id, ct) is { } now)
                return Problems.Problem(StatusCodes.Status404NotFound, "version-not-found", version is { } v
                    ? $"The actor {id} had no statements yet at sequence {v} (its document is at sequence {now.LastSequence})."
                    : $"The actor {id} had no statements yet at {TimeTravel.Moment(asOf!.Value)}.");
            return past is null ? Problems.NotFound("actor", id) : JsonAnswer.Of(ActorDetail.Of(past, [], p, size), json).Send(context);
        }
        // Only the default first page is kept: it is what the dashboard and most readers ask for.
        var cacheable = p == 1 && size == ActorDetail.DefaultPageSize;
        var key = ReadCache.ActorKey(id);
        var generation = cache.Generation(key);                     // before the load: see ReadCache.Keep
        if (cacheable && cache.Find(key) is { } kept) return kept.Send(context);

        // One round trip: the actor and its ready-made statement list (both async documents, same daemon).
        var batch = session.CreateBatchQuery();
        var actorLoad = batch.Load<ActorView>(id);
        var listLoad = batch.Load<ActorStatements>(id);
        await batch.Execute(ct);
        var actor = await actorLoad;
        var list = await listLoad;
        if (actor?.MergedInto is { } into)
        {
            cacheable = false;                                      // made from another actor's documents
            actor = await session.LoadAsync<ActorView>(into, ct) ?? actor;
            list = await session.LoadAsync<ActorStatements>(actor.Id, ct);
        }
        if (actor is null) return Problems.NotFound("actor", id);
        var items = list?.Take(Paging.Through(p, size))?.Skip(Paging.Skip(p, size)).Select(s => new ActorStatementItem(s.Id, s.ArticleId, s.ArticleHeadline, s.PublishedAt,
            s.Cue, s.Mode, s.Content, s.Role, s.Affiliation, s.Medium, s.Retracted, s.Claims)).ToList();
        if (items is null)
        {
            // More than the document keeps, or a merge / moved statement it cannot order: ask the statement views.
            // Not kept in memory: the statement views are inline and change before the actor documents do.
            cacheable = false;
            var statements = await session.Query<StatementView>().Where(s => s.ActorId == actor.Id)
                .OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Ordinal).Skip(Paging.Skip(p, size)).Take(size).ToListAsync(ct);
            items = statements.Select(s => new ActorStatementItem(s.Id, s.ArticleId, s.ArticleHeadline, s.PublishedAt,
                s.Current.Cue, s.Current.Mode, s.Current.Content, s.Current.Role, s.Current.Affiliation, s.Current.Medium, s.Retracted, s.Claims)).ToList();
        }
        var detail = ActorDetail.Of(actor, items, p, size);
        // The claims' texts, so a reader sees what the actor bears on (a claim's text never changes once opened).
        var texts = (await session.LoadManyAsync<ClaimView>(ct, detail.Claims.Select(c => c.ClaimId).ToArray())).ToDictionary(c => c.Id, c => c.Text);
        detail = detail with { Claims = detail.Claims.Select(c => c with { Text = texts.GetValueOrDefault(c.ClaimId) }).ToList() };
        var answer = JsonAnswer.Of(detail, json);
        if (cacheable) cache.Keep(key, generation, answer);
        return answer.Send(context);
    }
}
