using Alba;
using ClaimTracker.Server.Tests.Features;

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
}
