using System.Text.Json;
using ClaimTracker.Server.Features.ClaimMatching;
using Microsoft.AspNetCore.Hosting;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>Automatic claim linking over the seed articles ingested through the API, on real PostgreSQL.</summary>
public sealed class ClaimMatchingTests(SeededApiFixture app) : ApiTest<SeededApiFixture>(app)
{
    private async Task<JsonElement> Match(int expect = 200) =>
        (await Host.Send("POST", "/api/claims/matching", key: ApiFixture.FactCheckKey, expect: expect)).Body;

    private async Task<List<JsonElement>> Contested() =>
        (await Host.Get("/api/claims?status=contested&pageSize=500")).Body.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Matching_the_seeds_lists_contested_claims_with_supporters_and_disputers()
    {
        await Match();
        var contested = await Contested();
        Assert.True(contested.Count >= 3, $"only {contested.Count} contested claims");
        foreach (var summary in contested)
        {
            Assert.Equal("contested", summary.GetProperty("status").GetString());
            Assert.True(summary.GetProperty("supportCount").GetInt32() > 0);
            Assert.True(summary.GetProperty("disputeCount").GetInt32() > 0);
            var claim = (await Host.Get($"/api/claims/{summary.GetProperty("id").GetString()}")).Body;
            Assert.True(claim.GetProperty("automatic").GetBoolean());
            var links = claim.GetProperty("links").EnumerateArray().ToList();
            Assert.Contains(links, l => l.GetProperty("stance").GetString() == "supports");
            Assert.Contains(links, l => l.GetProperty("stance").GetString() == "disputes");
            foreach (var link in links)
            {
                Assert.True(link.GetProperty("automatic").GetBoolean());
                Assert.Equal(AutomaticLinking.Matcher, link.GetProperty("linkedBy").GetString());
                var score = link.GetProperty("score").GetDouble();
                Assert.InRange(score, 0, 1);
                Assert.False(string.IsNullOrWhiteSpace(link.GetProperty("explanation").GetString()));
            }
        }
    }

    [Fact]
    public async Task Re_running_the_matcher_places_nothing_twice()
    {
        await Match();
        var events = await Host.EventCount();
        var again = await Match();
        Assert.Equal(0, again.GetProperty("matched").GetInt32());
        Assert.Equal(events, await Host.EventCount());
    }

    [Fact]
    public async Task A_manual_unlink_survives_re_running_the_matcher_and_a_manual_link_is_not_automatic()
    {
        await Match();
        // A claim the matcher built from at least two statements; take its last link off by hand.
        var claims = (await Host.Get("/api/claims?pageSize=500")).Body.GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("supportCount").GetInt32() + c.GetProperty("disputeCount").GetInt32() >= 2).ToList();
        Assert.NotEmpty(claims);
        var claimId = claims[0].GetProperty("id").GetString();
        var claim = (await Host.Get($"/api/claims/{claimId}")).Body;
        var statementId = claim.GetProperty("links").EnumerateArray().Last().GetProperty("statement").GetProperty("statementId").GetString();
        await Host.Send("DELETE", $"/api/claims/{claimId}/statements/{statementId}?reason=different+claim", key: ApiFixture.FactCheckKey, expect: 200);

        var rerun = await Match();
        Assert.Equal(1, rerun.GetProperty("matched").GetInt32());   // the statement is placed again, but elsewhere
        var after = (await Host.Get($"/api/claims/{claimId}")).Body;
        Assert.DoesNotContain(after.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("statement").GetProperty("statementId").GetString() == statementId);
        var statement = (await Host.Get($"/api/statements/{statementId}")).Body;
        var placedOn = statement.GetProperty("claims").EnumerateArray().Single();
        Assert.NotEqual(claimId, placedOn.GetProperty("claimId").GetString());
        Assert.True(placedOn.GetProperty("automatic").GetBoolean());
        Assert.Equal(0, (await Match()).GetProperty("matched").GetInt32());

        // A fact-checker's own link to another claim shows as manual: no score, the person's name.
        var other = claims.Select(c => c.GetProperty("id").GetString()).First(id => id != claimId && id != placedOn.GetProperty("claimId").GetString());
        var manual = await Host.PostJson($"/api/claims/{other}/statements",
            new { statementId, stance = "supports", automatic = false }, key: ApiFixture.FactCheckKey, expect: 200);
        var manualLink = manual.Body.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("statement").GetProperty("statementId").GetString() == statementId);
        Assert.False(manualLink.GetProperty("automatic").GetBoolean());
        Assert.Equal(JsonValueKind.Null, manualLink.GetProperty("score").ValueKind);
        Assert.Equal("checker", manualLink.GetProperty("linkedBy").GetString());
    }
}

/// <summary>The background loop on, seeding on start: claims appear by themselves.</summary>
public class MatchingSeedingFixture : SeedingFixture
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("ClaimMatching:IntervalSeconds", "0.5");
    }
}

public sealed class ClaimMatchingOnStartTests(MatchingSeedingFixture app) : ApiTest<MatchingSeedingFixture>(app)
{
    [Fact]
    public async Task Seeding_on_first_start_yields_contested_claims_without_anyone_asking()
    {
        var contested = 0;
        for (var i = 0; i < 150 && contested < 3; i++)
        {
            await Task.Delay(200);
            contested = (await Host.Get("/api/claims?status=contested")).Body.GetProperty("total").GetInt32();
        }
        Assert.True(contested >= 3, $"only {contested} contested claims after seeding");
    }
}
