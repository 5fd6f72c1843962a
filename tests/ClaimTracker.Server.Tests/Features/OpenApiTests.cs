using System.Text.Json;

namespace ClaimTracker.Server.Tests.Features;

public sealed class OpenApiTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    [Fact]
    public async Task Every_api_route_is_in_the_OpenAPI_document()
    {
        var doc = (await Host.Get("/openapi/v1.json")).Body.GetProperty("paths");
        string[] paths =
        [
            "/api/articles", "/api/articles/{id}", "/api/articles/{id}/attribution", "/api/actors", "/api/actors/{id}",
            "/api/actors/{id}/aliases", "/api/actors/{id}/merge", "/api/claims", "/api/claims/{id}", "/api/claims/{id}/statements",
            "/api/claims/{id}/statements/{statementId}", "/api/claims/{id}/verdict", "/api/claims/{id}/merge",
            "/api/statements/{id}", "/api/statements/{id}/corrections", "/api/statements/{id}/retraction", "/api/statements/{id}/history",
        ];
        foreach (var path in paths) Assert.True(doc.TryGetProperty(path, out _), $"{path} is missing from /openapi/v1.json");
        Assert.True(doc.GetProperty("/api/claims/{id}/statements").TryGetProperty("post", out var link));
        Assert.Equal("LinkStatement", link.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problem_details_too()
    {
        (await Host.Get("/api/nothing-here", expect: null)).AssertProblem(404);
        (await Host.Send("PUT", "/api/claims", "{}", key: ApiFixture.AdminKey)).AssertProblem(405);
    }

    [Fact]
    public async Task Posting_articles_documents_both_the_plain_text_and_the_JSON_body()
    {
        var doc = (await Host.Get("/openapi/v1.json")).Body;
        var post = doc.GetProperty("paths").GetProperty("/api/articles").GetProperty("post");
        Assert.Equal("IngestArticles", post.GetProperty("operationId").GetString());
        var body = post.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        var content = body.GetProperty("content");
        Assert.Equal("string", content.GetProperty("text/plain").GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("(Reuters) -", content.GetProperty("text/plain").GetProperty("example").GetString());

        // The JSON form: {headline, body, dateline?, date?, source?}, inline or by reference to the components.
        var schema = content.GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["headline", "body", "dateline", "date", "source"], properties);
    }

    [Fact]
    public async Task Every_api_operation_documents_its_success_shape_and_its_refusals_as_problem_details()
    {
        var doc = (await Host.Get("/openapi/v1.json")).Body;
        Assert.False(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("IResult", out _), "IResult is not a shape a client can use");
        foreach (var path in doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/")))
        foreach (var op in path.Value.EnumerateObject())
        {
            var where = $"{op.Name.ToUpperInvariant()} {path.Name}";
            var responses = op.Value.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            var success = Assert.Single(responses, r => r.Key.StartsWith('2') && r.Key != "200" || r.Key == "200" && !responses.ContainsKey("201")).Value;
            Assert.True(success.GetProperty("content").GetProperty("application/json").GetProperty("schema").TryGetProperty("$ref", out _), $"{where}: success shape");
            Assert.True(responses.ContainsKey("401"), $"{where}: 401");
            if (op.Name != "get") Assert.True(responses.ContainsKey("403"), $"{where}: 403");
            Assert.Equal(path.Name.Contains('{'), responses.ContainsKey("404"));
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4'))
                Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where}: {status} is problem details");
        }
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/claims").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/api/claims").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/claims/{id}/verdict").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/articles").GetProperty("post").GetProperty("responses").TryGetProperty("413", out _));
    }

    [Theory]
    [InlineData("/api/claims", "status", "contested")]
    [InlineData("/api/actors", "type", "anonymous")]
    public async Task A_filter_with_a_fixed_set_of_values_lists_them(string path, string parameter, string oneValue)
    {
        var doc = (await Host.Get("/openapi/v1.json")).Body;
        var filter = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == parameter);
        Assert.Contains(oneValue, filter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }
}
