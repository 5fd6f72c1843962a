using System.Text.Json;
using Alba;
using ClaimTracker.Server.Status;
using ClaimTracker.Server.Tests.Harness;

namespace ClaimTracker.Server.Tests.Status;

public sealed class ServerSmokeTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_is_200_and_reports_the_database_up()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBeOk();
        });
        var report = await result.ReadAsJsonAsync<HealthReport>();
        Assert.Equal("healthy", report!.Status);
        Assert.Equal("up", report.Database);
        Assert.Equal("external", report.Postgres);   // the harness hands the app a connection string
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_health_and_the_Wolverine_endpoints()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBeOk();
        });
        using var doc = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/health", out _));
        Assert.True(paths.TryGetProperty("/about", out _));   // a Wolverine.Http endpoint
    }

    [Fact]
    public async Task About_is_answered_by_a_Wolverine_endpoint()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/about");
            s.StatusCodeShouldBeOk();
        });
        var about = await result.ReadAsJsonAsync<AboutServer>();
        Assert.Equal("ClaimTracker", about!.Product);
        Assert.Equal("claimtracker", about.EventStoreSchema);
    }

    [Fact]
    public async Task Marten_created_its_schema_at_start()
    {
        await using var conn = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        // Marten's functions and Wolverine's inbox/outbox (event tables follow once the domain registers events)
        await using var cmd = new Npgsql.NpgsqlCommand(
            """
            select (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'claimtracker' and p.proname = 'mt_immutable_timestamp')
                 + (select count(*) from information_schema.tables
                    where table_schema = 'claimtracker' and table_name in ('wolverine_incoming_envelopes', 'wolverine_outgoing_envelopes'))
            """, conn);
        Assert.Equal(3L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_a_problem_details_404()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/no-such-page");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.Contains("\"status\":404", await result.ReadAsTextAsync());
    }
}
