using ClaimTracker.Server.Tests.Features;
using Microsoft.AspNetCore.Hosting;

namespace ClaimTracker.Server.Tests.Live;

public sealed class ClosedReadsFixture : ApiFixture
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("ClaimTracker:ReadsOpen", "false");
    }
}

/// <summary>When reads are closed, the hub enforces the same rule as HTTP: a known key or no connection.</summary>
public sealed class ClosedReadsLiveTests(ClosedReadsFixture app) : ApiTest<ClosedReadsFixture>(app)
{
    [Fact]
    public async Task Without_a_key_the_hub_refuses_the_connection()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(Host));
        Assert.Contains("401", e.ToString());
        await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(Host, "not-a-key"));
    }

    [Fact]
    public async Task With_a_key_the_hub_accepts_and_delivers()
    {
        await using var client = await LiveClient.ConnectAsync(Host, ApiFixture.FactCheckKey);
        await client.Subscribe("feed");
        var posted = await Host.PostJson("/api/articles", new { headline = "Dam holds", body = "OSLO (Reuters) - Dam engineer Ada Holm said on Monday that the dam would hold." },
            ApiFixture.IngestKey, expect: 201);
        var articleId = posted.Body.GetProperty("articles")[0].GetProperty("id").GetString();
        var u = await client.WaitFor(x => x.Str("id") == articleId);
        Assert.Equal("ingested", u.Str("change"));
    }
}
