using System.Text.Json;

namespace ClaimTracker.Server.Tests.Features;

public sealed class ClaimEndpointTests(SeededApiFixture app) : ApiTest<SeededApiFixture>(app)
{
    private const string Key = ApiFixture.FactCheckKey;

    private async Task<List<(string Id, string Speaker, bool Anonymous, string ActorId)>> Statements(int article)
    {
        var id = App.FirstIngest.GetProperty("articles")[article].GetProperty("id").GetString();
        var body = (await Host.Get($"/api/articles/{id}")).Body;
        return body.GetProperty("statements").EnumerateArray().Select(s => (
            s.GetProperty("statementId").GetString()!,
            s.GetProperty("attribution").GetProperty("speaker").GetString()!,
            s.GetProperty("attribution").GetProperty("anonymous").GetBoolean(),
            s.GetProperty("actorId").GetString()!)).ToList();
    }

    /// <summary>Two statements by different actors, the first one from another article than the second.</summary>
    private async Task<(string A, string B, string C)> ThreeStatementsByDifferentActors()
    {
        var first = await Statements(1);
        var second = await Statements(3);
        var a = first[0];
        var b = second.First(s => s.ActorId != a.ActorId);
        var c = second.First(s => s.ActorId != a.ActorId && s.ActorId != b.ActorId);
        return (a.Id, b.Id, c.Id);
    }

