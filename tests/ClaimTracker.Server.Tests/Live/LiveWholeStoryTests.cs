using ClaimTracker.Domain;
using ClaimTracker.Server.Live;
using ClaimTracker.Server.Tests.Features;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>An app nobody writes to: these tests hand the pump its inputs themselves.</summary>
public sealed class LiveWholeStoryFixture : ApiFixture;

/// <summary>
/// A story is one transaction: its article and its statements reach the feed as one message, even when the daemon's
/// page ends inside that transaction. That happens when a concurrent writer takes a sequence number between the
/// article and its statements and has not committed yet: the daemon's high-water mark stops at that hole.
/// The interleaving depends on timing, so the pump (real, with the real broker, hub and SignalR client) is handed
/// exactly those commits and that daemon page here rather than waiting for PostgreSQL to produce them.
/// </summary>
public sealed class LiveWholeStoryTests(LiveWholeStoryFixture app) : ApiTest<LiveWholeStoryFixture>(app)
{
    [Fact]
    public async Task A_daemon_page_ending_inside_a_story_holds_the_article_until_its_statements_can_go_with_it()
    {
        var (client, pump, p) = await Start();
        await using var _ = client;
        var story = Story(p + 1, p + 3, p + 4);
        var other = Story(p + 2);

        pump.Committed(story);                                 // waits: p + 2 is a hole the daemon has not vouched for
        await pump.FromDaemonAsync([story[0]], p + 1, default); // the daemon stops at that hole, with half the story
        Assert.Empty(await client.Drain(300));
        Assert.Equal(p, Broker.Published);

        pump.Committed(other);                                 // the concurrent writer commits: the story is whole
        await client.WaitFor(u => u.Str("id") == Id(other[0]));
        await AssertStories(client, story, other);
        Assert.Equal(p + 4, Broker.Published);
    }

    [Fact]
    public async Task The_rest_of_a_held_story_can_come_from_the_daemon_when_another_process_wrote_the_gap()
    {
        var (client, pump, p) = await Start();
        await using var _ = client;
        var story = Story(p + 1, p + 3, p + 4);
        var elsewhere = Story(p + 2);   // another process: this server's fast path never hears of it

        pump.Committed(story);
        await pump.FromDaemonAsync([story[0]], p + 1, default);
        Assert.Empty(await client.Drain(300));

        await pump.FromDaemonAsync([elsewhere[0], story[1], story[2]], p + 4, default);
        await client.WaitFor(u => u.Str("id") == Id(story[0]));
        await AssertStories(client, story, elsewhere);
    }

    [Fact]
    public async Task A_burnt_sequence_number_the_daemon_vouched_for_no_longer_holds_back_the_stories_after_it()
    {
        var (client, pump, p) = await Start();
        await using var _ = client;
        var first = Story(p + 1);
        var second = Story(p + 3, p + 4);   // p + 2 was burnt by a rolled-back append

        pump.Committed(first);
        await client.WaitFor(u => u.Str("id") == Id(first[0]));
        pump.Committed(second);
        Assert.Single(await client.Drain(300));   // only the first story: p + 2 might still commit

        await pump.FromDaemonAsync([first[0], second[0], second[1]], p + 4, default);
        await client.WaitFor(u => u.Str("id") == Id(second[0]));
        await AssertStories(client, first, second);
        Assert.Equal(p + 4, Broker.Published);

        // The next local commit continues from there at once: the hole is behind it for good.
        var third = Story(p + 5);
        pump.Committed(third);
        await client.WaitFor(u => u.Str("id") == Id(third[0]));
    }

    private LiveBroker Broker => Host.Services.GetRequiredService<LiveBroker>();

    private async Task<(LiveClient Client, LivePump Pump, long Published)> Start()
    {
        var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("feed");
        var pump = Host.Services.GetRequiredService<LivePump>();
        // Wait until the pump has settled on where it stands (it asks the database once, at its first turn).
        await pump.FromDaemonAsync([], Broker.Published, default);
        return (client, pump, Broker.Published);
    }

    /// <summary>One article's transaction: the article at the first sequence, a statement at each of the others.</summary>
    private static List<IEvent> Story(params long[] sequences)
    {
        var articleId = Guid.NewGuid();
        var data = LiveStories.StoryEvents(articleId, "Story " + articleId, [.. sequences.Skip(1).Select(_ => Guid.NewGuid())]);
        var events = new List<IEvent>();
        for (var i = 0; i < data.Count; i++)
        {
            IEvent e = data[i] is ArticleIngested a ? new Event<ArticleIngested>(a) : new Event<StatementRecorded>((StatementRecorded)data[i]);
            e.Sequence = sequences[i];
            e.StreamId = articleId;
            e.Version = i + 1;
            events.Add(e);
        }
        return events;
    }

    private static string Id(IEvent article) => ((ArticleIngested)article.Data).ArticleId.ToString();

    /// <summary>Each story arrived once, as one article update carrying all its statements, in sequence order.</summary>
    private static async Task AssertStories(LiveClient client, params List<IEvent>[] stories)
    {
        await client.Drain(300);
        client.Received.AssertInOrderOnce();
        Assert.Equal(stories.Length, client.Received.Count);
        foreach (var story in stories)
        {
            var update = Assert.Single(client.Received, u => u.Str("kind") == "article" && u.Str("id") == Id(story[0]));
            Assert.Equal(story[^1].Sequence, update.Seq());
            Assert.Equal(story.Skip(1).Select(e => ((StatementRecorded)e.Data).StatementId.ToString()),
                update.WithNested().Skip(1).Select(s => s.Str("id")));
        }
    }
}

/// <summary>The app with the daemon reading two events per page, so a three-event story is cut by its paging.</summary>
public sealed class LiveSmallPagesFixture : ApiFixture
{
    protected override void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("Live:DaemonPageSize", "2");
    }
}

public sealed class LiveDaemonPagingTests(LiveSmallPagesFixture app) : ApiTest<LiveSmallPagesFixture>(app)
{
    [Fact]
    public async Task A_story_another_process_wrote_reaches_the_feed_whole_though_the_daemon_reads_it_in_two_pages()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("feed");
        // Another writer on the same database (a command-line ingest): only the daemon sees its commits.
        await using var elsewhere = LiveStories.OtherProcess(App.ConnectionString);
        var articleId = Guid.NewGuid();
        var statements = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var session = elsewhere.LightweightSession())
        {
            session.Events.StartStream(articleId, [.. LiveStories.StoryEvents(articleId, "Written elsewhere", statements)]);
            await session.SaveChangesAsync();
        }

        var story = await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == articleId.ToString());
        Assert.Equal(statements.Select(s => s.ToString()), story.WithNested().Skip(1).Select(s => s.Str("id")));
        await client.Drain(500);
        Assert.Single(client.Received);   // the statements did not come again one by one
    }
}
