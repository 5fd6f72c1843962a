using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Claims;

public sealed record ClaimSummary(Guid Id, string Text, string Status, int SupportCount, int DisputeCount, int DistinctSources,
    bool RestsOnSingleAnonymousSource, long Version);

public sealed record ClaimPage(IReadOnlyList<ClaimSummary> Items, int Page, int PageSize, long Total);

public static class ReadClaimEndpoints
{
    /// <summary>GET /api/claims?status=contested&amp;page=1&amp;pageSize=50: merged claims are left out unless asked for.</summary>
    [WolverineGet("/api/claims", OperationId = "ListClaims")]
    [Tags("Claims")]
    public static async Task<IResult> List(string? status, int? page, int? pageSize, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = session.Query<ClaimView>().AsQueryable();
        query = string.IsNullOrWhiteSpace(status) ? query.Where(c => c.Status != ClaimStatuses.Merged) : query.Where(c => c.Status == status);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.LastUpdated).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new ClaimPage(items.Select(c => new ClaimSummary(c.Id, c.Text, c.Status, c.SupportCount, c.DisputeCount,
            c.DistinctSources, c.RestsOnSingleAnonymousSource, c.Version)).ToList(), p, size, total));
    }

    /// <summary>GET /api/claims/{id}: the claim page; <c>?version=</c> or <c>?asOf=</c> reads it as it was.</summary>
    [WolverineGet("/api/claims/{id}", OperationId = "GetClaim")]
    [Tags("Claims")]
    public static async Task<IResult> Get(Guid id, long? version, DateTimeOffset? asOf, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var claim = await TimeTravel.ReadAsync<ClaimView>(session, id, version, asOf, ct);
        return claim is null ? Problems.NotFound("claim", id) : Results.Ok(claim);
    }
}
