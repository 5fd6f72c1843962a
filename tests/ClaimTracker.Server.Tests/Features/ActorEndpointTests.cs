using ClaimTracker.Domain;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Features;

public sealed class ActorEndpointTests(SeededApiFixture app) : ApiTest<SeededApiFixture>(app)
{
    [Fact]
    public async Task John_Kerry_is_an_actor_with_his_statements()
    {
        var list = (await Host.Get("/api/actors?search=kerry")).Body;
        var kerry = Assert.Single(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == "person-john-kerry");
        Assert.Equal("John Kerry", kerry.GetProperty("name").GetString());
        Assert.Equal("person", kerry.GetProperty("type").GetString());
        Assert.False(kerry.GetProperty("anonymous").GetBoolean());
        var count = kerry.GetProperty("statementCount").GetInt32();
        Assert.True(count >= 5, $"Kerry has {count} statements");

        var detail = (await Host.Get("/api/actors/person-john-kerry")).Body;
        Assert.Equal("John Kerry", detail.GetProperty("name").GetString());
        Assert.Equal(count, detail.GetProperty("statementCount").GetInt32());
        // The first page: the newest 25 (Kerry gains statements in other tests of this class; none is retracted).
        Assert.Equal(count, detail.GetProperty("total").GetInt64());
        Assert.Equal(Math.Min(count, 25), detail.GetProperty("statements").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("page").GetInt32());
        Assert.Equal(25, detail.GetProperty("pageSize").GetInt32());
        Assert.All(detail.GetProperty("statements").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("content").GetString())));
        Assert.All(detail.GetProperty("statements").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("articleHeadline").GetString())));
        Assert.True(detail.GetProperty("articles").GetArrayLength() >= 1);
        Assert.Equal(detail.GetProperty("articles").GetArrayLength(), detail.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task The_actor_list_filters_by_type_and_anonymity_and_pages()
    {
        var anonymous = (await Host.Get("/api/actors?anonymous=true&pageSize=500")).Body;
        Assert.NotEmpty(anonymous.GetProperty("items").EnumerateArray());
        Assert.All(anonymous.GetProperty("items").EnumerateArray(), a => Assert.True(a.GetProperty("anonymous").GetBoolean()));
        var governments = (await Host.Get("/api/actors?type=government&pageSize=500")).Body;
        Assert.All(governments.GetProperty("items").EnumerateArray(), a => Assert.Equal("government", a.GetProperty("type").GetString()));

        var page1 = (await Host.Get("/api/actors?page=1&pageSize=5")).Body;
        var page2 = (await Host.Get("/api/actors?page=2&pageSize=5")).Body;
        Assert.Equal(5, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page1.GetProperty("page").GetInt32());
        Assert.Equal(5, page1.GetProperty("pageSize").GetInt32());
        Assert.True(page1.GetProperty("total").GetInt64() > 10);
        Assert.Empty(page1.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString())
            .Intersect(page2.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString())));
        var counts = page1.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("statementCount").GetInt32()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
    }

    [Fact]
    public async Task Unknown_actors_are_404_problems()
    {
        (await Host.Get("/api/actors/person-nobody-at-all", expect: null)).AssertProblem(404, "actor-not-found");
    }

    [Fact]
    public async Task An_alias_and_a_merge_are_curated_by_an_admin()
    {
        (await Host.PostJson("/api/actors/person-john-kerry/aliases", new { alias = "J. Kerry" }, ApiFixture.FactCheckKey)).AssertProblem(403);
        var alias = await Host.PostJson("/api/actors/person-john-kerry/aliases", new { alias = "Johnny Kerry" }, ApiFixture.AdminKey, expect: 200);
        Assert.Equal("person-johnny-kerry", alias.Body.GetProperty("aliasActorId").GetString());
        (await Host.PostJson("/api/actors/person-john-kerry/aliases", new { alias = "Johnny Kerry" }, ApiFixture.AdminKey)).AssertProblem(409);

        // A later article quoting the alias is credited to Kerry.
        var before = (await Host.Get("/api/actors/person-john-kerry")).Body.GetProperty("statementCount").GetInt32();
        await Host.PostJson("/api/articles", new
        {
            headline = "Kerry alias test",
            body = "WASHINGTON (Reuters) - Johnny Kerry, the U.S. Secretary of State, said on Tuesday that the talks would resume next week.",
        }, ApiFixture.IngestKey, expect: 201);
        await Host.CatchUp();
        var after = (await Host.Get("/api/actors/person-john-kerry")).Body;
        Assert.Equal(before + 1, after.GetProperty("statementCount").GetInt32());
        Assert.Contains("Johnny Kerry", after.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task An_actor_can_be_read_as_of_an_earlier_global_sequence_or_moment()
    {
        var before = (await Host.Get("/api/actors/person-john-kerry")).Body;
        var sequence = before.GetProperty("lastSequence").GetInt64();
        var count = before.GetProperty("statementCount").GetInt32();
        await Task.Delay(50);
        var moment = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Host.PostJson("/api/articles", new
        {
            headline = "Kerry time travel " + Guid.NewGuid().ToString("N")[..6],
            body = "GENEVA (Reuters) - John Kerry, the U.S. Secretary of State, said on Friday that a deal was within reach.",
        }, ApiFixture.IngestKey, expect: 201);
        await Host.CatchUp();

        Assert.Equal(count + 1, (await Host.Get("/api/actors/person-john-kerry")).Body.GetProperty("statementCount").GetInt32());
        var then = (await Host.Get($"/api/actors/person-john-kerry?version={sequence}")).Body;
        Assert.Equal(count, then.GetProperty("statementCount").GetInt32());
        Assert.Equal(sequence, then.GetProperty("lastSequence").GetInt64());
        var asOf = (await Host.Get($"/api/actors/person-john-kerry?asOf={Uri.EscapeDataString(moment.ToString("O"))}")).Body;
        Assert.Equal(count, asOf.GetProperty("statementCount").GetInt32());
        (await Host.Get("/api/actors/person-nobody?version=5", expect: null)).AssertProblem(404);
    }

    [Fact]
    public async Task The_actor_page_names_the_claims_the_actor_bears_on()
    {
        // A fact-checker on an actor page needs to see which propositions, not only how many, their statements bear on.
        var tag = Guid.NewGuid().ToString("N")[..6];
        await Host.PostJson("/api/articles", new
        {
            headline = $"Mayor speaks {tag}",
            body = $"LYON (Reuters) - Mayor Odile Testard{tag} said on Monday that the bridge would reopen in May.",
        }, ApiFixture.IngestKey, expect: 201);
        await Host.CatchUp();
        var actorId = $"person-odile-testard{tag}";
        var statementId = (await Host.Get($"/api/actors/{actorId}")).Body.GetProperty("statements")[0].GetProperty("id").GetString();
        var claim = (await Host.PostJson("/api/claims", new { text = "the bridge reopens in May " + tag }, ApiFixture.FactCheckKey, expect: 201)).Body.GetProperty("id").GetString();
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId, stance = "supports" }, ApiFixture.FactCheckKey, expect: 200);
        await Host.CatchUp();

        var onPage = (await Host.Get($"/api/actors/{actorId}")).Body.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("claimId").GetString() == claim);
        Assert.Equal("the bridge reopens in May " + tag, onPage.GetProperty("text").GetString());
        Assert.Equal(1, onPage.GetProperty("supports").GetInt32());
    }

    [Fact]
    public async Task Merging_two_spellings_leaves_one_actor_with_all_statements_and_claims()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, text) in new[] { ("Zekeriya Testlar", "the town will hold"), ("Zekeria Testlar", "the town has fallen") })
            await Host.PostJson("/api/articles", new
            {
                headline = $"Commander speaks {tag} {name}",
                body = $"ALEPPO (Reuters) - {name}, a rebel commander, said on Monday that {text}.",
            }, ApiFixture.IngestKey, expect: 201);
        await Host.CatchUp();
        var absorbed = (await Host.Get("/api/actors/person-zekeria-testlar")).Body;
        var statementId = absorbed.GetProperty("statements")[0].GetProperty("id").GetString();
        var claim = (await Host.PostJson("/api/claims", new { text = "the town holds " + tag }, ApiFixture.FactCheckKey, expect: 201)).Body.GetProperty("id").GetString();
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId, stance = "disputes" }, ApiFixture.FactCheckKey, expect: 200);
        await Host.CatchUp();

        (await Host.PostJson("/api/actors/person-zekeriya-testlar/merge", new { actorId = "person-zekeria-testlar" }, ApiFixture.FactCheckKey)).AssertProblem(403);
        await Host.PostJson("/api/actors/person-zekeriya-testlar/merge", new { actorId = "person-zekeria-testlar", reason = "two spellings" }, ApiFixture.AdminKey, expect: 200);
        await Host.CatchUp();

        var survivor = (await Host.Get("/api/actors/person-zekeriya-testlar")).Body;
        Assert.Equal(2, survivor.GetProperty("statementCount").GetInt32());
        Assert.Equal(2, survivor.GetProperty("statements").GetArrayLength());
        Assert.Contains(survivor.GetProperty("claims").EnumerateArray(), c => c.GetProperty("claimId").GetString() == claim);
        var list = (await Host.Get("/api/actors?search=testlar")).Body;
        Assert.Equal(["person-zekeriya-testlar"], list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var link = (await Host.Get($"/api/claims/{claim}")).Body.GetProperty("links")[0];
        Assert.Equal("person-zekeriya-testlar", link.GetProperty("statement").GetProperty("actorId").GetString());
        (await Host.PostJson("/api/actors/person-zekeriya-testlar/merge", new { actorId = "person-zekeria-testlar" }, ApiFixture.AdminKey)).AssertProblem(409, "actor-merged");
    }

    [Fact]
    public async Task The_actor_page_lists_the_statements_the_statement_views_list_in_the_same_order()
    {
        await Host.CatchUp();
        var top = (await Host.Get("/api/actors?pageSize=5")).Body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var id in top)
        {
            // Served from the ready-made list (one document load), not from a query ...
            var list = await session.LoadAsync<ActorStatements>(id);
            Assert.NotNull(list?.Take(100));
            // ... and it says what the statement views say.
            var views = await session.Query<StatementView>().Where(s => s.ActorId == id)
                .OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Ordinal).ToListAsync();
            var page = (await Host.Get($"/api/actors/{id}?pageSize=100")).Body.GetProperty("statements").EnumerateArray().ToList();
            var byId = views.ToDictionary(v => v.Id.ToString());
            Assert.Equal(byId.Keys.Order(), page.Select(s => s.GetProperty("id").GetString()!).Order());
            foreach (var s in page)
            {
                var v = byId[s.GetProperty("id").GetString()!];
                Assert.Equal(v.Current.Content, s.GetProperty("content").GetString());
                Assert.Equal(v.Retracted, s.GetProperty("retracted").GetBoolean());
                Assert.Equal(v.Claims.Count, s.GetProperty("claims").GetArrayLength());
            }
            // Same order as the query (statements that tie on date and reading order may come either way).
            var keys = page.Select(s => byId[s.GetProperty("id").GetString()!]).Select(v => (v.PublishedAt, v.Ordinal)).ToList();
            Assert.Equal(views.Select(v => (v.PublishedAt, v.Ordinal)), keys);
            Assert.Equal(Math.Min(2, views.Count), (await Host.Get($"/api/actors/{id}?pageSize=2")).Body.GetProperty("statements").GetArrayLength());
        }
    }

    [Fact]
    public async Task Time_travel_sees_a_statement_the_daemon_has_not_applied_yet()
    {
        await Host.CatchUp();
        var count = (await Host.Get("/api/actors/person-john-kerry")).Body.GetProperty("statementCount").GetInt32();
        await Host.PostJson("/api/articles", new
        {
            headline = "Kerry tail test " + Guid.NewGuid().ToString("N")[..6],
            body = "GENEVA (Reuters) - John Kerry, the U.S. Secretary of State, said on Sunday that the ceasefire was holding.",
        }, ApiFixture.IngestKey, expect: 201);
        // No catch-up: events above the daemon's mark are found by the bounded tail scan.
        var now = (await Host.Get($"/api/actors/person-john-kerry?version={long.MaxValue}")).Body;
        Assert.Equal(count + 1, now.GetProperty("statementCount").GetInt32());
        await Host.CatchUp();
        Assert.Equal(count + 1, (await Host.Get($"/api/actors/person-john-kerry?version={long.MaxValue}")).Body.GetProperty("statementCount").GetInt32());
    }
}
