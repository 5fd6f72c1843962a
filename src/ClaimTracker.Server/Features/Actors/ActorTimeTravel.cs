using ClaimTracker.Domain;
using JasperFx.Events;
using Marten;

namespace ClaimTracker.Server.Features.Actors;

/// <summary>
/// An actor gathers events from many streams, so "as it was" cannot be one stream's AggregateStreamAsync. The
/// async <see cref="ActorStatements"/> document lists the global sequence of every event that names the actor
/// (the projection's routing); those events are loaded by primary key and folded with the projection's own Apply
/// methods. Events the daemon has not reached yet are found by a scan of the events table above its progress mark
/// only (a primary-key range, normally a handful of rows), so nothing is missed and nothing scans the whole table.
/// </summary>
public static class ActorTimeTravel
{
    private const string TailSql = """
        select seq_id from {0}.mt_events
        where seq_id > ? and seq_id <= ?
          and (data ->> 'ActorId' = ? or data ->> 'PreviousActorId' = ? or data -> 'Statement' ->> 'ActorId' = ?
               or data ->> 'SurvivingActorId' = ? or data ->> 'AbsorbedActorId' = ?
               or data -> 'MovedLinks' @> ?::jsonb)
        order by seq_id
        """;

    public static async Task<ActorView?> ReadAsync(IQuerySession session, string actorId, long? sequence, DateTimeOffset? asOf, CancellationToken ct)
    {
        var sequences = await SequencesAsync(session, actorId, 0, sequence ?? long.MaxValue, ct);
        if (sequences.Count == 0) return null;
        var events = await EventsAsync(session, sequences, ct);
        if (asOf is { } moment) events.RemoveAll(e => e.Timestamp > moment);
        return new ActorProjection().Replay(actorId, events);
    }

    /// <summary>The global sequences of the events that name the actor, in (<paramref name="after"/>, <paramref name="upTo"/>], ascending.</summary>
    public static async Task<IReadOnlyList<long>> SequencesAsync(IQuerySession session, string actorId, long after, long upTo, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        // Progress first, document second: the document then holds every event of the actor up to that mark.
        var progress = (await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = ?", ct, ActorStatementsShard)).Single();
        var index = await session.LoadAsync<ActorStatements>(actorId, ct);
        var sequences = new SortedSet<long>(index?.Sequences.Where(s => s > after && s <= upTo) ?? []);

        var movedLink = "[{\"Statement\":{\"ActorId\":" + System.Text.Json.JsonSerializer.Serialize(actorId) + "}}]";
        var from = Math.Max(after, Math.Max(progress, index?.LastSequence ?? 0));
        if (from < upTo)
            foreach (var s in await session.AdvancedSql.QueryAsync<long>(string.Format(TailSql, schema), ct,
                         from, upTo, actorId, actorId, actorId, actorId, actorId, movedLink))
                sequences.Add(s);
        return [.. sequences];
    }

    /// <summary>The events at these global sequences, loaded by primary key, in sequence order.</summary>
    public static async Task<List<IEvent>> EventsAsync(IQuerySession session, IEnumerable<long> sequences, CancellationToken ct)
    {
        var events = new List<IEvent>();
        foreach (var chunk in sequences.Chunk(1000))
        {
            var ids = chunk.ToArray();
            events.AddRange(await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.Sequence)).ToListAsync(ct));
        }
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return events;
    }

    /// <summary>The async daemon's progress row for the actor statements projection.</summary>
    public const string ActorStatementsShard = "ActorStatements:All";
}
