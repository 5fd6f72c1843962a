using ClaimTracker.Server.Tests.Features;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>
/// A burst (many stories in one request, so one page of events for the pump) goes to each `feed` client as ONE
/// `digest` update holding one `article` update per story, in order, each with its own statements.
/// </summary>
public sealed class LiveBurstTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    [Fact]
    public async Task A_bulk_import_reaches_feed_subscribers_as_one_digest_of_every_story_in_order()
    {
        await using var json = await LiveClient.ConnectAsync(Host);
        await using var msgpack = await LiveClient.ConnectAsync(Host, messagePack: true);
        await json.Subscribe("feed");
        await msgpack.Subscribe("feed");

        var posted = await Host.Send("POST", "/api/articles", SeededApiFixture.SeedText, "text/plain", ApiFixture.IngestKey, expect: 201);
        var articles = posted.Body.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.True(articles.Count >= 5, $"the seed file holds several stories, got {articles.Count}");
        var statementCounts = posted.Body.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("statements").GetInt32());

        foreach (var client in new[] { json, msgpack })
        {
            foreach (var id in articles) await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == id);
            var stories = (await client.Drain(500)).Where(u => u.Str("kind") == "article").ToList();
            // One message for the whole import, not one per story.
            var digest = Assert.Single(client.Digests);
            Assert.Equal("feed", digest.Str("topic"));
            Assert.Equal("gathered", digest.Str("change"));
            var inside = digest.GetProperty("updates").EnumerateArray().ToList();
            Assert.Equal(inside.Count, digest.Int("count"));
            Assert.Equal(articles.OrderBy(x => x), inside.Select(u => u.Str("id")).OrderBy(x => x));
            Assert.Equal(inside[^1].Seq(), digest.Seq());   // resuming after the digest skips all of it
            Assert.All(inside, u => Assert.Equal("feed", u.Str("topic")));
            Assert.Equal(articles.OrderBy(x => x), stories.Select(u => u.Str("id")).OrderBy(x => x));   // one update per story, none twice
            client.Received.AssertInOrderOnce();
            foreach (var story in stories)
            {
                var statements = story.WithNested().Skip(1).ToList();
                Assert.Equal(statementCounts[story.Str("id")], statements.Count);
                Assert.All(statements, s => Assert.Equal(story.Str("id"), s.Str("articleId")));
                Assert.All(statements, s => Assert.True(s.Seq() <= story.Seq()));
            }
        }
        // Both protocols carry the same fields.
        var a = json.Digests[0];
        var b = msgpack.Digests[0];
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a.GetRawText()), System.Text.Json.Nodes.JsonNode.Parse(b.GetRawText())),
            $"JSON {a.GetRawText()}\nMessagePack {b.GetRawText()}");
    }

    [Fact]
    public async Task A_matching_pass_that_opens_several_claims_reaches_contested_subscribers_as_one_digest()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("contested");
        var run = Guid.NewGuid().ToString("N")[..8];
        var body = string.Join("\n\n", new[] { "lighthouse keepers", "ferry captains", "salt traders" }.Select((who, i) =>
            $"Digest {run} story {i}\n\nOSLO (Reuters) - The union of {who} said on Friday that {who} {run} would strike over {who} pay in round {i}."));
        var posted = await Host.Send("POST", "/api/articles", body, "text/plain", ApiFixture.IngestKey, expect: 201);
        Assert.Equal(3, posted.Body.GetProperty("articles").GetArrayLength());
        await Host.Send("POST", "/api/claims/matching", key: ApiFixture.FactCheckKey);

        // The pass appends its claims in one transaction: one page, so one message on `contested` for all of them.
        await client.WaitFor(u => u.Str("kind") == "claim" && u.Str("text").Contains(run));
        await client.Drain(500);
        var digest = client.Digests.First(d => d.GetProperty("updates").EnumerateArray().Any(u => u.Str("text").Contains(run)));
        var inside = digest.GetProperty("updates").EnumerateArray().ToList();
        Assert.Equal("contested", digest.Str("topic"));
        Assert.True(inside.Count(u => u.Str("text").Contains(run)) >= 3, digest.GetRawText());
        Assert.All(inside, u => Assert.Equal(("contested", "claim"), (u.Str("topic"), u.Str("kind"))));
        Assert.Equal(inside.Count, inside.Select(u => u.Str("id")).Distinct().Count());   // coalesced: one per claim
        inside.AssertInOrderOnce();
        Assert.Equal(inside[^1].Seq(), digest.Seq());
        client.Received.AssertInOrderOnce();
    }
}