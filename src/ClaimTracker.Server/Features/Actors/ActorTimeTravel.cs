using ClaimTracker.Domain;
using JasperFx.Events;
using Marten;

namespace ClaimTracker.Server.Features.Actors;

/// <summary>
/// An actor gathers events from many streams, so "as it was" cannot be one stream's AggregateStreamAsync: we find
/// the events that name the actor (same routing as the projection) up to the global sequence or moment, and fold
/// them with the projection's own Apply methods. A scan of the events table: fine for an occasional audit read.
/// </summary>
public static class ActorTimeTravel
{
    private const string Sql = """
        select seq_id from {0}.mt_events
        where seq_id <= ? {1}
          and (data ->> 'ActorId' = ? or data ->> 'PreviousActorId' = ? or data -> 'Statement' ->> 'ActorId' = ?
               or data ->> 'SurvivingActorId' = ? or data ->> 'AbsorbedActorId' = ?
               or data -> 'MovedLinks' @> ?::jsonb)
        order by seq_id
        """;

    public static async Task<ActorView?> ReadAsync(IQuerySession session, string actorId, long? sequence, DateTimeOffset? asOf, CancellationToken ct)
    {
        var movedLink = "[{\"Statement\":{\"ActorId\":" + System.Text.Json.JsonSerializer.Serialize(actorId) + "}}]";
        var sql = string.Format(Sql, session.DocumentStore.Options.Events.DatabaseSchemaName, asOf is null ? "" : "and timestamp <= ?");
        object[] parameters = asOf is { } moment
            ? [sequence ?? long.MaxValue, moment, actorId, actorId, actorId, actorId, actorId, movedLink]
            : [sequence ?? long.MaxValue, actorId, actorId, actorId, actorId, actorId, movedLink];
        var sequences = await session.AdvancedSql.QueryAsync<long>(sql, ct, parameters);
        if (sequences.Count == 0) return null;
        var events = new List<IEvent>(sequences.Count);
        foreach (var chunk in sequences.Chunk(1000))
        {
            var ids = chunk.ToArray();
            events.AddRange(await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.Sequence)).ToListAsync(ct));
        }
        return new ActorProjection().Replay(actorId, events.OrderBy(e => e.Sequence));
    }
}
