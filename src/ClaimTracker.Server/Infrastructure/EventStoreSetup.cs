using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using ClaimTracker.Server.Hosting;
using JasperFx;
using JasperFx.Events.Daemon;
using ClaimTracker.Server.Live;
using Marten;
using Wolverine.Marten;

namespace ClaimTracker.Server.Infrastructure;

/// <summary>Marten, the event store: where every attributed statement is kept, and the read models built from them.</summary>
public static class EventStoreSetup
{
    /// <summary>All of ClaimTracker's tables (events, read models, Wolverine's inbox/outbox) live in this schema.</summary>
    public const string SchemaName = "claimtracker";

    public static IServiceCollection AddClaimTrackerEventStore(this IServiceCollection services)
    {
        services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                // Resolving the connection starts the embedded cluster if that is what we use (first use only).
                opts.Connection(sp.GetRequiredService<PostgresServer>().GetConnectionString());
                opts.DatabaseSchemaName = SchemaName;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // The async daemon wakes on NOTIFY instead of polling each second: pushes follow appends in ms.
                opts.Events.UseListenNotifyForEventAppends = true;
                ConfigureEventStore(opts);
                opts.AddLivePush(sp);                 // live updates to SignalR clients: Live/LivePush.cs
                opts.AddReadCache(sp);                // drops kept GET answers on commit: Features/Api/ReadCache.cs
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(DaemonMode.Solo);
        return services;
    }

    // ================================================================================================
    // DOMAIN: register events, projections and documents HERE (and only here).
    //   e.g. opts.Projections.Add<ClaimProjection>(ProjectionLifecycle.Inline);
    //        opts.Projections.Add<ActorProjection>(ProjectionLifecycle.Async);
    //        opts.Events.AddEventType<StatementRecorded>();
    // ================================================================================================
    public static void ConfigureEventStore(StoreOptions opts)
    {
        opts.AddClaimTrackerDomain();            // events, projections, indexes: ClaimTracker.Domain/EventStoreRegistration.cs
    }
}
