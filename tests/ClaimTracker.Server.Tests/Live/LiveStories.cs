using Alba;
using ClaimTracker.Domain;
using ClaimTracker.Server.Infrastructure;
using ClaimTracker.Server.Tests.Features;
using JasperFx;
using Marten;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>Stories posted over HTTP (JSON ingestion) for the live tests.</summary>
public static class LiveStories
{
    private static int _stories;

    /// <summary>Posts a two-paragraph story (one paraphrase, one quote) and returns its article id and statements.
    /// The counter keeps every story's content unique, so ingestion never takes it for a duplicate.</summary>
    public static async Task<(string ArticleId, List<(string Id, string ActorId)> Statements)> PostStory(this IAlbaHost host, string speaker, string said)
    {
        var n = Interlocked.Increment(ref _stories);
        var body = $"GENEVA (Reuters) - {speaker} said on Monday that {said}.\n\"We will not accept this,\" {speaker} told reporters in story {n}.";
        var posted = await host.PostJson("/api/articles", new { headline = $"Story {n}: {said}", body }, ApiFixture.IngestKey, expect: 201);
        var articleId = posted.Body.GetProperty("articles")[0].GetProperty("id").GetString()!;
        var article = (await host.Get($"/api/articles/{articleId}")).Body;
        var statements = article.GetProperty("statements").EnumerateArray()
            .Select(s => (s.GetProperty("statementId").GetString()!, s.GetProperty("actorId").GetString()!)).ToList();
        Assert.NotEmpty(statements);
        return (articleId, statements);
    }

    /// <summary>
    /// Another writer on the app's database (a command-line ingest, say): its commits are invisible to the server's
    /// fast path, so only the async daemon brings them to the pump.
    /// </summary>
    public static DocumentStore OtherProcess(string connectionString) => DocumentStore.For(o =>
    {
        o.Connection(connectionString);
        o.DatabaseSchemaName = EventStoreSetup.SchemaName;
        o.AutoCreateSchemaObjects = AutoCreate.None;
        o.AddClaimTrackerDomain();
    });

    /// <summary>An article's events as ingestion appends them: the article, then one statement per id given.</summary>
    public static List<object> StoryEvents(Guid articleId, string headline, params Guid[] statementIds)
    {
        var events = new List<object>
        {
            new ArticleIngested(articleId, articleId.ToString("N"), headline, null, [], null, [], ["Text."], null, null, null, null,
                "another-process", DateTimeOffset.UtcNow),
        };
        for (var i = 0; i < statementIds.Length; i++)
            events.Add(new StatementRecorded(statementIds[i], articleId, i + 1, "s" + (i + 1), "test", "person:minister-example",
                new StatementAttribution { Speaker = "Minister Example", Cue = "said", Content = "the talks resume " + i }, headline, null,
                DateTimeOffset.UtcNow));
        return events;
    }
}
