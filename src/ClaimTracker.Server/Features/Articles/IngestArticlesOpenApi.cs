using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// POST /api/articles reads its body itself (two media types, one or many articles), so the OpenAPI generator sees
/// no parameter to describe. This fills in the request body: text/plain in the seed layout, or the JSON shape.
/// </summary>
public static class IngestArticlesOpenApi
{
    public const string OperationId = "IngestArticles";

    public static IServiceCollection AddIngestArticlesOpenApi(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer(async (operation, context, ct) =>
        {
            if (operation.OperationId != OperationId) return;
            var json = await context.GetOrCreateSchemaAsync(typeof(ArticleSubmission), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "One or more articles in the seed layout (text/plain: headline, blank line, dateline paragraph " +
                              "\"GENEVA (Reuters) - ...\", body, credits; articles separated by blank lines), or one article as JSON. " +
                              "Bodies over the configured limit (default 1 MB) get 413.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/plain"] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Wire copy in the seed layout." },
                        Example = System.Text.Json.Nodes.JsonValue.Create(
                            "Kerry says Syria talks close\n\nGENEVA (Reuters) - U.S. Secretary of State John Kerry said on Monday talks were close.\n"),
                    },
                    ["application/json"] = new() { Schema = json },
                },
            };
        }));
}
