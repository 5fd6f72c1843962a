namespace ClaimTracker.Server.Features.Api;

/// <summary>The API's wiring: two calls from Program.cs.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddClaimTrackerApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => ApiKeyRing.FromConfiguration(config, sp.GetRequiredService<ILoggerFactory>().CreateLogger("ClaimTracker.ApiKeys")));
        services.AddSingleton(sp => new ApiGuard(sp.GetRequiredService<ApiKeyRing>(),
            config.GetValue<long?>("ClaimTracker:MaxBodyBytes") ?? ApiGuard.DefaultMaxBodyBytes));
        services.AddSingleton<Articles.ArticleIngestion>();
        return services;
    }

    public static IApplicationBuilder UseClaimTrackerApi(this IApplicationBuilder app)
    {
        var guard = app.ApplicationServices.GetRequiredService<ApiGuard>();
        return app.Use((context, next) => guard.InvokeAsync(context, next));
    }
}