    private async Task<(string Id, long Version)> Open(string text)
    {
        var created = await Host.PostJson("/api/claims", new { text }, Key, expect: 201);
        return (created.Body.GetProperty("id").GetString()!, created.Body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_claim_list_names_who_supports_and_who_disputes_as_the_live_updates_do()
    {
        // The wall's first load comes from this list, its changes from `contested` updates: both must name the sides.
        var first = await Statements(1);
        var second = await Statements(3);
        var a = first[0];
        var b = second.First(s => s.ActorId != a.ActorId);
        var (id, _) = await Open("the ceasefire is holding in the north");
        await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a.Id, stance = "supports" }, Key, expect: 200);
        await Host.PostJson($"/api/claims/{id}/statements", new { statementId = b.Id, stance = "disputes" }, Key, expect: 200);

        var list = await Host.Get("/api/claims?status=contested&pageSize=500");
        var item = list.Body.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal([a.Speaker], item.GetProperty("supporters").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([b.Speaker], item.GetProperty("disputers").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task A_claim_with_a_supporter_and_a_disputer_is_contested_and_listed_as_such()
    {
        var (a, b, _) = await ThreeStatementsByDifferentActors();
        var (id, v1) = await Open("russian strikes mainly hit civilians");
        Assert.Equal(1, v1);
        var linked = await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "supports", expectedVersion = 1 }, Key, expect: 200);
        Assert.Equal("unverified", linked.Body.GetProperty("status").GetString());
        var contested = await Host.PostJson($"/api/claims/{id}/statements",
            new { statementId = b, stance = "disputes", automatic = true, score = 0.71, explanation = "denial cue 'rejects'; shared: strikes, civilians" }, Key, expect: 200);
        Assert.Equal("contested", contested.Body.GetProperty("status").GetString());
        Assert.Equal(3, contested.Body.GetProperty("version").GetInt64());
        Assert.Equal(2, contested.Body.GetProperty("distinctSources").GetInt32());
        var automatic = contested.Body.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("automatic").GetBoolean());
        Assert.Equal(0.71, automatic.GetProperty("score").GetDouble());
        Assert.Equal("checker", automatic.GetProperty("linkedBy").GetString());

        var list = await Host.Get("/api/claims?status=contested&pageSize=500");
        Assert.Contains(list.Body.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.All(list.Body.GetProperty("items").EnumerateArray(), c => Assert.Equal("contested", c.GetProperty("status").GetString()));
        var statement = await Host.Get($"/api/statements/{b}");
        Assert.Contains(statement.Body.GetProperty("claims").EnumerateArray(), c => c.GetProperty("claimId").GetString() == id);
    }

    [Fact]
    public async Task A_stale_expected_version_gets_409_and_loses_nothing()
    {
        var (a, b, _) = await ThreeStatementsByDifferentActors();
        var (id, _) = await Open("the ceasefire is holding");
        await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "supports", expectedVersion = 1 }, Key, expect: 200);
        // A second checker still holds version 1.
        (await Host.PostJson($"/api/claims/{id}/statements", new { statementId = b, stance = "disputes", expectedVersion = 1 }, Key))
            .AssertProblem(409, "version-conflict");
        (await Host.PostJson($"/api/claims/{id}/verdict", new { rating = "false", summary = "s", expectedVersion = 1 }, Key))
            .AssertProblem(409, "version-conflict");
        var claim = (await Host.Get($"/api/claims/{id}")).Body;
        Assert.Equal(2, claim.GetProperty("version").GetInt64());
        Assert.Single(claim.GetProperty("links").EnumerateArray().ToList());
        Assert.Equal("unverified", claim.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_links_get_problem_details()
    {
        var (a, b, _) = await ThreeStatementsByDifferentActors();
        var (id, _) = await Open("bad links");
        await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "supports" }, Key, expect: 200);
        var before = await Host.EventCount();
        (await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "supports" }, Key)).AssertProblem(409, "already-linked");
        (await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "disputes" }, Key)).AssertProblem(409, "linked-with-other-stance");
        (await Host.PostJson($"/api/claims/{id}/statements", new { statementId = Guid.NewGuid(), stance = "supports" }, Key)).AssertProblem(404, "statement-not-found");
        (await Host.PostJson($"/api/claims/{Guid.NewGuid()}/statements", new { statementId = a, stance = "supports" }, Key)).AssertProblem(404, "claim-not-found");
        (await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "agrees" }, Key)).AssertProblem(400, "stance-unknown");
        (await Host.PostJson($"/api/claims/{id}/statements", new { stance = "supports" }, Key)).AssertProblem(400, "statement-missing");
        (await Host.PostJson($"/api/claims/{id}/statements", new { statementId = b, stance = "supports", automatic = true }, Key)).AssertProblem(400, "score-invalid");
        (await Host.Send("POST", $"/api/claims/{id}/statements", "{\"statementId\": ", key: Key)).AssertProblem(400);
        (await Host.PostJson("/api/claims", new { text = " " }, Key)).AssertProblem(400, "text-missing");
        (await Host.Get($"/api/claims/{Guid.NewGuid()}", expect: null)).AssertProblem(404, "claim-not-found");
        (await Host.Get("/api/claims/not-a-claim-id", expect: null)).AssertProblem(404);
        (await Host.Get($"/api/claims/{id}?version=abc", expect: null)).AssertProblem(400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Claim_writes_need_the_factcheck_role()
    {
        (await Host.PostJson("/api/claims", new { text = "t" }, key: null)).AssertProblem(401);
        (await Host.PostJson("/api/claims", new { text = "t" }, key: ApiFixture.IngestKey)).AssertProblem(403);
        await Host.PostJson("/api/claims", new { text = "t" }, key: ApiFixture.AdminKey, expect: 201);
    }

    [Fact]
    public async Task Unlink_verdict_and_merge()
    {
        var (a, b, c) = await ThreeStatementsByDifferentActors();
        var (survivor, _) = await Open("the strikes target civilians");
        var (absorbed, _) = await Open("civilians are the targets of the strikes");
        await Host.PostJson($"/api/claims/{survivor}/statements", new { statementId = a, stance = "supports" }, Key, expect: 200);
        await Host.PostJson($"/api/claims/{absorbed}/statements", new { statementId = b, stance = "supports" }, Key, expect: 200);
        await Host.PostJson($"/api/claims/{absorbed}/statements", new { statementId = c, stance = "disputes" }, Key, expect: 200);

        var unlinked = await Host.Send("DELETE", $"/api/claims/{absorbed}/statements/{c}?reason=different%20proposition", key: Key, expect: 200);
        Assert.Equal("unlinked", unlinked.Body.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString());
        (await Host.Send("DELETE", $"/api/claims/{absorbed}/statements/{c}", key: Key)).AssertProblem(404, "link-not-found");

        var merged = await Host.PostJson($"/api/claims/{survivor}/merge", new { claimId = absorbed, reason = "same proposition" }, Key, expect: 200);
        Assert.Equal(2, merged.Body.GetProperty("links").GetArrayLength());
        Assert.Equal("corroborated", merged.Body.GetProperty("status").GetString());
        var gone = (await Host.Get($"/api/claims/{absorbed}")).Body;
        Assert.Equal("merged", gone.GetProperty("status").GetString());
        Assert.Equal(survivor, gone.GetProperty("mergedInto").GetString());
        (await Host.PostJson($"/api/claims/{survivor}/merge", new { claimId = absorbed }, Key)).AssertProblem(409, "claim-merged");

        (await Host.PostJson($"/api/claims/{survivor}/verdict", new { rating = "pants-on-fire", summary = "s" }, Key)).AssertProblem(400, "rating-unknown");
        var rated = await Host.PostJson($"/api/claims/{survivor}/verdict", new { rating = "mostly-true", summary = "Monitors confirm it." }, Key, expect: 200);
        Assert.Equal("rated", rated.Body.GetProperty("status").GetString());
        Assert.Equal("checker", rated.Body.GetProperty("verdict").GetProperty("reviewer").GetString());
    }

    [Fact]
    public async Task A_claim_can_be_read_as_of_a_version_or_a_moment()
    {
        var (a, b, _) = await ThreeStatementsByDifferentActors();
        var (id, _) = await Open("time travel");
        await Host.PostJson($"/api/claims/{id}/statements", new { statementId = a, stance = "supports" }, Key, expect: 200);
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Host.PostJson($"/api/claims/{id}/statements", new { statementId = b, stance = "disputes" }, Key, expect: 200);

        Assert.Equal("contested", (await Host.Get($"/api/claims/{id}")).Body.GetProperty("status").GetString());
        var v2 = (await Host.Get($"/api/claims/{id}?version=2")).Body;
        Assert.Equal(2, v2.GetProperty("version").GetInt64());
        Assert.Equal(1, v2.GetProperty("links").GetArrayLength());
        Assert.Equal("unverified", v2.GetProperty("status").GetString());
        var asOf = (await Host.Get($"/api/claims/{id}?asOf={Uri.EscapeDataString(between.ToString("O"))}")).Body;
        Assert.Equal(1, asOf.GetProperty("links").GetArrayLength());
    }
}
