using ClaimTracker.Domain;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>Seeding switched on, pointed at the seed files copied next to the tests.</summary>
public class SeedingFixture : ApiFixture
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("ClaimTracker:SeedOnStart", "true");
        builder.UseSetting("ClaimTracker:SeedsFolder", Path.Combine(AppContext.BaseDirectory, "seeds"));
    }
}

public sealed class SeedOnStartTests(SeedingFixture app) : ApiTest<SeedingFixture>(app)
{
    [Fact]
    public async Task An_empty_store_is_seeded_on_start()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var articles = 0;
        for (var i = 0; i < 100 && articles < 10; i++)
        {
            await Task.Delay(200);
            await using var session = store.QuerySession();
            articles = await session.Query<ArticleView>().CountAsync();
        }
        Assert.Equal(10, articles);
        await using var check = store.QuerySession();
        Assert.True(await check.Query<StatementView>().CountAsync() > 100);
    }
}
