using System.Text.Json;
using ClaimTracker.Server.Tests.Features;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>The hub at /hubs/live through a real SignalR client: live delivery per topic, replay on reconnect, auth.</summary>
public sealed class LiveHubTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    [Fact]
    public async Task A_statement_posted_over_HTTP_reaches_subscribers_of_the_feed_its_actor_and_its_claim()
    {
        // The actor is known from a first story; the second story by the same speaker must reach its subscribers live.
        var (_, first) = await Host.PostStory("Foreign Minister Anna Berg", "the border talks would resume");
        var actorId = first[0].ActorId;
        var claim = await Host.PostJson("/api/claims", new { text = "the border talks will resume" }, ApiFixture.FactCheckKey, expect: 201);
        var claimId = claim.Body.GetProperty("id").GetString()!;

        await using var feed = await LiveClient.ConnectAsync(Host);
        await using var actor = await LiveClient.ConnectAsync(Host);
        await using var onClaim = await LiveClient.ConnectAsync(Host);
        await using var contested = await LiveClient.ConnectAsync(Host);
        await feed.Subscribe("feed");
        await actor.Subscribe("actor:" + actorId);
        await onClaim.Subscribe("claim:" + claimId);
        await contested.Subscribe("contested");

        var (articleId, second) = await Host.PostStory("Foreign Minister Anna Berg", "the ceasefire was holding");
        var statement = second.First(s => s.ActorId == actorId).Id;

        // The feed sends one message per story: its statements ride inside the article update.
        var story = await feed.WaitFor(u => u.Str("kind") == "article" && u.WithNested().Any(x => x.Str("id") == statement));
        Assert.Equal(articleId, story.Str("id"));
        var f = story.WithNested().Single(x => x.Str("id") == statement);
        Assert.Equal("statement", f.Str("kind"));
        Assert.True(story.Seq() >= f.Seq());
        Assert.Equal("feed", f.Str("topic"));
        Assert.Equal(articleId, f.Str("articleId"));
        Assert.Contains("Berg", f.Str("speaker"));
        Assert.False(f.GetProperty("anonymous").GetBoolean());
        Assert.False(string.IsNullOrEmpty(f.Str("cue")));
        Assert.False(string.IsNullOrEmpty(f.Str("snippet")));
        Assert.True(f.Seq() > 0);
        var a = await actor.WaitFor(u => u.Str("id") == statement);
        Assert.Equal("actor:" + actorId, a.Str("topic"));
        Assert.Equal(f.Seq(), a.Seq());

        // Linking the statement to the claim is the claim's change: its subscribers hear it, with the supporter.
        await Host.PostJson($"/api/claims/{claimId}/statements", new { statementId = statement, stance = "supports" }, ApiFixture.FactCheckKey, expect: 200);
        var c = await onClaim.WaitFor(u => u.Str("kind") == "claim" && u.Str("change") == "linked");
        Assert.Equal(claimId, c.Str("id"));
        Assert.Equal(2, c.GetProperty("version").GetInt64());
        Assert.Contains(c.GetProperty("supporters").EnumerateArray(), s => s.GetString()!.Contains("Berg"));

        // A disputer makes it contested: the contested list hears it with status contested.
        var (_, third) = await Host.PostStory("Opposition leader Carl Moss", "the talks had collapsed");
        await Host.PostJson($"/api/claims/{claimId}/statements", new { statementId = third[0].Id, stance = "disputes" }, ApiFixture.FactCheckKey, expect: 200);
        var k = await contested.WaitFor(u => u.Str("id") == claimId && u.Str("status") == "contested");
        Assert.Contains(k.GetProperty("disputers").EnumerateArray(), s => s.GetString()!.Contains("Moss"));
        // Topics never cross: the claim client got claim updates only, the actor client only its actor's.
        Assert.All(onClaim.Received, u => Assert.Equal("claim:" + claimId, u.Str("topic")));
        Assert.All(actor.Received, u => Assert.Equal("actor:" + actorId, u.Str("topic")));
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_exactly_the_updates_it_missed_in_order_then_live_ones()
    {
        await using (var before = await LiveClient.ConnectAsync(Host))
        {
            await before.Subscribe("feed");
            var (_, s) = await Host.PostStory("Health Minister Paula Reyes", "vaccines had arrived");
            await before.WaitFor(u => u.WithNested().Any(x => x.Str("id") == s[^1].Id));
            var lastSeen = before.Received.Max(u => u.Seq());
            await before.DisposeAsync();

            // Away: three stories are posted while nobody listens.
            var missed = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var (articleId, statements) = await Host.PostStory($"Trade Minister Number{i} Lund", $"tariffs would rise by {i + 5} percent");
                missed.Add(articleId);
                missed.AddRange(statements.Select(x => x.Id));
            }
            await Host.CatchUp();

            await using var after = await LiveClient.ConnectAsync(Host);
            var liveFrom = await after.Subscribe("feed", lastSeen);
            var replayed = await after.Drain();
            Assert.Equal(missed.OrderBy(x => x), replayed.Flat().Select(u => u.Str("id")).OrderBy(x => x));   // no gaps, no duplicates
            var sequences = replayed.AssertInOrderOnce();
            Assert.All(sequences, q => Assert.True(q > lastSeen));
            Assert.True(liveFrom >= sequences.Max());

            // Then live messages resume on the same subscription, still without repeats.
            var (_, more) = await Host.PostStory("Trade Minister Ines Lund", "exports had doubled");
            await after.WaitFor(u => u.WithNested().Any(x => x.Str("id") == more[^1].Id));
            var all = after.Received.Flat().Select(u => (u.Str("topic"), u.Str("kind"), u.Str("id"))).ToList();
            Assert.Equal(all.Distinct().Count(), all.Count);
            Assert.True(after.Received[^1].Seq() > sequences.Max());
        }
    }

    [Fact]
    public async Task Resuming_while_stories_keep_arriving_loses_and_repeats_nothing()
    {
        await using var before = await LiveClient.ConnectAsync(Host);
        var lastSeen = await before.Subscribe("feed");
        await before.DisposeAsync();
        var (missedArticle, missedStatements) = await Host.PostStory("Defence Minister Tomas Quist", "the drills had ended");   // missed while away

        // Keep posting while the client resumes: replay and live overlap (the hand-over is what is tested).
        var posted = new List<string>();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                var (articleId, statements) = await Host.PostStory($"Energy Minister Number{i} Vale", $"gas flows would rise by {i + 2} percent");
                lock (posted) { posted.Add(articleId); posted.AddRange(statements.Select(x => x.Id)); }
            }
        });
        await using var after = await LiveClient.ConnectAsync(Host);
        await after.Subscribe("feed", lastSeen);
        await writer;
        string last; lock (posted) last = posted[^1];
        await after.WaitFor(u => u.WithNested().Any(x => x.Str("id") == last));
        await Host.CatchUp();
        var received = await after.Drain(700);

        received.AssertInOrderOnce();
        var ids = received.Flat().Select(u => u.Str("id")).ToHashSet();
        Assert.Equal(received.Flat().Count(), ids.Count);
        Assert.All(posted, id => Assert.Contains(id, ids));                      // no gaps
        var expected = posted.Append(missedArticle).Concat(missedStatements.Select(x => x.Id)).ToHashSet();
        Assert.Equal(expected.OrderBy(x => x), ids.OrderBy(x => x));              // exactly: what was missed, then what came live
    }

    [Fact]
    public async Task Topics_a_client_did_not_subscribe_to_or_unsubscribed_from_receive_nothing()
    {
        await using var control = await LiveClient.ConnectAsync(Host);
        await using var quiet = await LiveClient.ConnectAsync(Host);
        await using var left = await LiveClient.ConnectAsync(Host);
        await control.Subscribe("feed");
        await quiet.Subscribe("claim:" + Guid.NewGuid());
        await quiet.Subscribe("actor:person-nobody-at-all");
        await left.Subscribe("feed");
        await left.Unsubscribe("feed");

        var (_, s) = await Host.PostStory("Finance Minister Olaf Grim", "the budget was balanced");
        await control.WaitFor(u => u.WithNested().Any(x => x.Str("id") == s[^1].Id));
        await Host.CatchUp();
        Assert.Empty(await quiet.Drain(700));
        Assert.Empty(await left.Drain(300));
    }

    [Fact]
    public async Task Unknown_topics_are_refused_with_a_clear_message()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        var e = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.Subscribe("everything"));
        Assert.Contains("Unknown topic", e.Message);
    }
}
