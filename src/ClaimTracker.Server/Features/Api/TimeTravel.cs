using Marten;

namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// Reads a single-stream document now (the inline projection) or as of a stream version or a moment, by folding
/// the stream's events again (Marten's AggregateStreamAsync), so the past is read from the events themselves.
/// </summary>
public static class TimeTravel
{
    /// <summary>
    /// The document exists, but not at the version or moment asked for: say so, and where it is now, instead of
    /// "No claim X" about a claim the reader is looking at.
    /// </summary>
    public static IResult NotThen(string what, object id, long? version, DateTimeOffset? asOf, long currentVersion) =>
        Problems.Problem(StatusCodes.Status404NotFound, "version-not-found", version is { } v
            ? $"The {what} {id} has no version {v}: it is at version {currentVersion}."
            : $"The {what} {id} did not exist yet at {Moment(asOf!.Value)}.");

    /// <summary>An <c>asOf</c> as a problem detail quotes it back: UTC, to the second.</summary>
    public static string Moment(DateTimeOffset asOf) => asOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stream's current version, or null when there is no such stream.</summary>
    public static async Task<long?> CurrentVersionAsync(IQuerySession session, Guid id, CancellationToken ct) =>
        (await session.Events.FetchStreamStateAsync(id, ct))?.Version;

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
