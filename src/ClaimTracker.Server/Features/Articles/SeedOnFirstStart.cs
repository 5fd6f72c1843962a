using ClaimTracker.Domain;
using Marten;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// When the store has no article yet, ingests the files of the seeds folder once the server has started, so the
/// first run shows real data. Off with <c>ClaimTracker:SeedOnStart=false</c>; folder from <c>ClaimTracker:SeedsFolder</c>
/// (default <c>seeds</c> in the current directory). Runs in the background: the server answers meanwhile.
/// </summary>
public sealed class SeedOnFirstStart(IConfiguration config, IDocumentStore store, ArticleIngestion ingestion, IArticleReader reader,
    IHostApplicationLifetime lifetime, ILogger<SeedOnFirstStart> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource();
            await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) { return; }
        await RemoveBulkLeftoversAsync(stoppingToken);

        if (string.Equals(config["ClaimTracker:SeedOnStart"], "false", StringComparison.OrdinalIgnoreCase)) return;
        var folder = Path.GetFullPath(config["ClaimTracker:SeedsFolder"] is { Length: > 0 } f ? f : "seeds");
        if (!Directory.Exists(folder)) return;
        try
        {
            await using (var query = store.QuerySession())
                if (await query.Events.QueryAllRawEvents().AnyAsync(stoppingToken)) return;   // events, not the async article view

            var total = 0;
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var articles = reader.ReadFile(file, "seed").ToList();
                await using var session = store.LightweightSession();
                var results = await ingestion.IngestAsync(session, articles, stoppingToken);
                await session.SaveChangesAsync(stoppingToken);
                total += results.Count(r => !r.Duplicate);
            }
            log.LogInformation("Seeded {Count} articles from {Folder}", total, folder);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogError(e, "Seeding from {Folder} failed; the store is unchanged for the failed file", folder); }
    }

    /// <summary>
    /// An `ingest` killed between a bulk batch's two commits leaves statement views without their article; the next
    /// bulk run removes them, and so does the server's start, in case the server starts first (ArticleImport).
    /// </summary>
    private async Task RemoveBulkLeftoversAsync(CancellationToken ct)
    {
        try
        {
            var removed = await ArticleImport.RemoveLeftoversUnlessImportingAsync(store, ct);
            if (removed > 0) log.LogWarning("Removed {Count} statement views an interrupted bulk import had left without their article", removed);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogWarning(e, "Could not check for statement views left by an interrupted bulk import"); }
    }
}
