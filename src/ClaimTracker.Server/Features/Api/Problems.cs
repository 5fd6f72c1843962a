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

    public static string Title(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "An API key is required",
        403 => "The API key lacks the role for this action",
        404 => "Not found",
        409 => "Conflict with the current state",
        413 => "The request body is too large",
        415 => "Unsupported content type",
        _ => "The request failed",
    };
}
