using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

/// <summary>One row of the claim list; <c>supporters</c>/<c>disputers</c> are the speakers of current links, as the live <c>contested</c> updates carry them.</summary>
public sealed record ClaimSummary(Guid Id, string Text, string Status, int SupportCount, int DisputeCount, int DistinctSources,
    bool RestsOnSingleAnonymousSource, long Version, IReadOnlyList<string> Supporters, IReadOnlyList<string> Disputers)
{
    public static ClaimSummary Of(ClaimView c) => new(c.Id, c.Text, c.Status, c.SupportCount, c.DisputeCount, c.DistinctSources,
        c.RestsOnSingleAnonymousSource, c.Version, c.Supporters, c.Disputers);
}

public sealed record ClaimPage(IReadOnlyList<ClaimSummary> Items, int Page, int PageSize, long Total);

public static class ReadClaimEndpoints
{
    /// <summary>The values <c>?status=</c> takes (also listed in /openapi/v1.json).</summary>
    public static readonly string[] Statuses =
        [ClaimStatuses.Unverified, ClaimStatuses.Corroborated, ClaimStatuses.Contested, ClaimStatuses.Rated, ClaimStatuses.Merged];

    /// <summary>GET /api/claims?status=contested&amp;page=1&amp;pageSize=50: merged claims are left out unless asked for.</summary>
    [WolverineGet("/api/claims", OperationId = "ListClaims")]
    [ProducesResponseType<ClaimPage>(StatusCodes.Status200OK)]
    [Tags("Claims")]
    public static async Task<IResult> List(string? status, int? page, int? pageSize, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var (wanted, unknown) = QueryChecks.OneOf("status", status, Statuses);
        if (unknown is not null) return unknown;
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = session.Query<ClaimView>().AsQueryable();
        query = wanted is null ? query.Where(c => c.Status != ClaimStatuses.Merged) : query.Where(c => c.Status == wanted);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.LastUpdated).ThenBy(c => c.Id).Skip(Paging.Skip(p, size)).Take(size).ToListAsync(ct);
        return Results.Ok(new ClaimPage(items.Select(ClaimSummary.Of).ToList(), p, size, total));
    }

    /// <summary>
    /// GET /api/claims/{id}: the claim page; <c>?version=</c> or <c>?asOf=</c> reads it as it was. The current page is
    /// served from memory until a commit changes the claim (<see cref="ReadCache"/>); every answer carries an ETag,
    /// and If-None-Match with it answers 304.
    /// </summary>
    [WolverineGet("/api/claims/{id}", OperationId = "GetClaim")]
    [Tags("Claims")]
    [ProducesResponseType<ClaimView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, long? version, DateTimeOffset? asOf, IQuerySession session, ReadCache cache, HttpContext context, CancellationToken ct)
    {
        if (QueryChecks.Invalid(context.Request) is { } invalid) return invalid;
        var current = version is null && asOf is null;
        var key = ReadCache.ClaimKey(id);
        var generation = cache.Generation(key);                     // before the load: see ReadCache.Keep
        if (current && cache.Find(key) is { } kept) return kept.Send(context);
        var claim = await TimeTravel.ReadAsync<ClaimView>(session, id, version, asOf, ct);
        if (claim is null)
            return !current && await TimeTravel.CurrentVersionAsync(session, id, ct) is { } now
                ? TimeTravel.NotThen("claim", id, version, asOf, now) : Problems.NotFound("claim", id);
        var answer = JsonAnswer.Of(claim, ReadCacheSetup.JsonOf(context));
        if (current) cache.Keep(key, generation, answer);
        return answer.Send(context);
    }
}
