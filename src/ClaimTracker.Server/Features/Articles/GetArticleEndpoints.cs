using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Articles;

public sealed record AttributionReportResponse(Guid ArticleId, string Headline, DateTimeOffset? PublishedAt, AttributionReport Report, long Version, long LastSequence);

/// <summary>One story in the list: what an editor scans for before opening the report.</summary>
public sealed record ArticleSummary(Guid Id, string Headline, string? Dateline, DateTimeOffset? PublishedAt, DateTimeOffset IngestedAt,
    int Statements, int AnonymousStatements, double AnonymousShare);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int PageSize, long Total);

public static class GetArticleEndpoints
{
    /// <summary>
    /// GET /api/articles?search=&amp;page=&amp;pageSize=: the stories, most recently ingested first, with their
    /// statement counts and anonymous share (from the article view, an async read model: milliseconds behind).
    /// </summary>
    [WolverineGet("/api/articles", OperationId = "ListArticles")]
    [Tags("Articles")]
    [ProducesResponseType<ArticlePage>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(string? search, int? page, int? pageSize, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var (p, size) = Paging.Normalize(page, pageSize);
        IQueryable<ArticleView> query = session.Query<ArticleView>();
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(a => a.Headline.Contains(search, StringComparison.OrdinalIgnoreCase));
        var total = await query.CountAsync(ct);
        // Only the summary fields are read: an article document carries its whole text and every statement.
        var items = await query.OrderByDescending(a => a.IngestedAt).ThenBy(a => a.Id).Skip(Paging.Skip(p, size)).Take(size)
            .Select(a => new ArticleSummary(a.Id, a.Headline, a.Dateline, a.PublishedAt, a.IngestedAt,
                a.Report.Statements, a.Report.AnonymousStatements, a.Report.AnonymousShare))
            .ToListAsync(ct);
        return Results.Ok(new ArticlePage(items, p, size, total));
    }

    /// <summary>GET /api/articles/{id}: the article, its statements as currently attributed, and the report.
    /// <c>?version=</c> or <c>?asOf=</c> reads it as it was, from the event store.</summary>
    [WolverineGet("/api/articles/{id}", OperationId = "GetArticle")]
    [ProducesResponseType<ArticleView>(StatusCodes.Status200OK)]
    [Tags("Articles")]
    public static async Task<IResult> Get(Guid id, long? version, DateTimeOffset? asOf, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var article = await TimeTravel.ReadLatestAsync<ArticleView>(session, id, version, asOf, ct);
        return article is null ? await NotFound(session, id, version, asOf, ct) : Results.Ok(article);
    }

    private static async Task<IResult> NotFound(IQuerySession session, Guid id, long? version, DateTimeOffset? asOf, CancellationToken ct) =>
        (version is not null || asOf is not null) && await TimeTravel.CurrentVersionAsync(session, id, ct) is { } now
            ? TimeTravel.NotThen("article", id, version, asOf, now) : Problems.NotFound("article", id);

    /// <summary>GET /api/articles/{id}/attribution: the editor's attribution report.</summary>
    [WolverineGet("/api/articles/{id}/attribution", OperationId = "GetAttributionReport")]
    [ProducesResponseType<AttributionReportResponse>(StatusCodes.Status200OK)]
    [Tags("Articles")]
    public static async Task<IResult> GetAttribution(Guid id, long? version, DateTimeOffset? asOf, IQuerySession session, HttpRequest request, CancellationToken ct)
    {
        if (QueryChecks.Invalid(request) is { } invalid) return invalid;
        var article = await TimeTravel.ReadLatestAsync<ArticleView>(session, id, version, asOf, ct);
        return article is null
            ? await NotFound(session, id, version, asOf, ct)
            : Results.Ok(new AttributionReportResponse(article.Id, article.Headline, article.PublishedAt, article.Report, article.Version, article.LastSequence));
    }
}
