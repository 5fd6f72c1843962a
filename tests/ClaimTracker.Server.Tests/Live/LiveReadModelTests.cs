using System.Text.Json;
using ClaimTracker.Server.Live;
using ClaimTracker.Server.Tests.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>
/// What an update says about its read model: actor topics carry the async actor document's counts once it has
/// committed them, and every update (live or replayed) shows its claim or actor as of its own sequence.
/// </summary>
public sealed class LiveReadModelTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    private async Task<JsonElement> Actor(string actorId, long? asOfSequence = null) =>
        (await Host.Get($"/api/actors/{actorId}" + (asOfSequence is { } v ? $"?version={v}" : ""))).Body;

    /// <summary>Every update that carries counts must match the actor as it was at that update's sequence.</summary>
    private async Task AssertCountsAreAsOfTheirSequence(string actorId, IEnumerable<JsonElement> updates)
    {
        foreach (var u in updates.Where(x => x.Int("statementCount") is not null))
        {
            var then = await Actor(actorId, u.Seq());
            Assert.Equal(then.GetProperty("statementCount").GetInt32(), u.Int("statementCount"));
            Assert.Equal(then.GetProperty("claimCount").GetInt32(), u.Int("claimCount"));
            Assert.Equal(then.GetProperty("articleCount").GetInt32(), u.Int("articleCount"));
        }
    }

    [Fact]
    public async Task Actor_subscribers_get_the_new_counts_after_the_actor_document_commits_live_and_on_replay()
    {
        var (_, first) = await Host.PostStory("Interior Minister Lena Falk", "the border would reopen");
        var actorId = first[0].ActorId;
        await Host.CatchUp();
        var before = await Actor(actorId);
        var countBefore = before.GetProperty("statementCount").GetInt32();
        var lastSeen = before.GetProperty("lastSequence").GetInt64();

        await using var client = await LiveClient.ConnectAsync(Host);
        var liveFrom = await client.Subscribe("actor:" + actorId);
        Assert.True(liveFrom >= lastSeen);

        // A new story by the same speaker: the update with the counts comes once the async actor document has them.
        var (_, second) = await Host.PostStory("Interior Minister Lena Falk", "the checkpoints had closed");
        var mine = second.Where(s => s.ActorId == actorId).Select(s => s.Id).ToList();
        Assert.NotEmpty(mine);
        var counted = await client.WaitFor(u => u.Int("statementCount") == countBefore + mine.Count);
        var served = await Actor(actorId);                                               // the HTTP API already serves it
        Assert.True(served.GetProperty("lastSequence").GetInt64() >= counted.Seq());
        Assert.True(served.GetProperty("statementCount").GetInt32() >= countBefore + mine.Count);
        Assert.Equal("actor:" + actorId, counted.Str("topic"));
        Assert.Equal(before.GetProperty("name").GetString(), counted.Str("name"));
        Assert.All(mine, id => Assert.Contains(client.Received, u => u.Str("id") == id));   // the statements themselves too

        // A claim link changes the actor document but is no statement update: a separate `actor` update carries it.
        var claim = await Host.PostJson("/api/claims", new { text = "the checkpoints are closed" }, ApiFixture.FactCheckKey, expect: 201);
        var claimId = claim.Body.GetProperty("id").GetString()!;
        await Host.PostJson($"/api/claims/{claimId}/statements", new { statementId = mine[0], stance = "supports" }, ApiFixture.FactCheckKey, expect: 200);
        var linked = await client.WaitFor(u => u.Str("kind") == "actor" && u.Int("claimCount") >= 1 && u.Seq() > counted.Seq());
        Assert.Equal("counted", linked.Str("change"));
        Assert.Equal(actorId, linked.Str("id"));
        Assert.Equal(countBefore + mine.Count, linked.Int("statementCount"));
        await AssertCountsAreAsOfTheirSequence(actorId, client.Received);

        // Ordered, no repeats on the topic.
        client.Received.AssertInOrderOnce();

        // A client that was away replays the same: the statements, and counts as of their own sequence.
        await Host.CatchUp();
        await using var resumed = await LiveClient.ConnectAsync(Host);
        await resumed.Subscribe("actor:" + actorId, lastSeen);
        var replayed = await resumed.Drain(1000);
        Assert.All(mine, id => Assert.Contains(replayed, u => u.Str("id") == id));
        var replayedSequences = replayed.Select(u => u.Seq()).ToList();
        Assert.Equal(replayedSequences.OrderBy(q => q), replayedSequences);
        Assert.Equal(replayedSequences.Distinct().Count(), replayedSequences.Count);
        Assert.Contains(replayed, u => u.Int("claimCount") >= 1);
        Assert.Equal(countBefore + mine.Count, replayed.Last(u => u.Int("statementCount") is not null).Int("statementCount"));
        await AssertCountsAreAsOfTheirSequence(actorId, replayed);
    }

    private async Task<long> LastSequenceOf(string streamId)
    {
        await using var query = Host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var events = await query.Events.FetchStreamAsync(Guid.Parse(streamId));
        return events[^1].Sequence;
    }

    [Fact]
    public async Task A_replayed_claim_update_shows_the_claim_as_it_was_at_that_sequence_not_as_it_is_now()
    {
        var (_, a) = await Host.PostStory("Port Authority chief Ruth Vance", "the harbour would stay open");
        var (_, b) = await Host.PostStory("Union leader Omar Dias", "the harbour would close");
        var claim = await Host.PostJson("/api/claims", new { text = "the harbour stays open" }, ApiFixture.FactCheckKey, expect: 201);
        var claimId = claim.Body.GetProperty("id").GetString()!;
        // Claim documents are inline and, under Quick append, do not see global sequences: read them from the stream.
        var opened = await LastSequenceOf(claimId);
        await Host.PostJson($"/api/claims/{claimId}/statements", new { statementId = a[0].Id, stance = "supports" }, ApiFixture.FactCheckKey, expect: 200);
        var supported = await LastSequenceOf(claimId);
        await Host.PostJson($"/api/claims/{claimId}/statements", new { statementId = b[0].Id, stance = "disputes" }, ApiFixture.FactCheckKey, expect: 200);
        var now = (await Host.Get($"/api/claims/{claimId}")).Body;
        Assert.Equal("contested", now.GetProperty("status").GetString());
        await Host.CatchUp();

        // Replay up to the first link: the claim then had one supporter and no disputer, whatever it is now. The
        // contested list did not hear of it then (only opened and linked, not contested).
        var broker = Host.Services.GetRequiredService<LiveBroker>();
        Assert.DoesNotContain(await Collect(broker.ReplayAsync("contested", opened - 1, supported, CancellationToken.None)), x => x.Id == claimId);
        {
            var then = await Collect(broker.ReplayAsync("claim:" + claimId, opened, supported, CancellationToken.None));
            var u = Assert.Single(then, x => x.Id == claimId);
            Assert.Equal(supported, u.Sequence);
            Assert.Equal(2, u.Version);
            Assert.Equal("linked", u.Change);
            Assert.NotEqual("contested", u.Status);
            Assert.Equal(1, u.SupportCount);
            Assert.Equal(0, u.DisputeCount);
            Assert.Contains(u.Supporters!, s => s.Contains("Vance"));
            Assert.Empty(u.Disputers!);
        }

        // Through a real client resuming after the first link: the dispute, with the state the claim had then (now).
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("claim:" + claimId, supported);
        var replayed = Assert.Single(await client.Drain(1000));
        Assert.Equal(3, replayed.GetProperty("version").GetInt64());
        Assert.Equal("contested", replayed.Str("status"));
        Assert.Equal(1, replayed.Int("disputeCount"));
        Assert.Contains(replayed.GetProperty("disputers").EnumerateArray(), s => s.GetString()!.Contains("Dias"));
    }

    private static async Task<List<LiveUpdate>> Collect(IAsyncEnumerable<LiveUpdate> updates)
    {
        var list = new List<LiveUpdate>();
        await foreach (var u in updates) list.Add(u);
        return list;
    }
}
