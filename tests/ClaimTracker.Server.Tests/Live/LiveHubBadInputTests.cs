using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ClaimTracker.Server.Tests.Features;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>
/// The hub as an endpoint given wrong arguments through a real SignalR client: each call gets a HubException saying
/// what is wrong (or a defined outcome), never a hang, and the connection keeps delivering afterwards.
/// </summary>
public sealed class LiveHubBadInputTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    static async Task<string> Refused(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HubException>(call).WaitAsync(TimeSpan.FromSeconds(30));
        // SignalR prefixes every failure with "An unexpected error occurred invoking ..."; only a HubException thrown on
        // purpose adds "HubException: <why>" (a crash sends the prefix alone).
        Assert.Contains("HubException: ", e.Message);
        return e.Message;
    }

    /// <summary>The connection still works: a story posted now reaches it on `feed`.</summary>
    async Task StillDelivers(LiveClient client)
    {
        await client.Subscribe("feed");
        var (articleId, _) = await Host.PostStory("Energy Minister Rosa Lind", "the pipeline would open in spring");
        await client.WaitFor(u => u.Str("id") == articleId);
    }

    [Fact]
    public async Task A_missing_or_empty_topic_is_refused()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        foreach (var topic in new string?[] { null, "", " ", "claim:", "actor:" })
            Assert.Contains("Unknown topic", await Refused(() => client.Connection.InvokeAsync<long>("Subscribe", topic, null)));
        await StillDelivers(client);
    }

    [Theory]
    [InlineData("claim:abc")]
    [InlineData("claim:12345")]
    [InlineData("article:not-a-guid")]
    [InlineData("claim:{0F8FAD5B-D9CB-469F-A165-70867728950E}")]
    [InlineData("claim:0F8FAD5B-D9CB-469F-A165-70867728950E")]
    [InlineData("article:0f8fad5bd9cb469fa16570867728950e")]
    public async Task A_claim_or_article_topic_needs_its_id_as_a_lowercase_GUID(string topic)
    {
        // Before: accepted, and never delivered anything (topics are matched exactly, updates carry "claim:<lowercase>");
        // with an afterSequence a non-GUID replayed by scanning the whole event store for a topic that cannot exist.
        await using var client = await LiveClient.ConnectAsync(Host);
        var message = await Refused(() => client.Subscribe(topic, 0));
        Assert.Contains("GUID", message);
        if (Guid.TryParse(topic[(topic.IndexOf(':') + 1)..], out var id))
            Assert.Contains(topic[..topic.IndexOf(':')] + ":" + id.ToString("D"), message);   // it says what to send
        await StillDelivers(client);
    }

    [Theory]
    [InlineData("actor:someone-nobody-knows")]
    [InlineData("actor:ünïcødé-名前-🙂")]
    [InlineData("actor:'; drop table mt_events; --")]
    [InlineData("actor:a b\tc")]
    public async Task An_actor_topic_with_an_odd_id_is_an_ordinary_subscription_that_stays_quiet(string topic)
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        Assert.True(await client.Subscribe(topic) >= 0);
        Assert.True(await client.Subscribe(topic, 0) >= 0);   // a replay for an actor with no events: nothing
        await StillDelivers(client);
        Assert.DoesNotContain(client.Received, u => u.Str("topic") == topic);
    }

    [Fact]
    public async Task A_topic_longer_than_300_characters_is_refused()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        Assert.Contains("Unknown topic", await Refused(() => client.Subscribe("actor:" + new string('x', 20_000))));
        await StillDelivers(client);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public async Task A_negative_afterSequence_is_refused(long after)
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        Assert.Contains("afterSequence", await Refused(() => client.Subscribe("feed", after)));
        await StillDelivers(client);
    }

    [Theory]
    [InlineData(1_000_000_000L)]
    [InlineData(long.MaxValue)]
    public async Task An_afterSequence_beyond_the_newest_event_is_refused_instead_of_silencing_the_topic(long beyond)
    {
        // Before: accepted as the topic's high-water mark, so every later update (all below it) was dropped unseen:
        // what a client resuming against a reset or different database would get.
        await using var client = await LiveClient.ConnectAsync(Host);
        var message = await Refused(() => client.Subscribe("feed", beyond));
        Assert.Contains("beyond", message);
        await StillDelivers(client);
    }

    [Fact]
    public async Task Resuming_from_exactly_the_newest_sequence_is_fine()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        var mark = await client.Subscribe("feed");
        Assert.Equal(mark, await client.Subscribe("feed", mark));
        var (articleId, _) = await Host.PostStory("Transport Minister Ivo Hart", "the bridge would reopen");
        await client.WaitFor(u => u.Str("id") == articleId);
    }

    [Fact]
    public async Task Subscribing_twice_to_one_topic_delivers_each_update_once()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        var mark = await client.Subscribe("feed");
        await client.Subscribe("feed");
        await client.Subscribe("feed", mark);
        var (articleId, _) = await Host.PostStory("Farm Minister Eva Roos", "the harvest was early");
        await client.WaitFor(u => u.Str("id") == articleId);
        await client.Drain(700);
        Assert.Single(client.Received, u => u.Str("id") == articleId);
    }

    [Fact]
    public async Task Unsubscribing_from_a_topic_never_subscribed_is_harmless_and_a_missing_topic_is_refused()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Unsubscribe("claim:" + Guid.NewGuid());
        await client.Unsubscribe("not a topic at all");
        // Before: a NullReferenceException inside the hub, which the client saw as "An unexpected error occurred".
        Assert.Contains("topic", await Refused(() => client.Connection.InvokeAsync("Unsubscribe", (string?)null)));
        await StillDelivers(client);
    }

    [Fact]
    public async Task Hundreds_of_topics_on_one_connection_work_and_past_the_limit_the_next_is_refused()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("feed");
        for (var i = 1; i < 1_000; i++) await client.Subscribe("claim:" + Guid.NewGuid());
        Assert.Contains("1000 topics", await Refused(() => client.Subscribe("claim:" + Guid.NewGuid())));

        // Re-subscribing one it has is no new topic; unsubscribing makes room.
        await client.Subscribe("feed");
        await client.Unsubscribe("feed");
        await client.Subscribe("contested");
        await client.Unsubscribe("contested");
        await StillDelivers(client);
    }
}
