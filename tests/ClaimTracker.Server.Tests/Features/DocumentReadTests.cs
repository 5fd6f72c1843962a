using System.Text.Json;
using Alba;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using ClaimTracker.Server.Infrastructure;
using JasperFx;
using Marten;
using ClaimTracker.Server.Tests.Live;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>
/// The document GETs (actor page, claim page): bounded answers, ETags and 304s, and the in-memory read cache, which
/// must never hide a committed write from the reader who made it.
/// </summary>
public sealed class DocumentReadTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    private const string Key = ApiFixture.FactCheckKey;
    private ReadCache Cache => Host.Services.GetRequiredService<ReadCache>();

    private async Task<(int Status, JsonElement Body, string? ETag)> Get(string url, string? ifNoneMatch = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (ifNoneMatch is not null) s.WithRequestHeader("If-None-Match", ifNoneMatch);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (result.Context.Response.StatusCode, body, result.Context.Response.Headers.ETag.ToString());
    }

    /// <summary>GETs the URL twice and checks that the second answer came from the cache (so the test below tests it).</summary>
    private async Task<JsonElement> GetCached(string url, string key)
    {
        var first = await Get(url);
        Assert.Equal(200, first.Status);
        var hits = Interlocked.Read(ref Cache.Hits);
        var second = await Get(url);
        Assert.NotNull(Cache.Find(key));
        Assert.True(Interlocked.Read(ref Cache.Hits) > hits, "the second read was not served from the cache");
        Assert.Equal(first.ETag, second.ETag);
        return second.Body;
    }

    /// <summary>Letters only, so a name with it still reads as a name to the extractor.</summary>
    private static string Tag() => new(Guid.NewGuid().ToString("N")[..6].Select(c => char.IsDigit(c) ? (char)('g' + c - '0') : c).ToArray());

    private async Task<string> OpenClaim(string text) =>
        (await Host.PostJson("/api/claims", new { text }, Key, expect: 201)).Body.GetProperty("id").GetString()!;

    [Fact]
    public async Task The_actor_page_pages_its_statements_and_carries_no_unbounded_lists()
    {
        var tag = Tag();
        for (var i = 0; i < 3; i++) await Host.PostStory($"Trade Minister Pia Lorn{tag}", $"tariffs would fall {i}");   // two statements each
        await Host.CatchUp();
        var actorId = (await Host.PostStory($"Trade Minister Pia Lorn{tag}", "tariffs would fall 3")).Statements[0].ActorId;
        await Host.CatchUp();

        var all = (await Host.Get($"/api/actors/{actorId}?pageSize=4")).Body;
        Assert.Equal(8, all.GetProperty("statementCount").GetInt32());
        Assert.Equal(8, all.GetProperty("total").GetInt64());
        var page1 = (await Host.Get($"/api/actors/{actorId}?pageSize=2&page=1")).Body;
        var page2 = (await Host.Get($"/api/actors/{actorId}?pageSize=2&page=2")).Body;
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(2, page2.GetProperty("pageSize").GetInt32());
        Assert.Equal(Ids(all), Ids(page1).Concat(Ids(page2)));
        Assert.Empty((await Host.Get($"/api/actors/{actorId}?pageSize=2&page=5")).Body.GetProperty("statements").EnumerateArray());

        var first = (await Host.Get($"/api/actors/{actorId}")).Body;
        Assert.Equal(25, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(8, first.GetProperty("statements").GetArrayLength());
        Assert.Equal(4, first.GetProperty("articleCount").GetInt32());
        Assert.Equal(4, first.GetProperty("articles").GetArrayLength());
        // The stored document's per-statement id list and its copy of the latest statements are not part of the answer.
        Assert.False(first.TryGetProperty("statementIds", out _));
        Assert.False(first.TryGetProperty("latestStatements", out _));
        Assert.False(first.TryGetProperty("actor", out _));

        static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_document_answer_has_an_etag_and_answers_304_to_it_until_the_document_changes()
    {
        var (_, statements) = await Host.PostStory($"Harbour Master Ivo Strand{Tag()}", "the port would close");
        await Host.CatchUp();
        var claim = await OpenClaim("the port closes");
        foreach (var url in new[] { $"/api/claims/{claim}", $"/api/actors/{statements[0].ActorId}" })
        {
            var first = await Get(url);
            Assert.Equal(200, first.Status);
            Assert.False(string.IsNullOrEmpty(first.ETag));
            var again = await Get(url, first.ETag);
            Assert.Equal(304, again.Status);
            Assert.Equal(first.ETag, again.ETag);
            Assert.Equal(200, (await Get(url, "\"something-else\"")).Status);
        }

        // A link changes the claim (inline, at once) and the actor (async, after the daemon): both answer 200 again.
        var claimTag = (await Get($"/api/claims/{claim}")).ETag;
        var actorTag = (await Get($"/api/actors/{statements[0].ActorId}")).ETag;
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId = statements[0].Id, stance = "supports" }, Key, expect: 200);
        var changed = await Get($"/api/claims/{claim}", claimTag);
        Assert.Equal(200, changed.Status);
        Assert.NotEqual(claimTag, changed.ETag);
        await Host.CatchUp();
        Assert.Equal(200, (await Get($"/api/actors/{statements[0].ActorId}", actorTag)).Status);
    }

    [Fact]
    public async Task With_the_cache_on_a_claim_link_and_a_verdict_are_seen_by_the_next_read()
    {
        Assert.True(Cache.Enabled);
        var (_, statements) = await Host.PostStory($"Central Bank Governor Rune Vell{Tag()}", "rates would stay on hold");
        var claim = await OpenClaim("rates stay on hold");
        var url = $"/api/claims/{claim}";
        Assert.Empty((await GetCached(url, ReadCache.ClaimKey(Guid.Parse(claim)))).GetProperty("links").EnumerateArray());

        await Host.PostJson($"{url}/statements", new { statementId = statements[0].Id, stance = "supports" }, Key, expect: 200);
        var linked = (await Host.Get(url)).Body;
        Assert.Equal(statements[0].Id, Assert.Single(linked.GetProperty("links").EnumerateArray()).GetProperty("statement").GetProperty("statementId").GetString());

        await GetCached(url, ReadCache.ClaimKey(Guid.Parse(claim)));
        await Host.PostJson($"{url}/verdict", new { rating = "mostly-true", summary = "The minutes say so." }, Key, expect: 200);
        var rated = (await Host.Get(url)).Body;
        Assert.Equal("mostly-true", rated.GetProperty("verdict").GetProperty("rating").GetString());
    }

    [Fact]
    public async Task With_the_cache_on_a_verdict_another_process_writes_is_seen_once_the_daemon_has_it()
    {
        var claim = await OpenClaim("the harbour reopens in spring");
        var url = $"/api/claims/{claim}";
        Assert.Equal(JsonValueKind.Null, (await GetCached(url, ReadCache.ClaimKey(Guid.Parse(claim)))).GetProperty("verdict").ValueKind);

        // Another writer on the same database (a CLI run while the server runs): this server's session listener never
        // hears of it, only its async daemon does.
        await using (var elsewhere = DocumentStore.For(o =>
        {
            o.Connection(App.ConnectionString);
            o.DatabaseSchemaName = EventStoreSetup.SchemaName;
            o.AutoCreateSchemaObjects = AutoCreate.None;
            o.AddClaimTrackerDomain();
        }))
        await using (var session = elsewhere.LightweightSession())
        {
            var id = Guid.Parse(claim);
            session.Events.Append(id, new VerdictIssued(id, "false", "Written by another process.", "elsewhere", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        await Host.CatchUp();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? rating = null;
        while (DateTime.UtcNow < deadline)
        {
            var verdict = (await Get(url)).Body.GetProperty("verdict");
            rating = verdict.ValueKind == JsonValueKind.Null ? null : verdict.GetProperty("rating").GetString();
            if (rating is not null) break;
            await Task.Delay(100);
        }
        Assert.Equal("false", rating);
    }

    [Fact]
    public async Task With_the_cache_on_a_statement_correction_is_seen_on_the_claim_at_once_and_on_both_actors_after_the_daemon()
    {
        var tag = Tag();
        var (_, statements) = await Host.PostStory($"Fisheries Minister Ola Brekk{tag}", "quotas would be cut");
        var (statementId, oldActor) = statements[0];
        var claim = await OpenClaim("quotas are cut " + tag);
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId, stance = "supports" }, Key, expect: 200);
        await Host.CatchUp();
        await GetCached($"/api/claims/{claim}", ReadCache.ClaimKey(Guid.Parse(claim)));
        var before = await GetCached($"/api/actors/{oldActor}", ReadCache.ActorKey(oldActor));
        Assert.Contains(before.GetProperty("statements").EnumerateArray(), s => s.GetProperty("id").GetString() == statementId);

        var corrected = await Host.PostJson($"/api/statements/{statementId}/corrections",
            new { changes = new Dictionary<string, string?> { ["speaker"] = $"Kari Holm{tag}", ["speaker_type"] = "person", ["anonymous"] = "false" }, reason = "misattributed" },
            Key, expect: 200);
        var newActor = corrected.Body.GetProperty("actorId").GetString()!;
        // The claim is inline: the very next read sees the new speaker.
        var link = Assert.Single((await Host.Get($"/api/claims/{claim}")).Body.GetProperty("links").EnumerateArray());
        Assert.Equal($"Kari Holm{tag}", link.GetProperty("statement").GetProperty("speaker").GetString());
        // The actor pages are async: once the daemon has committed them, no kept answer hides the move.
        await Host.CatchUp();
        var after = (await Host.Get($"/api/actors/{oldActor}")).Body;
        Assert.DoesNotContain(after.GetProperty("statements").EnumerateArray(), s => s.GetProperty("id").GetString() == statementId);
        Assert.Equal(before.GetProperty("statementCount").GetInt32() - 1, after.GetProperty("statementCount").GetInt32());
        var moved = (await Host.Get($"/api/actors/{newActor}")).Body;
        Assert.Equal(statementId, Assert.Single(moved.GetProperty("statements").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task With_the_cache_on_an_alias_and_a_merge_are_seen_once_the_daemon_has_them()
    {
        var tag = Tag();
        var survivor = (await Host.PostStory($"Mayor Edda Quist{tag}", "the bridge would reopen")).Statements[0].ActorId;
        var absorbed = (await Host.PostStory($"Mayor Eda Quist{tag}", "the ferry would run")).Statements[0].ActorId;
        await Host.CatchUp();
        await GetCached($"/api/actors/{survivor}", ReadCache.ActorKey(survivor));
        var absorbedBefore = await GetCached($"/api/actors/{absorbed}", ReadCache.ActorKey(absorbed));
        Assert.Equal(absorbed, absorbedBefore.GetProperty("id").GetString());

        await Host.PostJson($"/api/actors/{survivor}/aliases", new { alias = $"E. Quist{tag}" }, ApiFixture.AdminKey, expect: 200);
        await Host.CatchUp();
        Assert.Contains($"E. Quist{tag}", (await Host.Get($"/api/actors/{survivor}")).Body.GetProperty("names").EnumerateArray().Select(n => n.GetString()));

        await GetCached($"/api/actors/{survivor}", ReadCache.ActorKey(survivor));
        await Host.PostJson($"/api/actors/{survivor}/merge", new { actorId = absorbed, reason = "one mayor" }, ApiFixture.AdminKey, expect: 200);
        await Host.CatchUp();
        var merged = (await Host.Get($"/api/actors/{survivor}")).Body;
        Assert.Equal(4, merged.GetProperty("statementCount").GetInt32());
        Assert.Equal(4, merged.GetProperty("statements").GetArrayLength());
        // The absorbed actor's kept answer is gone: it now answers with the survivor.
        Assert.Equal(survivor, (await Host.Get($"/api/actors/{absorbed}")).Body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task OpenAPI_describes_the_actor_and_claim_answers()
    {
        var doc = (await Host.Get("/openapi/v1.json")).Body;
        foreach (var (path, fields) in new[] { ("/api/actors/{id}", new[] { "name", "statementCount", "statements", "page", "pageSize", "total" }),
                     ("/api/claims/{id}", new[] { "text", "status", "links" }) })
        {
            var schema = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference))
                schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(fields, f => Assert.Contains(f, properties));
        }
    }

    [Fact]
    public void A_reader_that_loaded_before_an_invalidation_cannot_keep_its_answer()
    {
        var cache = new ReadCache();
        var answer = new JsonAnswer("{}"u8.ToArray());
        var generation = cache.Generation("claim:x");      // the reader, before its load
        cache.Invalidate("claim:x");                       // a commit lands while it loads
        cache.Keep("claim:x", generation, answer);         // it tries to keep what it loaded
        Assert.Null(cache.Find("claim:x"));

        cache.Keep("claim:x", cache.Generation("claim:x"), answer);
        Assert.Same(answer, cache.Find("claim:x"));
        cache.Invalidate("claim:x");
        Assert.Null(cache.Find("claim:x"));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void The_cache_stays_within_its_memory_bound()
    {
        var cache = new ReadCache(maxBytes: 10_000);
        for (var i = 0; i < 100; i++) cache.Keep("k" + i, cache.Generation("k" + i), new JsonAnswer(new byte[1_000]));
        Assert.InRange(cache.Bytes, 1_000, 10_000);
        Assert.Equal(cache.Bytes, cache.Count * 1_000L);
        Assert.NotNull(cache.Find("k99"));                  // the newest is kept; older ones made room
    }
}
