using System.Reflection;
using ClaimTracker.Server.Hosting;
using ClaimTracker.Server.Infrastructure;
using Wolverine.Http;

namespace ClaimTracker.Server.Status;

/// <summary>What this server is: product, version and where its event store lives.</summary>
public sealed record AboutServer(string Product, string Version, string Postgres, string EventStoreSchema);

public static class AboutEndpoint
{
    [WolverineGet("/about", OperationId = "About")]
    [Tags("System")]
    public static AboutServer Get(PostgresServer postgres) => new(
        "ClaimTracker",
        typeof(AboutEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        postgres.Mode,
        EventStoreSetup.SchemaName);
}
