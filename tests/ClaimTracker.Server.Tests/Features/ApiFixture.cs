using System.Net;
using System.Text;
using System.Text.Json;
using Alba;
using ClaimTracker.Server.Tests.Harness;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Features;

/// <summary>The app with three API keys (one per role), reads open, a 200 kB body limit and no seeding on start.</summary>
public class ApiFixture : AppFixture
{
    public const string AdminKey = "test-admin-key";
    public const string IngestKey = "test-ingest-key";
    public const string FactCheckKey = "test-factcheck-key";
    public const long MaxBodyBytes = 200_000;

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("CLAIMTRACKER_API_KEY", AdminKey);
        builder.UseSetting("ClaimTracker:ApiKeys:0:Name", "ingester");
        builder.UseSetting("ClaimTracker:ApiKeys:0:Key", IngestKey);
        builder.UseSetting("ClaimTracker:ApiKeys:0:Roles", "ingest");
        builder.UseSetting("ClaimTracker:ApiKeys:1:Name", "checker");
        builder.UseSetting("ClaimTracker:ApiKeys:1:Key", FactCheckKey);
        builder.UseSetting("ClaimTracker:ApiKeys:1:Roles", "factcheck");
        builder.UseSetting("ClaimTracker:MaxBodyBytes", MaxBodyBytes.ToString());
        builder.UseSetting("ClaimTracker:SeedOnStart", "false");
    }
}

/// <summary>
/// <see cref="ApiFixture"/> with the seed articles posted once at start (the answer is kept for the tests that
/// check the first ingest) and the async projections caught up.
/// </summary>
public class SeededApiFixture : ApiFixture, IAsyncLifetime
{
    public static string SeedText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt"));

    public int FirstIngestStatus { get; private set; }
    public JsonElement FirstIngest { get; private set; }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(SeedText).ToUrl("/api/articles");
            s.WithRequestHeader("Authorization", "Bearer " + IngestKey);
            s.IgnoreStatusCode();
        });
        FirstIngestStatus = result.Context.Response.StatusCode;
        FirstIngest = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
        await Host.ForceAllMartenDaemonActivityToCatchUpAsync(CancellationToken.None);
    }
}

public static class Api
{
    /// <summary>Sends a request with an exact body and content type, and checks the status.</summary>
    public static async Task<(int Status, JsonElement Body, IScenarioResult Result)> Send(this IAlbaHost host, string method, string url,
        string? body = null, string contentType = "application/json", string? key = null, int? expect = null)
    {
        var result = await host.Scenario(s =>
        {
            switch (method)
            {
                case "GET": s.Get.Url(url); break;
                case "HEAD": s.Get.Url(url); s.ConfigureHttpContext(c => c.Request.Method = "HEAD"); break;
                case "DELETE": s.Delete.Url(url); break;
                case "PUT": s.Put.Url(url); break;
                default: s.Post.Url(url); break;
            }
            if (body is not null)
                s.ConfigureHttpContext(c =>
                {
                    var bytes = Encoding.UTF8.GetBytes(body);
                    c.Request.ContentType = contentType;
                    c.Request.ContentLength = bytes.Length;
                    c.Request.Body = new MemoryStream(bytes);
                });
            if (key is not null) s.WithRequestHeader("Authorization", "Bearer " + key);
            if (expect is { } status) s.StatusCodeShouldBe(status);
            else s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (result.Context.Response.StatusCode, json, result);
    }

    public static Task<(int Status, JsonElement Body, IScenarioResult Result)> PostJson(this IAlbaHost host, string url, object body,
        string? key = ApiFixture.AdminKey, int? expect = null) =>
        host.Send("POST", url, JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), key: key, expect: expect);

    public static Task<(int Status, JsonElement Body, IScenarioResult Result)> Get(this IAlbaHost host, string url, int? expect = 200) =>
        host.Send("GET", url, expect: expect);

    /// <summary>A problem details answer: the right status, the problem content type and our code.</summary>
    public static void AssertProblem(this (int Status, JsonElement Body, IScenarioResult Result) response, int status, string? code = null)
    {
        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.Result.Context.Response.ContentType);
        Assert.Equal(status, response.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(response.Body.GetProperty("title").GetString()));
        if (code is not null) Assert.Equal(code, response.Body.GetProperty("code").GetString());
    }

    public static async Task<long> EventCount(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    public static Task CatchUp(this IAlbaHost host) => host.ForceAllMartenDaemonActivityToCatchUpAsync(CancellationToken.None);
}

public abstract class ApiTest<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected TFixture App { get; } = app;
    protected IAlbaHost Host => App.Host;
}
