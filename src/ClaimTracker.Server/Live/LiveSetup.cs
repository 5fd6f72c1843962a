using System.Text.Json.Serialization;
using ClaimTracker.Server.Features.Api;
using Marten;

namespace ClaimTracker.Server.Live;

/// <summary>Registration of the live push (hub, broker, pump) and the dashboard's static files.</summary>
public static class LiveSetup
{
    public const string HubPath = "/hubs/live";

    public static IServiceCollection AddClaimTrackerLive(this IServiceCollection services)
    {
        // JSON for browsers and any client; MessagePack beside it for clients that want smaller, cheaper messages
        // (each update is still serialized once per protocol, not per client).
        services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)
            .AddMessagePackProtocol(LiveUpdateFormatter.Use);
        services.AddSingleton<LiveLifetimeManager>();
        services.AddSingleton<Microsoft.AspNetCore.SignalR.HubLifetimeManager<LiveHub>>(sp => sp.GetRequiredService<LiveLifetimeManager>());
        services.AddSingleton<LiveBroker>();
        services.AddSingleton<LivePump>();
        services.AddHostedService(sp => sp.GetRequiredService<LivePump>());
        services.AddSingleton<LivePush>();
        services.AddSingleton<LiveCommitListener>();
        services.AddSingleton<IStartupFilter, LiveWriteRequests>();
        services.AddSingleton<LiveActorListener>();
        return services;
    }

    /// <summary>Called from the event store configuration: the pump is a subscription of the async daemon.</summary>
    public static void AddLivePush(this StoreOptions opts, IServiceProvider services)
    {
        opts.Events.Subscribe(services.GetRequiredService<LivePush>());
        // The fast path: this server's own commits go out without waiting for the daemon (see LivePump).
        opts.Listeners.Add(services.GetRequiredService<LiveCommitListener>());
        // Actor topics hear the async actor projection's commits (counts), see LiveBroker.ActorGate.
        opts.Projections.AsyncListeners.Add(services.GetRequiredService<LiveActorListener>());
    }

    public static WebApplication MapClaimTrackerLive(this WebApplication app)
    {
        // Reads-open rule, same as HTTP: when reads are closed, the hub wants an API key (Bearer header, or
        // ?access_token= which is how browsers pass it on WebSockets).
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPath))
            {
                var keys = context.RequestServices.GetRequiredService<ApiKeyRing>();
                if (!keys.ReadsOpen)
                {
                    var header = context.Request.Headers.Authorization.ToString();
                    var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim()
                        : context.Request.Query["access_token"].ToString();
                    if (string.IsNullOrEmpty(presented) || keys.Find(presented) is null)
                    {
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await Results.Problem(statusCode: 401, title: "Reads need an API key",
                            detail: "Pass the key as ?access_token=<key> (WebSockets) or Authorization: Bearer <key>.").ExecuteAsync(context);
                        return;
                    }
                }
            }
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHub<LiveHub>(HubPath);
        return app;
    }
}

/// <summary>
/// Tells the pump when a write request starts, first in the pipeline: a write that starts while a large fan-out is
/// still going out means writes outpace fan-outs, and the pump gathers the next updates into one page (LivePump.PaceAsync).
/// </summary>
public sealed class LiveWriteRequests(LivePump pump) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
                && !context.Request.Path.StartsWithSegments(LiveSetup.HubPath))   // the hub's negotiate POST writes nothing
                pump.WriteStarted();
            return nextMiddleware(context);
        });
        next(app);
    };
}
