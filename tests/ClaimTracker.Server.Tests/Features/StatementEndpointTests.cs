namespace ClaimTracker.Server.Tests.Features;

public sealed class StatementEndpointTests(SeededApiFixture app) : ApiTest<SeededApiFixture>(app)
{
    private const string Key = ApiFixture.FactCheckKey;

    private async Task<(string ArticleId, List<(string Id, string Speaker, string ActorId)> Statements)> Article(int index)
    {
        var id = App.FirstIngest.GetProperty("articles")[index].GetProperty("id").GetString()!;
        var body = (await Host.Get($"/api/articles/{id}")).Body;
        return (id, body.GetProperty("statements").EnumerateArray().Select(s => (s.GetProperty("statementId").GetString()!,
            s.GetProperty("attribution").GetProperty("speaker").GetString()!, s.GetProperty("actorId").GetString()!)).ToList());
    }

    [Fact]
    public async Task A_speaker_correction_keeps_both_values_in_history_and_moves_the_statement_to_the_new_actor()
    {
        var (articleId, statements) = await Article(4);
        var (id, speaker, actorId) = statements[0];
        // Before any change the history holds the "recorded" entry, in both reads.
        foreach (var url in new[] { $"/api/statements/{id}", $"/api/statements/{id}/history" })
        {
            var first = (await Host.Get(url)).Body.GetProperty("history")[0];
            Assert.Equal(("recorded", actorId), (first.GetProperty("kind").GetString(), first.GetProperty("actorId").GetString()));
            Assert.StartsWith("extractor claimtracker-extraction", first.GetProperty("by").GetString());
        }
        var corrected = await Host.PostJson($"/api/statements/{id}/corrections",
            new { changes = new Dictionary<string, string?> { ["speaker"] = "Ali Haidar Test", ["speaker_type"] = "person", ["anonymous"] = "false" }, reason = "misattributed in extraction" },
            Key, expect: 200);
        Assert.Equal("person-ali-haidar-test", corrected.Body.GetProperty("actorId").GetString());

        var history = (await Host.Get($"/api/statements/{id}/history")).Body;
        Assert.Equal(speaker, history.GetProperty("original").GetProperty("speaker").GetString());
        Assert.Equal("Ali Haidar Test", history.GetProperty("current").GetProperty("speaker").GetString());
        Assert.Equal(("recorded", actorId), (history.GetProperty("history")[0].GetProperty("kind").GetString(),
            history.GetProperty("history")[0].GetProperty("actorId").GetString()));
        var correction = history.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "corrected");
        Assert.Equal("checker", correction.GetProperty("by").GetString());
        Assert.Equal("misattributed in extraction", correction.GetProperty("reason").GetString());
        var change = correction.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "speaker");
        Assert.Equal(speaker, change.GetProperty("oldValue").GetString());
        Assert.Equal("Ali Haidar Test", change.GetProperty("newValue").GetString());

        var article = (await Host.Get($"/api/articles/{articleId}")).Body;
        Assert.Contains(article.GetProperty("report").GetProperty("bySpeaker").EnumerateArray(), s => s.GetProperty("speaker").GetString() == "Ali Haidar Test");
        await Host.CatchUp();
        var actor = (await Host.Get("/api/actors/person-ali-haidar-test")).Body;
        Assert.Equal(1, actor.GetProperty("statementCount").GetInt32());
        Assert.Equal(id, actor.GetProperty("statements")[0].GetProperty("id").GetString());
        var previous = await Host.Get($"/api/actors/{actorId}", expect: null);
        if (previous.Status == 200)
            Assert.DoesNotContain(previous.Body.GetProperty("statements").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_retraction_takes_the_statement_out_of_the_report_and_out_of_its_claims()
    {
        var (articleId, statements) = await Article(5);
        var id = statements[^1].Id;
        var before = (await Host.Get($"/api/articles/{articleId}/attribution")).Body.GetProperty("report").GetProperty("statements").GetInt32();
        var claim = (await Host.PostJson("/api/claims", new { text = "retraction test" }, Key, expect: 201)).Body.GetProperty("id").GetString();
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId = id, stance = "supports" }, Key, expect: 200);

        var retracted = await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "quote belongs to another story" }, Key, expect: 200);
        Assert.True(retracted.Body.GetProperty("retracted").GetBoolean());
        var after = (await Host.Get($"/api/articles/{articleId}/attribution")).Body.GetProperty("report").GetProperty("statements").GetInt32();
        Assert.Equal(before - 1, after);
        var claimView = (await Host.Get($"/api/claims/{claim}")).Body;
        Assert.Equal(0, claimView.GetProperty("supportCount").GetInt32());
        Assert.Equal("retracted", claimView.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString());

        (await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "again" }, Key)).AssertProblem(409, "already-retracted");
        (await Host.PostJson($"/api/statements/{id}/corrections", new { changes = new { role = "x" }, reason = "r" }, Key)).AssertProblem(409, "statement-retracted");
    }

    [Fact]
    public async Task Bad_corrections_get_problem_details_and_change_nothing()
    {
        var (_, statements) = await Article(6);
        var id = statements[0].Id;
        var before = await Host.EventCount();
        (await Host.PostJson($"/api/statements/{id}/corrections", new { changes = new { evidence = "x" }, reason = "r" }, Key)).AssertProblem(400, "field-unknown");
        (await Host.PostJson($"/api/statements/{id}/corrections", new { changes = new { mode = "shouted" }, reason = "r" }, Key)).AssertProblem(400, "mode-unknown");
        (await Host.PostJson($"/api/statements/{id}/corrections", new { changes = new { role = "x" } }, Key)).AssertProblem(400, "reason-missing");
        (await Host.PostJson($"/api/statements/{id}/corrections", new { reason = "r" }, Key)).AssertProblem(400, "changes-missing");
        (await Host.PostJson($"/api/statements/{Guid.NewGuid()}/corrections", new { changes = new { role = "x" }, reason = "r" }, Key)).AssertProblem(404, "statement-not-found");
        (await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "" }, Key)).AssertProblem(400, "reason-missing");
        (await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "r" }, ApiFixture.IngestKey)).AssertProblem(403);
        (await Host.Get($"/api/statements/{Guid.NewGuid()}/history", expect: null)).AssertProblem(404);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_stale_expected_version_on_a_correction_or_retraction_is_a_409_and_changes_nothing()
    {
        var (_, statements) = await Article(8);
        var id = statements[1].Id;
        var version = (await Host.Get($"/api/statements/{id}")).Body.GetProperty("version").GetInt64();
        Assert.True(version >= 1);

        var corrected = await Host.PostJson($"/api/statements/{id}/corrections",
            new { changes = new { role = "spokesman" }, reason = "role in paragraph 2", expectedVersion = version }, Key, expect: 200);
        Assert.Equal(version + 1, corrected.Body.GetProperty("version").GetInt64());
        Assert.Equal(version + 1, (await Host.Get($"/api/statements/{id}/history")).Body.GetProperty("version").GetInt64());

        // Someone who read the statement before that correction is refused, whatever they send.
        var events = await Host.EventCount();
        (await Host.PostJson($"/api/statements/{id}/corrections",
            new { changes = new { role = "minister" }, reason = "stale reading", expectedVersion = version }, Key)).AssertProblem(409, "version-conflict");
        (await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "stale reading", expectedVersion = version }, Key)).AssertProblem(409, "version-conflict");
        Assert.Equal(events, await Host.EventCount());
        var current = (await Host.Get($"/api/statements/{id}")).Body;
        Assert.Equal("spokesman", current.GetProperty("current").GetProperty("role").GetString());
        Assert.False(current.GetProperty("retracted").GetBoolean());

        // With the current version the retraction goes through.
        var retracted = await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "withdrawn", expectedVersion = version + 1 }, Key, expect: 200);
        Assert.True(retracted.Body.GetProperty("retracted").GetBoolean());
        Assert.Equal(version + 2, retracted.Body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Bad_expected_versions_are_400_problems_and_change_nothing()
    {
        var (_, statements) = await Article(8);
        var id = statements[^1].Id;
        var events = await Host.EventCount();
        (await Host.PostJson($"/api/statements/{id}/corrections", new { changes = new { role = "x" }, reason = "r", expectedVersion = 0 }, Key)).AssertProblem(400, "version-invalid");
        (await Host.PostJson($"/api/statements/{id}/retraction", new { reason = "r", expectedVersion = -3 }, Key)).AssertProblem(400, "version-invalid");
        (await Host.Send("POST", $"/api/statements/{id}/corrections", "{\"changes\":{\"role\":\"x\"},\"reason\":\"r\",\"expectedVersion\":\"abc\"}", key: Key)).AssertProblem(400);
        (await Host.Send("POST", $"/api/statements/{id}/retraction", "{\"reason\":\"r\",\"expectedVersion\":1.5}", key: Key)).AssertProblem(400);
        (await Host.PostJson($"/api/statements/{Guid.NewGuid()}/retraction", new { reason = "r", expectedVersion = 1 }, Key)).AssertProblem(404, "statement-not-found");
        Assert.Equal(events, await Host.EventCount());
    }
}
