namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// HEAD answers exactly as GET would, without the body (RFC 9110, 9.3.2). Link checkers, monitors and
/// <c>curl -I</c> send it, but endpoint routing maps our reads for GET only, so HEAD got a 405.
/// </summary>
public static class HeadRequests
{
    /// <summary>Goes before routing, so the GET endpoint is the one chosen, with its checks and its status codes.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;   // Kestrel drops a HEAD body itself; test servers and proxies may not
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
