using System.Text.Json;
using ClaimTracker.Domain;
using ClaimTracker.Server.Infrastructure;
using ClaimTracker.Server.Live;
using ClaimTracker.Server.Tests.Features;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>
/// The pump's two sources: this server's own commits (fast path) and the async daemon (everything, from anyone).
/// Whatever mix delivers them, a feed subscriber sees every story once, in sequence order.
/// </summary>
public sealed class LiveFastPathTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    [Fact]
    public async Task Stories_posted_at_the_same_time_reach_the_feed_once_each_in_order_with_their_statements()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("feed");
        var pump = Host.Services.GetRequiredService<LivePump>();
        var fastBefore = Interlocked.Read(ref pump.FastPages);

        // Concurrent writers: sequences interleave across transactions and commits land out of order.
        var posted = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Host.PostStory($"Minister Burst{i} Example", $"the burst talks would resume in round {i}")));

        foreach (var (articleId, _) in posted) await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == articleId);
        await client.Drain(500);
        var stories = client.Received.Where(u => u.Str("kind") == "article").ToList();
        Assert.Equal(posted.Select(p => p.ArticleId).OrderBy(x => x), stories.Select(u => u.Str("id")).OrderBy(x => x));   // each once
        client.Received.AssertInOrderOnce();
        foreach (var (articleId, statements) in posted)
        {
            var story = stories.Single(u => u.Str("id") == articleId);
            var nested = story.WithNested().Skip(1).Select(s => s.Str("id")).ToList();
            Assert.Equal(statements.Select(s => s.Id).OrderBy(x => x), nested.OrderBy(x => x));   // its statements ride inside, once
        }
        Assert.True(Interlocked.Read(ref pump.FastPages) > fastBefore, "this server's own commits went out without waiting for the daemon");
    }

    [Fact]
    public async Task Stories_another_process_writes_come_through_the_daemon_in_order_between_our_own()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("feed");
        // Another writer on the same database: its commits are invisible to this server's fast path.
        await using var elsewhere = LiveStories.OtherProcess(App.ConnectionString);

        var expected = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            expected.Add(await WriteElsewhere(elsewhere, $"Written elsewhere {i}"));
            expected.Add((await Host.PostStory($"Minister Mixed{i} Example", $"the mixed talks would resume in round {i}")).ArticleId);
        }

        foreach (var id in expected) await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == id);
        await client.Drain(500);
        var stories = client.Received.Where(u => u.Str("kind") == "article").Select(u => u.Str("id")).ToList();
        Assert.Equal(expected, stories);   // commit order, each once
        client.Received.AssertInOrderOnce();
    }

    [Fact]
    public async Task A_story_behind_a_sequence_hole_still_arrives_once_after_the_daemon_skips_the_hole()
    {
        await using var client = await LiveClient.ConnectAsync(Host);
        await client.Subscribe("feed");
        var before = await Host.PostStory("Minister Before Example", "the talks before the hole would resume");
        await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == before.ArticleId);

        // A rolled-back append burns sequence numbers nobody will ever commit: the fast path must not jump it.
        await using (var conn = new NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync();
            await using var burn = new NpgsqlCommand($"select nextval('{EventStoreSetup.SchemaName}.mt_events_sequence')", conn);
            await burn.ExecuteScalarAsync();
        }
        var after = await Host.PostStory("Minister After Example", "the talks after the hole would resume");

        await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == after.ArticleId, seconds: 90);
        await client.Drain(500);
        Assert.Single(client.Received, u => u.Str("kind") == "article" && u.Str("id") == after.ArticleId);
        var sequences = client.Received.Select(u => u.Seq()).ToList();
        Assert.Equal(sequences.OrderBy(q => q), sequences);
    }

    private static async Task<string> WriteElsewhere(IDocumentStore store, string headline)
    {
        var id = Guid.NewGuid();
        await using var session = store.LightweightSession();
        session.Events.StartStream(id, [.. LiveStories.StoryEvents(id, headline)]);
        await session.SaveChangesAsync();
        return id.ToString();
    }
}

/// <summary>The app with burst pacing from the first connection on (normally from 100), so a few clients exercise it.</summary>
public sealed class LivePacingFixture : ApiFixture
{
    protected override void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("Live:LargeFanout", "1");
    }
}

public sealed class LivePacingTests(LivePacingFixture app) : ApiTest<LivePacingFixture>(app)
{
    [Fact]
    public async Task A_burst_gathered_into_fewer_pages_still_delivers_every_story_and_statement_once_in_order()
    {
        await using var json = await LiveClient.ConnectAsync(Host);
        await using var msgpack = await LiveClient.ConnectAsync(Host, messagePack: true);
        await json.Subscribe("feed");
        await msgpack.Subscribe("feed");

        // Three waves of concurrent writers: later writes start while earlier fan-outs are still going out.
        var posted = new List<(string ArticleId, List<(string Id, string ActorId)> Statements)>();
        for (var wave = 0; wave < 3; wave++)
            posted.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Host.PostStory($"Minister Wave{wave}x{i} Example", $"the wave talks would resume in round {wave}-{i}"))));

        foreach (var client in new[] { json, msgpack })
        {
            foreach (var (articleId, _) in posted) await client.WaitFor(u => u.Str("kind") == "article" && u.Str("id") == articleId);
            await client.Drain(500);
            var stories = client.Received.Where(u => u.Str("kind") == "article").ToList();
            Assert.Equal(posted.Select(p => p.ArticleId).OrderBy(x => x), stories.Select(u => u.Str("id")).OrderBy(x => x));
            client.Received.AssertInOrderOnce();
            foreach (var (articleId, statements) in posted)
                Assert.Equal(statements.Select(s => s.Id).OrderBy(x => x),
                    stories.Single(u => u.Str("id") == articleId).WithNested().Skip(1).Select(s => s.Str("id")).OrderBy(x => x));
        }
    }
}
