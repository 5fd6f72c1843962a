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

        // The contested claims issue 6 names, each with both sides on one page.
        var pages = new List<List<JsonElement>>();
        foreach (var summary in contested)
            pages.Add((await Host.Get($"/api/claims/{summary.GetProperty("id").GetString()}")).Body.GetProperty("links").EnumerateArray().ToList());
        static string Speaker(JsonElement l) => l.GetProperty("statement").GetProperty("speaker").GetString()!;
        static string Content(JsonElement l) => l.GetProperty("statement").GetProperty("content").GetString()!;
        static string Stance(JsonElement l) => l.GetProperty("stance").GetString()!;
        // "Moscow has always said" the jihadists are its targets; Western countries say it is in fact attacking others.
        Assert.Contains(pages, links => links.Any(l => Speaker(l) == "Russia" && Content(l).Contains("principal targets"))
            && links.Any(l => Speaker(l) == "Western countries" && Content(l).Contains("in fact"))
            && links.Select(Stance).Distinct().Count() == 2);
        // "The Kremlin rejects claims" it abandoned diplomacy: Russia disputes what the diplomats said.
        Assert.Contains(pages, links => links.Any(l => Speaker(l) == "Russia" && Stance(l) == "disputes" && Content(l).Contains("abandoned diplomacy"))
            && links.Any(l => Stance(l) == "supports"));
    }

    [Fact]
    public async Task Running_the_matcher_needs_the_factcheck_role_and_changes_nothing_when_refused()
    {
        var events = await Host.EventCount();
        (await Host.Send("POST", "/api/claims/matching", key: null)).AssertProblem(401);
        (await Host.Send("POST", "/api/claims/matching", key: ApiFixture.IngestKey)).AssertProblem(403);
        (await Host.Send("POST", "/api/claims/matching", key: "not-a-key")).AssertProblem(401);
        Assert.Equal(events, await Host.EventCount());
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
    public async Task A_new_article_is_matched_from_the_new_events_alone_and_a_manual_unlink_rebuilds_the_index()
    {
        await Match();   // whatever came before is placed; the index now reflects every event so far
        var body = "Russia's military repeated on Monday that its air strikes in Syria target only Islamic State " +
                   "and Nusra Front militants, the defence ministry said.\n\n" +
                   "\"Our airspace forces will continue working against these organizations,\" Foreign Minister Sergei Lavrov told reporters.";
        var posted = await Host.PostJson("/api/articles", new { headline = "Russia says strikes go on", body }, ApiFixture.IngestKey, expect: 201);
        var statements = posted.Body.GetProperty("articles")[0].GetProperty("statements").GetInt32();
        Assert.True(statements >= 2, $"only {statements} statements extracted");

        var pass = await Match();
        Assert.False(pass.GetProperty("rebuilt").GetBoolean());   // read from the new events only
        Assert.Equal(statements, pass.GetProperty("matched").GetInt32());
        var articleId = posted.Body.GetProperty("articles")[0].GetProperty("id").GetString();
        var report = (await Host.Get($"/api/articles/{articleId}")).Body;
        var statementIds = report.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("statementId").GetString()).ToList();
        foreach (var id in statementIds)
            Assert.Single((await Host.Get($"/api/statements/{id}")).Body.GetProperty("claims").EnumerateArray());
        Assert.False((await Match()).GetProperty("rebuilt").GetBoolean());

        // A person's unlink is something the index cannot follow incrementally: the next pass reloads it.
        var placed = (await Host.Get($"/api/statements/{statementIds[0]}")).Body.GetProperty("claims")[0].GetProperty("claimId").GetString();
        await Host.Send("DELETE", $"/api/claims/{placed}/statements/{statementIds[0]}?reason=wrong", key: ApiFixture.FactCheckKey, expect: 200);
        var rebuilt = await Match();
        Assert.True(rebuilt.GetProperty("rebuilt").GetBoolean());
        Assert.Equal(1, rebuilt.GetProperty("matched").GetInt32());
        var now = (await Host.Get($"/api/statements/{statementIds[0]}")).Body.GetProperty("claims").EnumerateArray().Single();
        Assert.NotEqual(placed, now.GetProperty("claimId").GetString());
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
