using Microsoft.AspNetCore.Mvc;
using System.Text;
using System.Text.Json;
using ClaimTracker.Server.Features.Api;
using JasperFx.Events;
using Marten;
using Wolverine.Http;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>The JSON form of one article.</summary>
public sealed record ArticleSubmission(string? Headline, string? Body, string? Dateline, DateTimeOffset? Date, string? Source);

public sealed record IngestResponse(IReadOnlyList<IngestedArticle> Articles);

public static class IngestArticlesEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// POST /api/articles: text/plain in the seed layout (one or more articles) or JSON {headline, body, dateline?,
    /// date?, source?}. 201 when something new was stored, 200 when every article was already there.
    /// </summary>
    [WolverinePost("/api/articles", OperationId = "IngestArticles")]
    [ProducesResponseType<IngestResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<IngestResponse>(StatusCodes.Status200OK)]
    [Tags("Articles")]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, ArticleIngestion ingestion, IArticleReader reader, CancellationToken ct)
    {
        var by = Who.Is(request.HttpContext);
        var now = DateTimeOffset.UtcNow;
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        string body;
        using (var text = new StreamReader(request.Body, Encoding.UTF8))
            body = await text.ReadToEndAsync(ct);

        IReadOnlyList<ClaimTracker.Domain.IngestArticle> articles;
        switch (mediaType)
        {
            case "text/plain":
                articles = reader.ReadText(body, null, by, now);
                if (articles.Count == 0)
                    return Problems.BadRequest("no-article-found", "No article found: expected a headline line, a blank line, then a dateline paragraph such as \"GENEVA (Reuters) - ...\".");
                break;
            case "application/json":
                ArticleSubmission? submission;
                try { submission = JsonSerializer.Deserialize<ArticleSubmission>(body, Json); }
                catch (JsonException e) { return Problems.BadRequest("json-malformed", "The JSON could not be read: " + Problems.WithoutTypeNames(e.Message)); }
                if (submission is null || string.IsNullOrWhiteSpace(submission.Headline))
                    return Problems.BadRequest("headline-missing", "Give the article's headline.");
                if (string.IsNullOrWhiteSpace(submission.Body))
                    return Problems.BadRequest("body-missing", "Give the article's body text.");
                articles = [reader.ReadOne(submission.Headline, submission.Body, submission.Dateline, submission.Date, submission.Source, by, now)];
                break;
            default:
                return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "content-type-unsupported",
                    "Send text/plain (seed layout) or application/json {headline, body, dateline?, date?, source?}.");
        }

        IReadOnlyList<IngestedArticle> results;
        try
        {
            results = await ingestion.IngestAsync(session, articles, ct);
            await session.SaveChangesAsync(ct);
        }
        catch (InvalidArticleException e) { return Problems.For(e.Error); }
        catch (ExistingStreamIdCollisionException)
        {
            // Another request stored the same article a moment ago: answer as for any duplicate.
            session.EjectAllPendingChanges();
            await using var fresh = session.DocumentStore.LightweightSession();
            results = await ingestion.IngestAsync(fresh, articles, ct);
            await fresh.SaveChangesAsync(ct);
        }

        var response = new IngestResponse(results);
        return results.All(r => r.Duplicate) ? Results.Ok(response) : Results.Json(response, statusCode: StatusCodes.Status201Created);
    }
}
