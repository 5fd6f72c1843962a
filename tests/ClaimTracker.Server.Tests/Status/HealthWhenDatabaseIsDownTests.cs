using Alba;
using ClaimTracker.Server.Hosting;
using ClaimTracker.Server.Status;
using ClaimTracker.Server.Tests.Harness;

namespace ClaimTracker.Server.Tests.Status;

/// <summary>Its own small cluster, because the test stops it under the running application.</summary>
public sealed class HealthWhenDatabaseIsDownTests : IAsyncLifetime
{
    readonly TempFolder _folder = new();
    EmbeddedPostgres _cluster = null!;
    IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        _cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions
        {
            DataFolder = _folder.Path, FastInit = true, Settings = TestPostgres.FastSettings,
        });
        await _cluster.StartAsync();
        _host = await AlbaHost.For<Program>(b => b.UseSetting("ConnectionStrings:Postgres", _cluster.ConnectionString()));
    }

    [Fact]
    public async Task Health_turns_503_with_database_down_when_PostgreSQL_goes_away()
    {
        await _host.Scenario(s => { s.Get.Url("/health"); s.StatusCodeShouldBeOk(); });

        await _cluster.StopAsync();   // the app's port is now closed

        var result = await _host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBe(503);
        });
        var report = await result.ReadAsJsonAsync<HealthReport>();
        Assert.Equal("unhealthy", report!.Status);
        Assert.Equal("down", report.Database);
        Assert.False(string.IsNullOrEmpty(report.Error));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }
}
