using System.Security.Claims;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Http.Features;

namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// The rules every /api request passes before an endpoint runs: body size (413), API key and role (401/403), and
/// the translation of optimistic-concurrency failures into 409 problem details. Rules live in one place so that
/// no endpoint can forget them.
/// </summary>
public sealed class ApiGuard(ApiKeyRing keys, long maxBodyBytes)
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Which role a write needs, by path. Anything not listed needs admin.</summary>
    public static string RoleFor(PathString path) =>
        path.StartsWithSegments("/api/articles") ? Roles.Ingest
        : path.StartsWithSegments("/api/claims") || path.StartsWithSegments("/api/statements") ? Roles.FactCheck
        : Roles.Admin;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBodyBytes;
        if (context.Request.ContentLength > maxBodyBytes)
        {
            await Write(context, Problems.Problem(StatusCodes.Status413PayloadTooLarge, "body-too-large",
                $"The body is {context.Request.ContentLength} bytes; the limit is {maxBodyBytes} bytes."));
            return;
        }

        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var presented = Bearer(context.Request);
        var key = presented is null ? null : keys.Find(presented);
        if (key is not null)
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                key.Roles.Select(r => new Claim(ClaimTypes.Role, r)).Prepend(new Claim(ClaimTypes.Name, key.Name)), "ApiKey"));

        if (!isRead || !keys.ReadsOpen)
        {
            if (key is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Write(context, Problems.Problem(StatusCodes.Status401Unauthorized, presented is null ? "api-key-missing" : "api-key-unknown",
                    presented is null ? "Send an API key: Authorization: Bearer <key>." : "The API key is not known."));
                return;
            }
            var role = isRead ? null : RoleFor(context.Request.Path);
            if (role is not null && !key.Has(role))
            {
                await Write(context, Problems.Problem(StatusCodes.Status403Forbidden, "role-missing",
                    $"The key '{key.Name}' does not have the '{role}' role."));
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (IsConcurrency(e) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await Write(context, Problems.Problem(StatusCodes.Status409Conflict, "version-conflict",
                "Someone changed this since you read it (the expected version is stale). Reload and try again."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await Write(context, Problems.Problem(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The limit is {maxBodyBytes} bytes."));
        }
    }

    private static bool IsConcurrency(Exception e) => e switch
    {
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException => true,
        AggregateException a => a.InnerExceptions.Any(IsConcurrency),
        _ => e.InnerException is { } inner && IsConcurrency(inner),
    };

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } key ? key : null;
    }

    private static Task Write(HttpContext context, IResult result) => result.ExecuteAsync(context);
}

public static class Who
{
    /// <summary>The name of the API key that made the request: recorded as the author of every write.</summary>
    public static string Is(HttpContext context) => context.User.Identity?.Name ?? "anonymous";
}
