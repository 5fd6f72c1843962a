using Wolverine.Http;

namespace ClaimTracker.Server.Features.ClaimMatching;

/// <summary>
/// Runs the matcher in the background after start and then every few seconds (<c>ClaimMatching:IntervalSeconds</c>,
/// default 2; 0 turns the loop off), so claims lag ingestion a little and never slow an HTTP write.
/// </summary>
public sealed class ClaimMatchingService(ClaimMatchingRun run, IConfiguration config, IHostApplicationLifetime lifetime,
    ILogger<ClaimMatchingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue<double?>("ClaimMatching:IntervalSeconds") ?? 2;
        if (seconds <= 0) return;
        try
        {
            var started = new TaskCompletionSource();
            await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await run.RunAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Claim matching pass failed; will retry"); }
                await Task.Delay(TimeSpan.FromSeconds(seconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }
}

public static class RunClaimMatchingEndpoint
{
    /// <summary>POST /api/claims/matching: run the matcher now over statements on no claim (idempotent).</summary>
    [WolverinePost("/api/claims/matching", OperationId = "RunClaimMatching")]
    [Tags("Claims")]
    public static Task<ClaimMatchingResult> Post(ClaimMatchingRun run, CancellationToken ct) => run.RunAsync(ct);

    public static IServiceCollection AddClaimMatching(this IServiceCollection services)
    {
        services.AddSingleton<ClaimMatchingRun>();
        services.AddHostedService<ClaimMatchingService>();
        return services;
    }
}
