using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// The refusals every /api operation can answer, in /openapi/v1.json: the endpoints return <c>IResult</c>, so the
/// generator sees only their success shape (declared with ProducesResponseType) and a bare 404. The rules here are
/// the ones <see cref="ApiGuard"/>, <see cref="QueryChecks"/> and the endpoints apply, each as problem details.
/// </summary>
public static class ApiOpenApi
{
    public static IServiceCollection AddApiProblemResponses(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", o => o
            // Only Wolverine's IResult placeholders referred to it, and they are removed below.
            .AddDocumentTransformer((document, _, _) => { document.Components?.Schemas?.Remove("IResult"); return Task.CompletedTask; })
            .AddOperationTransformer(async (operation, context, ct) =>
        {
            var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) return;
            var read = context.Description.HttpMethod is "GET" or "HEAD";
            var hasId = path.Contains('{');
            var hasBody = operation.RequestBody is not null;
            var hasQuery = operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true;
            operation.Responses ??= new OpenApiResponses();

            // What Wolverine adds by itself: a 2xx typed IResult (no shape to show) next to the declared success
            // code, and a 404 on routes that have no id to miss.
            foreach (var type in context.Description.SupportedResponseTypes.Where(r => r.Type == typeof(IResult)))
                operation.Responses.Remove(type.StatusCode.ToString());
            if (!hasId) operation.Responses.Remove("404");

            // Filters that take a fixed set of values say which (an unknown one is a 400, not an empty list).
            var allowed = operation.OperationId switch
            {
                "ListClaims" => (Name: "status", Values: Claims.ReadClaimEndpoints.Statuses),
                "ListActors" => (Name: "type", Values: Actors.ReadActorEndpoints.SpeakerTypesKnown),
                _ => (Name: "", Values: Array.Empty<string>()),
            };
            foreach (var parameter in operation.Parameters ?? [])
                if (parameter.Name == allowed.Name && parameter is OpenApiParameter { Schema: OpenApiSchema schema })
                    schema.Enum = allowed.Values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)).ToList();

            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
            if (problem is OpenApiSchema { Properties: { } properties })
                properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable machine-readable name of the rule, e.g. query-invalid, version-conflict." };
            void Add(int status, string when) => operation.Responses[status.ToString()] = new OpenApiResponse
            {
                Description = when,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
            };
            if (hasBody || hasQuery) Add(400, "The body or a query value is not valid: `detail` says what to send instead, `code` names the rule.");
            Add(401, read ? "An API key is required (only when ClaimTracker:ReadsOpen is false)." : "An API key is required: Authorization: Bearer <key>.");
            if (!read) Add(403, $"The API key lacks the role for this action ({ApiGuard.RoleFor(path)}; admin may do everything).");
            if (hasId) Add(404, "No such resource (or no such version of it).");
            if (!read && hasId) Add(409, "Conflict with the current state, e.g. a stale expectedVersion: reload and try again.");
            if (hasBody)
            {
                Add(413, "The body is larger than ClaimTracker:MaxBodyBytes (default 1 MB).");
                Add(415, "The body's content type is not one this operation reads.");
            }
        }));
}
