using Marten;

namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// Reads a single-stream document now (the inline projection) or as of a stream version or a moment, by folding
/// the stream's events again (Marten's AggregateStreamAsync), so the past is read from the events themselves.
/// </summary>
public static class TimeTravel
{
    public static async Task<T?> ReadAsync<T>(IQuerySession session, Guid id, long? version, DateTimeOffset? asOf, CancellationToken ct)
        where T : class
    {
        if (version is null && asOf is null) return await session.LoadAsync<T>(id, ct);
        return await session.Events.AggregateStreamAsync<T>(id, version ?? 0, asOf, token: ct);
    }
}
