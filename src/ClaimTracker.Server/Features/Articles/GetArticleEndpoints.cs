using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Articles;

public sealed record AttributionReportResponse(Guid ArticleId, string Headline, DateTimeOffset? PublishedAt, AttributionReport Report, long Version, long LastSequence);

public static class GetArticleEndpoints
{
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
