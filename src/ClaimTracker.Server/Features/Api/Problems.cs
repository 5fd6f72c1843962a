using ClaimTracker.Domain;

namespace ClaimTracker.Server.Features.Api;

/// <summary>RFC 7807 problem details for every refusal, with a stable machine-readable code next to the words.</summary>
public static class Problems
{
    public static IResult For(DomainError error) => Problem(error.Kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    }, error.Code, error.Message);

    public static IResult Problem(int status, string code, string detail) => Results.Problem(
        detail: detail,
        statusCode: status,
        title: Title(status),
        type: $"https://claimtracker.example/problems/{code}",
        extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult NotFound(string what, object id) => Problem(StatusCodes.Status404NotFound, $"{what}-not-found", $"No {what} {id}.");
    public static IResult BadRequest(string code, string detail) => Problem(StatusCodes.Status400BadRequest, code, detail);

    /// <summary>A JSON body that is literally <c>null</c> parses fine but carries nothing: say what to send.</summary>
    public static IResult JsonObjectRequired(string example) =>
        BadRequest("json-object-required", $"Send a JSON object such as {example}, not null.");

    /// <summary>
    /// The problems the framework writes by itself (no route matched, wrong method or content type, JSON the
    /// serializer could not read) get what ours carry: a code, our type URL and title, a detail a person can act on,
    /// and no .NET type names. Our own problems already have a code and are left alone.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;
        var request = context.HttpContext.Request;
        var (code, detail) = problem.Status switch
        {
            // No route, or a route whose id did not parse (Wolverine answers a bare 404 for a non-GUID {id}).
            404 => ("route-not-found",
                $"Nothing answers {request.Method} {request.Path}. Article, statement and claim ids are GUIDs (e.g. 9d1e0c7a-...); actor ids are names such as person-john-kerry. The routes are in /openapi/v1.json."),
            405 => ("method-not-allowed", $"{request.Path} does not take {request.Method}; see /openapi/v1.json."),
            415 => ("content-type-unsupported", "Send the body as application/json."),
            400 when problem.Title == "Invalid JSON format" => ("json-malformed", "The JSON could not be read: " + WithoutTypeNames(problem.Detail)),
            _ => (null, null),
        };
        if (code is null) return;
        problem.Type = $"https://claimtracker.example/problems/{code}";
        problem.Title = Title(problem.Status ?? 400);
        problem.Detail = detail;
        problem.Extensions["code"] = code;
    }

    /// <summary>System.Text.Json says "could not be converted to ClaimTracker.Server.Features.Claims.OpenClaimRequest": a reader needs the path, not our class names.</summary>
    public static string WithoutTypeNames(string? message) =>
        System.Text.RegularExpressions.Regex.Replace(message ?? "", @"could not be converted to [\w.`\[\],+ ]+?\.(?= Path:|$)", "has the wrong type for that field.");

    public static string Title(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "An API key is required",
        403 => "The API key lacks the role for this action",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict with the current state",
        413 => "The request body is too large",
        415 => "Unsupported content type",
        _ => "The request failed",
    };
}
