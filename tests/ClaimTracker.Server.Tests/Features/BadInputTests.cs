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
}
