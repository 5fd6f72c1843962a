namespace ClaimTracker.Server.Tests.Features;

/// <summary>
/// Requests a hurried or careless client sends: each gets a 4xx problem details answer saying what to send instead,
/// never a 500, and nothing stored changes.
/// </summary>
public sealed class BadInputTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    private static readonly string AnyId = Guid.NewGuid().ToString();

    [Theory]
    [InlineData("/api/claims")]
    [InlineData("/api/claims/{id}/statements")]
    [InlineData("/api/claims/{id}/verdict")]
    [InlineData("/api/claims/{id}/merge")]
    [InlineData("/api/statements/{id}/corrections")]
    [InlineData("/api/statements/{id}/retraction")]
    [InlineData("/api/actors/person-john-kerry/aliases")]
    [InlineData("/api/actors/person-john-kerry/merge")]
    public async Task A_JSON_body_of_null_is_a_400_saying_to_send_an_object(string route)
    {
        var events = await Host.EventCount();
        var answer = await Host.Send("POST", route.Replace("{id}", AnyId), "null", key: ApiFixture.AdminKey);
        answer.AssertProblem(400, "json-object-required");
        Assert.Contains("JSON object", answer.Body.GetProperty("detail").GetString());
        Assert.Equal(events, await Host.EventCount());
    }

    [Theory]
    [InlineData("/api/claims")]
    [InlineData("/api/actors")]
    public async Task A_page_far_past_the_end_is_an_empty_page_not_a_500(string list)
    {
        // (page - 1) * pageSize no longer fits an int here: it used to wrap to a negative OFFSET.
        var answer = await Host.Get($"{list}?page=50000000&pageSize=500");
        Assert.Equal(0, answer.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(50000000, answer.Body.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("/api/claims?page=3000000000")]
    [InlineData("/api/actors?pageSize=99999999999")]
    [InlineData("/api/actors/person-john-kerry?page=3000000000")]
    public async Task A_page_number_too_large_to_be_a_page_is_refused_rather_than_read_as_page_1(string url)
    {
        var answer = await Host.Get(url, expect: null);
        answer.AssertProblem(400, "query-invalid");
        Assert.Contains("whole number up to", answer.Body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/articles?search=%00")]
    [InlineData("/api/actors?search=ab%00cd")]
    [InlineData("/api/claims?status=%00")]
    public async Task A_NUL_character_in_a_query_value_is_a_400_not_a_500(string url)
    {
        // PostgreSQL refuses U+0000 in text: a search with one was a 500 with the database's error logged.
        var answer = await Host.Get(url, expect: null);
        answer.AssertProblem(400, "query-invalid");
        Assert.Contains("U+0000", answer.Body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/claims?status=contestd", "contested")]
    [InlineData("/api/actors?type=persn", "person")]
    public async Task A_misspelt_filter_is_refused_with_the_values_it_takes_instead_of_an_empty_list(string url, string listed)
    {
        var answer = await Host.Get(url, expect: null);
        answer.AssertProblem(400, "query-invalid");
        Assert.Contains(listed, answer.Body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/claims?status=CONTESTED")]
    [InlineData("/api/actors?type=Person")]
    public async Task Filter_values_are_taken_in_any_case(string url) =>
        Assert.Equal(200, (await Host.Get(url)).Status);

    [Theory]
    [InlineData("application/json", "{\"headline\": \"Nul story\", \"body\": \"LONDON (Reuters) - The minister said on Monday the \\u0000 talks would resume.\"}")]
    [InlineData("text/plain", "Nul plain story\n\nLONDON (Reuters) - The minister said on Monday the \0 talks would resume.\n")]
    public async Task An_article_with_a_NUL_character_is_stored_with_a_space_in_its_place(string contentType, string body)
    {
        // PostgreSQL refuses U+0000 in text and jsonb: this was a 500 (and an `ingest` of a binary file crashed on it).
        var stored = await Host.Send("POST", "/api/articles", body, contentType, ApiFixture.IngestKey, expect: 201);
        var id = stored.Body.GetProperty("articles")[0].GetProperty("id").GetString();
        var article = (await Host.Get($"/api/articles/{id}")).Body;
        var text = string.Join("\n", article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("the   talks", text.Replace("\u0000", "?"));
        Assert.Equal(1, article.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_id_in_the_path_is_a_404_that_says_what_ids_look_like()
    {
        var answer = await Host.Get("/api/claims/not-a-guid", expect: null);
        answer.AssertProblem(404, "route-not-found");
        Assert.Contains("GUIDs", answer.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_in_the_wrong_content_type_is_a_415_that_names_the_right_one()
    {
        var answer = await Host.Send("POST", "/api/claims", "text=hello", "text/plain", ApiFixture.AdminKey);
        answer.AssertProblem(415, "content-type-unsupported");
        Assert.Contains("application/json", answer.Body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/claims", "{\"text\": 5}", "$.text")]
    [InlineData("/api/claims", "{\"text\": ", "$")]
    [InlineData("/api/articles", "{\"headline\": \"x\", \"body\": \"y\", \"date\": \"soon\"}", "$.date")]
    public async Task JSON_the_server_cannot_read_is_a_400_naming_the_field_not_our_class_names(string route, string body, string field)
    {
        var answer = await Host.Send("POST", route, body, key: ApiFixture.AdminKey);
        answer.AssertProblem(400, "json-malformed");
        var detail = answer.Body.GetProperty("detail").GetString()!;
        Assert.Contains(field, detail);
        Assert.DoesNotContain("ClaimTracker.", detail);
    }

    [Fact]
    public async Task Reading_a_claim_at_a_version_it_never_had_says_which_version_it_is_at()
    {
        var claim = (await Host.PostJson("/api/claims", new { text = "the bridge will reopen in May" }, expect: 201)).Body;
        var id = claim.GetProperty("id").GetString();
        var future = await Host.Get($"/api/claims/{id}?version=99", expect: null);
        future.AssertProblem(404, "version-not-found");
        Assert.Contains("at version 1", future.Body.GetProperty("detail").GetString());
        var before = await Host.Get($"/api/claims/{id}?asOf=2000-01-01T00:00:00Z", expect: null);
        before.AssertProblem(404, "version-not-found");
        Assert.Contains("did not exist yet", before.Body.GetProperty("detail").GetString());
        (await Host.Get($"/api/claims/{Guid.NewGuid()}?version=1", expect: null)).AssertProblem(404, "claim-not-found");
    }

    [Theory]
    [InlineData("/api/claims/{id}?version=0")]
    [InlineData("/api/claims/{id}?version=-1")]
    [InlineData("/api/articles/{id}?version=-2")]
    [InlineData("/api/actors/person-john-kerry?version=0")]
    public async Task A_version_below_1_is_a_400(string url)
    {
        var answer = await Host.Get(url.Replace("{id}", AnyId), expect: null);
        answer.AssertProblem(400, "query-invalid");
    }

    [Fact]
    public async Task An_expected_claim_version_below_1_is_a_400_like_a_statement_version()
    {
        var id = (await Host.PostJson("/api/claims", new { text = "the dam will hold" }, expect: 201)).Body.GetProperty("id").GetString();
        var answer = await Host.PostJson($"/api/claims/{id}/verdict", new { rating = "false", summary = "no", expectedVersion = -1 });
        answer.AssertProblem(400, "version-invalid");
    }
}
