using Alba;
using Microsoft.AspNetCore.Hosting;

namespace ClaimTracker.Server.Tests.Harness;

/// <summary>
/// The real application (Program) hosted by Alba on its own, empty database of the run's shared PostgreSQL.
/// One per test class: derive from <see cref="IntegrationTest"/> and use <c>Host</c>.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;

    /// <summary>Override to change configuration or services of the hosted app (call base).</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        // The background matcher would add claims under tests that count them; its tests switch it on or run it explicitly.
        builder.UseSetting("ClaimMatching:IntervalSeconds", "0");
    }

    public async Task InitializeAsync()
    {
        var postgres = await TestPostgres.Shared;
        ConnectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        Host = await AlbaHost.For<Program>(ConfigureHost);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            try { await Host.DisposeAsync(); }
            catch (ObjectDisposedException e)
            {
                // Seen once in CI (the class cleanup of LiveWholeStoryTests, after all its tests had passed), never
                // reproduced in eight reruns: the host's shutdown raced with something already disposed. Every test of
                // the class has run by now, so this reports it in full rather than failing a run whose tests all
                // passed. The cause is not found yet (see the tenth session's note).
                Console.Error.WriteLine($"{GetType().Name}: the host's disposal threw after the tests ran: {e}");
            }
        }
        if (ConnectionString is not null) await (await TestPostgres.Shared).DropDatabaseAsync(ConnectionString);
    }
}

/// <summary>Base class for tests that talk to the running application through HTTP (and later SignalR).</summary>
public abstract class IntegrationTest(AppFixture app) : IClassFixture<AppFixture>
{
    protected AppFixture App { get; } = app;
    protected IAlbaHost Host => App.Host;
}
