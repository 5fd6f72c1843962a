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
}
