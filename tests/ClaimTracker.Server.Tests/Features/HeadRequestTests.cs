using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>
/// HEAD, which link checkers, monitors and <c>curl -I</c> send: the same status and headers as GET, no body.
/// It used to be a 405 on every read.
/// </summary>
public sealed class HeadRequestTests(ApiFixture app) : ApiTest<ApiFixture>(app)
{
    [Theory]
    [InlineData("/api/claims")]
    [InlineData("/api/actors")]
    [InlineData("/api/articles")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task HEAD_on_a_read_answers_like_GET_without_a_body(string url)
    {
        var get = await Host.Send("GET", url);
        var head = await Host.Send("HEAD", url);
        Assert.Equal(200, get.Status);
        Assert.Equal(get.Status, head.Status);
        Assert.Equal(get.Result.Context.Response.ContentType, head.Result.Context.Response.ContentType);
        Assert.Equal("", await head.Result.ReadAsTextAsync());
        Assert.NotEqual("", await get.Result.ReadAsTextAsync());
    }

    [Fact]
    public async Task HEAD_on_something_missing_is_the_GET_404_and_HEAD_on_a_write_is_still_refused()
    {
        Assert.Equal(404, (await Host.Send("HEAD", $"/api/claims/{Guid.NewGuid()}")).Status);
        Assert.Equal(405, (await Host.Send("HEAD", "/api/actors/person-john-kerry/merge")).Status);
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_not_logged_as_a_server_error()
    {
        // Wolverine logs it under the body type's name; the client's 400 (BadInputTests) already says what is wrong.
        var logs = Host.Services.GetRequiredService<ILoggerFactory>();
        var bodies = ClaimTracker.Server.Features.Api.ApiSetup.RequestBodyTypes().ToList();
        Assert.Contains(bodies, t => t.Name == "OpenClaimRequest");
        Assert.All(bodies, t => Assert.False(logs.CreateLogger(t.FullName!).IsEnabled(LogLevel.Error), t.Name));
        Assert.True(logs.CreateLogger("ClaimTracker.Server.Features.Articles.SeedOnFirstStart").IsEnabled(LogLevel.Information));
    }
}
