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
    public async Task Several_statements_of_one_speaker_in_one_import_reach_the_actor_topic_as_one_digest()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var speaker = $"Harbour master Ola Digest{run}";
        var (_, first) = await Host.PostStory(speaker, "the harbour talks would begin");
        var actorId = first[0].ActorId;
        var before = first.Count(s => s.ActorId == actorId);
        await Host.CatchUp();
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("actor:" + actorId);

        // Three stories by the same speaker in one request: one transaction, one page, one release by the actor gate.
        var body = string.Join("\n\n", Enumerable.Range(1, 3).Select(i =>
            $"Harbour talks {run} round {i}\n\nOSLO (Reuters) - {speaker} said on Friday that round {i} of the harbour talks had ended."));
        await Host.Send("POST", "/api/articles", body, "text/plain", ApiFixture.IngestKey, expect: 201);

        await client.WaitFor(u => u.Int("statementCount") == before + 3);
        await client.Drain(500);
        var digest = Assert.Single(client.Digests);
        Assert.Equal("actor:" + actorId, digest.Str("topic"));
        var inside = digest.GetProperty("updates").EnumerateArray().ToList();
        Assert.Equal(3, inside.Count(u => u.Str("kind") == "statement"));
        Assert.All(inside, u => Assert.Equal("actor:" + actorId, u.Str("topic")));
        Assert.Equal(before + 3, inside[^1].Int("statementCount"));   // the last carries the actor's counts
        client.Received.AssertInOrderOnce();
    }
}