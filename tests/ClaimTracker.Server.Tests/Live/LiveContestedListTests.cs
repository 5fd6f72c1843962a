using ClaimTracker.Server.Live;
using ClaimTracker.Server.Tests.Features;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>
/// The `contested` topic carries the claims that are contested, and those that may just have stopped being (so a
/// list can drop them); a claim that was only opened or linked and is not contested concerns no contested list.
/// </summary>
public sealed class LiveContestedListTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    [Fact]
    public async Task The_contested_list_hears_a_claim_when_it_becomes_contested_and_when_it_stops_and_nothing_else_live_and_on_replay()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        var mark = await client.Subscribe("contested");
        var (_, a) = await Host.PostStory("Port Authority chief Ruth Vance", "the harbour would stay open");
        var (_, b) = await Host.PostStory("Union leader Omar Dias", "the harbour would close");
        var claimId = await OpenClaim("the harbour stays open");

        await Link(claimId, a[0].Id, "supports");                  // unverified: not for the contested list
        await Link(claimId, b[0].Id, "disputes");                  // contested
        var contested = await client.WaitFor(u => u.Str("id") == claimId);
        Assert.Equal(("contested", "linked"), (contested.Str("status"), contested.Str("change")));
        await Host.Send("DELETE", $"/api/claims/{claimId}/statements/{b[0].Id}", key: ApiFixture.FactCheckKey);   // leaves the list
        var left = await client.WaitFor(u => u.Str("id") == claimId && u.Seq() > contested.Seq());
        Assert.Equal("unlinked", left.Str("change"));
        Assert.NotEqual("contested", left.Str("status"));
        await Link(claimId, a[1].Id, "supports");                  // still not contested, and was not: nothing

        // A marker: a second claim made contested. Updates come in order, so whatever came before it has arrived.
        var markerId = await OpenClaim("the harbour closes");
        await Link(markerId, b[0].Id, "supports");
        await Link(markerId, a[0].Id, "disputes");
        await client.WaitFor(u => u.Str("id") == markerId);

        Assert.Equal([contested.Seq(), left.Seq()], client.Received.Where(u => u.Str("id") == claimId).Select(u => u.Seq()));
        Assert.All(client.Received, u => Assert.True(u.Str("status") == "contested" || u.Str("change") == "unlinked", u.GetRawText()));

        // A client that was away: the replay coalesces the claim's changes into its latest state. The page held an
        // unlink, so the claim may have left the list: it comes, not contested, and a list drops it.
        await using var resumed = await LiveClient.ConnectAsync(Host);
        await resumed.Subscribe("contested", mark);
        await resumed.WaitFor(u => u.Str("id") == markerId);
        var replayed = Assert.Single(resumed.Received, u => u.Str("id") == claimId);
        Assert.True(replayed.Seq() > left.Seq());
        Assert.NotEqual("contested", replayed.Str("status"));
    }

    [Fact]
    public void A_claim_that_stopped_and_was_linked_again_in_one_page_still_reaches_the_list()
    {
        LiveUpdate Change(long sequence, string change) => new()
        {
            Topic = LiveMessages.Contested, Sequence = sequence, Kind = "claim", Id = "c1", Version = sequence, Change = change,
        };
        // Unlinked (it may have been contested) and then linked again, coalesced into the link: not only added.
        var coalesced = Assert.Single(LiveMessages.Coalesce([Change(5, "unlinked"), Change(6, "linked")]));
        Assert.True(LiveMessages.ForContestedList(coalesced with { Status = "unverified" }));

        var added = Assert.Single(LiveMessages.Coalesce([Change(5, "opened"), Change(6, "linked")]));
        Assert.False(LiveMessages.ForContestedList(added with { Status = "unverified" }));
        Assert.True(LiveMessages.ForContestedList(added with { Status = "contested" }));
        // Other topics are never filtered.
        Assert.True(LiveMessages.ForContestedList(added with { Topic = "claim:c1", Status = "unverified" }));
    }

    private async Task<string> OpenClaim(string text) =>
        (await Host.PostJson("/api/claims", new { text = $"{text} {Guid.NewGuid():N}" }, ApiFixture.FactCheckKey, expect: 201)).Body.GetProperty("id").GetString()!;

    private Task Link(string claimId, string statementId, string stance) =>
        Host.PostJson($"/api/claims/{claimId}/statements", new { statementId, stance }, ApiFixture.FactCheckKey, expect: 200);
}
