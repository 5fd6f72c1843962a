using ClaimTracker.Server.Features.Articles;

namespace ClaimTracker.Server.Features.Api;

/// <summary>The API's wiring: two calls from Program.cs.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddClaimTrackerApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => ApiKeyRing.FromConfiguration(config, sp.GetRequiredService<ILoggerFactory>().CreateLogger("ClaimTracker.ApiKeys")));
        services.AddSingleton(sp => new ApiGuard(sp.GetRequiredService<ApiKeyRing>(),
            config.GetValue<long?>("ClaimTracker:MaxBodyBytes") ?? ApiGuard.DefaultMaxBodyBytes));
        services.AddHostedService<ApiKeysAtStart>();
        services.AddSingleton<Articles.ArticleIngestion>();
        services.AddSingleton<Articles.IArticleReader, Articles.ExtractorArticleReader>();   // the extraction library
        services.AddHostedService<Articles.SeedOnFirstStart>();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = Problems.Complete);   // the framework's own 4xx
        services.AddReadCache(config);         // serialized document answers in memory: ReadCache.cs
        services.AddIngestArticlesOpenApi();   // request body of POST /api/articles in /openapi/v1.json
        services.AddApiProblemResponses();     // the 4xx problem details of every /api operation, ditto
        return services;
    }

    /// <summary>
    /// Wolverine logs a request body it cannot read as JSON at Error, with a stack trace, under the body type's
    /// name. The client already has a 400 saying what is wrong; it is not a fault of the server, so those lines go.
    /// </summary>
    public static ILoggingBuilder QuietUnreadableBodies(this ILoggingBuilder logging)
    {
        foreach (var body in RequestBodyTypes())
            logging.AddFilter(body.FullName, LogLevel.None);
        return logging;
    }

    /// <summary>The records our endpoints read from a JSON body: by convention, Features' types named ...Request.</summary>
    public static IEnumerable<Type> RequestBodyTypes() =>
        typeof(ApiSetup).Assembly.GetTypes().Where(t =>
            t.Name.EndsWith("Request", StringComparison.Ordinal) && t.Namespace?.StartsWith("ClaimTracker.Server.Features", StringComparison.Ordinal) == true);

    public static IApplicationBuilder UseClaimTrackerApi(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        return app.Use((context, next) => services.GetRequiredService<ApiGuard>().InvokeAsync(context, next));
    }
}

/// <summary>
/// Reads the keys (generating and printing one if none is configured) when the server starts, not when a CLI
/// command such as <c>help</c> merely builds the app: that must not create the data folder.
/// </summary>
public sealed class ApiKeysAtStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ApiKeyRing>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
