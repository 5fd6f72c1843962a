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

    /// <summary>
    /// The same for a document built by the async daemon: "now" is Marten's FetchLatest (the stored document plus
    /// any events of the stream the daemon has not applied yet), so a reader sees a write the moment it commits.
    /// </summary>
    public static async Task<T?> ReadLatestAsync<T>(IQuerySession session, Guid id, long? version, DateTimeOffset? asOf, CancellationToken ct)
        where T : class
    {
        if (version is not null || asOf is not null) return await session.Events.AggregateStreamAsync<T>(id, version ?? 0, asOf, token: ct);
        if (session is IDocumentSession writable) return await writable.Events.FetchLatest<T>(id, ct);
        await using var reading = session.DocumentStore.LightweightSession();   // FetchLatest lives on the session's event operations
        return await reading.Events.FetchLatest<T>(id, ct);
    }
}
