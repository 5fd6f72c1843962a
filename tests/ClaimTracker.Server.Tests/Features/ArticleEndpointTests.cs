using System.Text.Json;

namespace ClaimTracker.Server.Tests.Features;

public sealed class ArticleEndpointTests(SeededApiFixture app) : ApiTest<SeededApiFixture>(app)
{
    private static object UniqueArticle(string tag) => new
    {
        headline = $"Minister denies report on {tag}",
        body = $"GENEVA (Reuters) - The minister denied on Monday that talks on {tag} had collapsed, a spokesman said.\n" +
               "\"We remain committed to the process,\" the minister told reporters.",
        date = "2016-02-15T10:00:00Z",
    };

    [Fact]
    public void The_first_ingest_of_the_seeds_answers_201_with_ten_new_articles()
    {
        Assert.Equal(201, App.FirstIngestStatus);
        var articles = App.FirstIngest.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(10, articles.Count);
        Assert.All(articles, a => Assert.False(a.GetProperty("duplicate").GetBoolean()));
        Assert.True(articles.Sum(a => a.GetProperty("statements").GetInt32()) > 100);
        Assert.Equal("Samples confirm Islamic State used mustard gas in Iraq, diplomat says", articles[0].GetProperty("headline").GetString());
    }

    [Fact]
    public async Task The_story_list_pages_the_articles_newest_first_with_their_attribution_counts()
    {
        // An editor needs a way to the attribution reports other than waiting for a story to land on the wall.
        var posted = await Host.PostJson("/api/articles", UniqueArticle("the story list"), ApiFixture.IngestKey, expect: 201);
        var id = posted.Body.GetProperty("articles")[0].GetProperty("id").GetString();
        await Host.CatchUp();

        var all = (await Host.Get("/api/articles?pageSize=500")).Body;
        Assert.True(all.GetProperty("total").GetInt64() >= 11);
        var newest = all.GetProperty("items")[0];
        Assert.Equal(id, newest.GetProperty("id").GetString());
        Assert.Equal(2, newest.GetProperty("statements").GetInt32());
        Assert.Equal("2016-02-15T10:00:00+00:00", newest.GetProperty("publishedAt").GetString());
        var seeded = App.FirstIngest.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet();
        Assert.Subset(all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet(), seeded);

        var found = (await Host.Get("/api/articles?search=STORY%20LIST")).Body;
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var second = (await Host.Get("/api/articles?page=2&pageSize=1")).Body;
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.NotEqual(id, second.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Re_ingesting_the_seeds_appends_nothing_and_answers_200_with_the_same_ids()
    {
        var before = await Host.EventCount();
        var again = await Host.Send("POST", "/api/articles", SeededApiFixture.SeedText, "text/plain", ApiFixture.IngestKey, expect: 200);
        var firstIds = App.FirstIngest.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString());
        var articles = again.Body.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(firstIds, articles.Select(a => a.GetProperty("id").GetString()));
        Assert.All(articles, a => Assert.True(a.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_json_article_is_ingested_once_and_read_back_with_its_attribution_report()
    {
        var article = UniqueArticle(Guid.NewGuid().ToString("N")[..8]);
        var first = await Host.PostJson("/api/articles", article, ApiFixture.IngestKey, expect: 201);
        var created = first.Body.GetProperty("articles")[0];
        Assert.False(created.GetProperty("duplicate").GetBoolean());
        var id = created.GetProperty("id").GetString();

        var second = await Host.PostJson("/api/articles", article, ApiFixture.IngestKey, expect: 200);
        Assert.Equal(id, second.Body.GetProperty("articles")[0].GetProperty("id").GetString());
        Assert.True(second.Body.GetProperty("articles")[0].GetProperty("duplicate").GetBoolean());

        var read = await Host.Get($"/api/articles/{id}");
        Assert.Equal(article.GetType().GetProperty("headline")!.GetValue(article), read.Body.GetProperty("headline").GetString());
        Assert.Equal("ingester", read.Body.GetProperty("ingestedBy").GetString());
        var report = await Host.Get($"/api/articles/{id}/attribution");
        Assert.Equal(id, report.Body.GetProperty("articleId").GetString());
        Assert.True(report.Body.GetProperty("report").TryGetProperty("anonymousWithoutReason", out _));
    }

    [Fact]
    public async Task The_attribution_report_of_the_first_seed_article_names_its_anonymous_sources()
    {
        var id = App.FirstIngest.GetProperty("articles")[0].GetProperty("id").GetString();
        var report = (await Host.Get($"/api/articles/{id}/attribution")).Body.GetProperty("report");
        Assert.True(report.GetProperty("statements").GetInt32() > 0);
        Assert.True(report.GetProperty("anonymousStatements").GetInt32() > 0);      // "a diplomat", "A source at the OPCW"
        Assert.Equal(report.GetProperty("statements").GetInt32(),
            report.GetProperty("namedStatements").GetInt32() + report.GetProperty("anonymousStatements").GetInt32());
        Assert.True(report.GetProperty("firstQuote").GetProperty("anonymous").GetBoolean());  // the story leads with "a diplomat said"
        Assert.NotEmpty(report.GetProperty("bySpeaker").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        var before = await Host.EventCount();
        (await Host.Send("POST", "/api/articles", "{\"headline\": \"x\", ", key: ApiFixture.IngestKey)).AssertProblem(400, "json-malformed");
        (await Host.Send("POST", "/api/articles", "{\"body\": \"GENEVA (Reuters) - text\"}", key: ApiFixture.IngestKey)).AssertProblem(400, "headline-missing");
        (await Host.Send("POST", "/api/articles", "{\"headline\": \"h\"}", key: ApiFixture.IngestKey)).AssertProblem(400, "body-missing");
        (await Host.Send("POST", "/api/articles", "a headline and nothing else", "text/plain", ApiFixture.IngestKey)).AssertProblem(400, "body-missing");
        (await Host.Send("POST", "/api/articles", "<a/>", "application/xml", ApiFixture.IngestKey)).AssertProblem(415);
        var huge = new string('x', (int)ApiFixture.MaxBodyBytes + 1);
        (await Host.Send("POST", "/api/articles", huge, "text/plain", ApiFixture.IngestKey)).AssertProblem(413, "body-too-large");
        (await Host.Get($"/api/articles/{Guid.NewGuid()}", expect: null)).AssertProblem(404);
        (await Host.Get($"/api/articles/{Guid.NewGuid()}/attribution", expect: null)).AssertProblem(404);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Writes_need_a_key_with_the_ingest_role()
    {
        var before = await Host.EventCount();
        var article = UniqueArticle("keys");
        (await Host.PostJson("/api/articles", article, key: null)).AssertProblem(401, "api-key-missing");
        (await Host.PostJson("/api/articles", article, key: "not-a-key")).AssertProblem(401, "api-key-unknown");
        (await Host.PostJson("/api/articles", article, key: ApiFixture.FactCheckKey)).AssertProblem(403, "role-missing");
        Assert.Equal(before, await Host.EventCount());
        await Host.PostJson("/api/articles", article, key: ApiFixture.AdminKey, expect: 201);   // admin may do everything
    }

    [Fact]
    public async Task An_article_can_be_read_as_it_was_at_an_earlier_version()
    {
        var id = App.FirstIngest.GetProperty("articles")[0].GetProperty("id").GetString();
        var now = (await Host.Get($"/api/articles/{id}")).Body;
        var atOne = (await Host.Get($"/api/articles/{id}?version=1")).Body;
        Assert.True(now.GetProperty("statements").GetArrayLength() > 0);
        Assert.Equal(0, atOne.GetProperty("statements").GetArrayLength());   // version 1 is ArticleIngested alone
        Assert.Equal(1, atOne.GetProperty("version").GetInt64());
    }
}
