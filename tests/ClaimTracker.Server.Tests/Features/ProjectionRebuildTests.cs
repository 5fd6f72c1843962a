using System.Text.Json;
using ClaimTracker.Domain;
using JasperFx.Events.Daemon;
using Marten.Events.Daemon.Coordination;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Features;

public sealed class ProjectionRebuildTests(SeededApiFixture app) : ApiTest<SeededApiFixture>(app)
{
    private async Task<Dictionary<string, string>> Snapshot()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var docs = new Dictionary<string, string>();
        void Add<T>(IEnumerable<T> items, Func<T, object> id) { foreach (var d in items) docs[$"{typeof(T).Name}/{id(d)}"] = JsonSerializer.Serialize(d); }
        Add(await session.Query<ArticleView>().ToListAsync(), d => d.Id);
        Add(await session.Query<StatementView>().ToListAsync(), d => d.Id);
        Add(await session.Query<ClaimView>().ToListAsync(), d => d.Id);
        Add(await session.Query<ActorView>().ToListAsync(), d => d.Id);
        Add(await session.Query<ActorAlias>().ToListAsync(), d => d.Id);
        Add(await session.Query<ActorStatements>().ToListAsync(), d => d.Id);
        return docs;
    }

    [Fact]
    public async Task Rebuilding_every_projection_from_the_events_yields_the_same_documents()
    {
        // Give the store some history beyond ingestion: a claim with links, a correction, a retraction, an alias.
        var articles = App.FirstIngest.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var statements = (await Host.Get($"/api/articles/{articles[2]}")).Body.GetProperty("statements").EnumerateArray()
            .Select(s => s.GetProperty("statementId").GetString()).ToList();
        var claim = (await Host.PostJson("/api/claims", new { text = "rebuild" }, expect: 201)).Body.GetProperty("id").GetString();
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId = statements[0], stance = "supports" }, expect: 200);
        await Host.PostJson($"/api/claims/{claim}/statements", new { statementId = statements[1], stance = "disputes" }, expect: 200);
        await Host.PostJson($"/api/statements/{statements[0]}/corrections", new { changes = new { speaker = "Rebuild Person" }, reason = "test" }, expect: 200);
        await Host.PostJson($"/api/statements/{statements[1]}/retraction", new { reason = "test" }, expect: 200);
        await Host.CatchUp();

        var before = await Snapshot();
        Assert.True(before.Count > 200);

        // The host's own daemon (it runs the async actor projection) does the rebuild, so nothing races it.
        var daemon = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<ArticleProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<StatementProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<ClaimProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<ActorAliasProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<ActorProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<ActorStatementsProjection>(CancellationToken.None);
        await Host.CatchUp();
        var after = await Snapshot();

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (key, json) in before)
        {
            var rebuilt = after[key];
            var at = Enumerable.Range(0, Math.Min(json.Length, rebuilt.Length)).FirstOrDefault(i => json[i] != rebuilt[i], -1);
            Assert.True(json == rebuilt, $"{key} differs after rebuild at {at}: ...{json.Substring(Math.Max(0, at - 80), Math.Min(160, json.Length - Math.Max(0, at - 80)))}");
        }
    }
}
