using ClaimTracker.Server.Live;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>The digest a page of several `feed` changes goes out as: pure functions, no server.</summary>
public sealed class LiveDigestTests
{
    private static LiveUpdate Story(long sequence) => new()
    {
        Topic = LiveMessages.Feed, Sequence = sequence, Kind = "article", Id = Guid.NewGuid().ToString(), Version = 2, Change = "ingested",
        Headline = $"Story {sequence}",
    };

    [Fact]
    public void A_digest_holds_every_change_in_order_and_stands_at_the_last_ones_sequence()
    {
        var stories = new[] { Story(10), Story(12), Story(15) };
        var digest = LiveMessages.Digest(stories);

        Assert.Equal(("feed", "digest", "gathered"), (digest.Topic, digest.Kind, digest.Change));
        Assert.Equal(15, digest.Sequence);   // a client resuming after it has all three
        Assert.Equal(3, digest.Count);
        Assert.Equal(stories, digest.Updates);
    }

    [Fact]
    public void A_client_that_already_has_part_of_a_digest_gets_only_the_rest()
    {
        var digest = LiveMessages.Digest([Story(10), Story(12), Story(15)]);

        var rest = LiveMessages.DigestAfter(digest, 12);

        Assert.Equal([15L], rest.Updates!.Select(u => u.Sequence));
        Assert.Equal(1, rest.Count);
        Assert.Equal(15, rest.Sequence);
    }
}
