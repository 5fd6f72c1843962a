using Alba;
using ClaimTracker.Server.Tests.Harness;
using Microsoft.AspNetCore.Hosting;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>Reads closed by configuration: every request needs a key.</summary>
public class ClosedReadsFixture : ApiFixture
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("ClaimTracker:ReadsOpen", "false");
    }
}

public sealed class ClosedReadsTests(ClosedReadsFixture app) : ApiTest<ClosedReadsFixture>(app)
{
    [Fact]
    public async Task With_reads_closed_a_read_needs_any_valid_key()
    {
        (await Host.Get("/api/claims", expect: null)).AssertProblem(401, "api-key-missing");
        (await Host.Send("GET", "/api/claims", key: "wrong")).AssertProblem(401, "api-key-unknown");
        Assert.Equal(200, (await Host.Send("GET", "/api/claims", key: ApiFixture.IngestKey)).Status);
    }

    [Fact]
    public async Task With_reads_closed_HEAD_needs_a_key_as_GET_does()
    {
        Assert.Equal(401, (await Host.Send("HEAD", "/api/claims")).Status);
        Assert.Equal(200, (await Host.Send("HEAD", "/api/claims", key: ApiFixture.IngestKey)).Status);
    }
}

/// <summary>No key configured at all: the server makes one, keeps it in the data folder and uses it.</summary>
public class GeneratedKeyFixture : AppFixture, IAsyncLifetime
{
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "claimtracker-keytest-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("CLAIMTRACKER_DATA", DataFolder);
        builder.UseSetting("CLAIMTRACKER_API_KEY", "");
        builder.UseSetting("ClaimTracker:SeedOnStart", "false");
    }
}

public sealed class GeneratedKeyTests(GeneratedKeyFixture app) : IClassFixture<GeneratedKeyFixture>
{
    [Fact]
    public async Task Without_configured_keys_a_generated_admin_key_is_stored_and_accepted()
    {
        var path = Path.Combine(app.DataFolder, "api-key.txt");
        Assert.True(File.Exists(path));
        var key = File.ReadAllText(path).Trim();
        Assert.StartsWith("ct_", key);
        (await app.Host.PostJson("/api/claims", new { text = "generated key" }, key: null)).AssertProblem(401);
        await app.Host.PostJson("/api/claims", new { text = "generated key" }, key: key, expect: 201);
    }
}
