using System.Collections.Concurrent;
using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Actors;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace ClaimTracker.Server.Live;

/// <summary>
/// Who listens to what, and the hand-over between replay and live messages. The pump (<see cref="LivePush"/>) only
/// drops updates into per-connection bounded queues: it never waits for a client, so a slow or dead client cannot
/// slow ingestion or anyone else. A client whose queue overflows is disconnected; it reconnects with its last
/// sequence and catches up from the event store, so dropping it loses nothing.
/// </summary>
public sealed class LiveBroker : IDisposable
{
    public const int QueueCapacity = 10_000;
    private const int ReplayPageSize = 1_000;
    /// <summary>How long an actor topic's update may wait for the actor document before it goes out without counts.</summary>
    public static readonly TimeSpan ActorWaitLimit = TimeSpan.FromSeconds(5);

    private readonly LiveLifetimeManager _hubs;
    private readonly IServiceProvider _services;
    private readonly ILogger<LiveBroker> _log;
    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<LiveConnection>> _subscribers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new();
    private readonly Dictionary<string, ActorGate> _actors = new(StringComparer.Ordinal);
    private readonly Timer _staleActors;
    private long _published;
    private int _writes;   // connection writes of the current Publish (under _gate)

    public LiveBroker(LiveLifetimeManager hubs, IServiceProvider services, ILogger<LiveBroker> log)
    {
        _hubs = hubs;
        _services = services;
        _log = log;
        _staleActors = new Timer(_ => ReleaseStaleActorUpdates(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// An actor topic's updates wait here until the async actor projection has committed the actor document that
    /// reflects them; the update at the document's last sequence then carries the counts (or, when no statement
    /// update stands at that sequence, e.g. a claim link, a separate `actor` update does). Only for actor topics
    /// somebody listens to.
    /// </summary>
    private sealed class ActorGate
    {
        public readonly List<LiveUpdate> Pending = [];
        public DateTime PendingSince;
        /// <summary>The newest committed actor document, as an `actor` update at its LastSequence.</summary>
        public LiveUpdate? Projected;
        /// <summary>The highest sequence handed to the topic's subscribers.</summary>
        public long Released;
    }

    /// <summary>The highest global sequence handed to subscribers so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    public int ConnectionCount => _connections.Count;

    /// <summary>After a restart: the published sequence continues from the daemon's stored progress.</summary>
    public void Resume(long stored)
    {
        lock (_gate)
            if (stored > _published) Interlocked.Exchange(ref _published, stored);
    }

    /// <summary>
    /// Called by the pump, in sequence order, once per committed page of events. Returns how many connections it
    /// offered updates to (the pump paces bursts by it).
    /// </summary>
    public int Publish(IReadOnlyList<LiveUpdate> updates, long upTo)
    {
        lock (_gate)
        {
            _writes = 0;
            Dictionary<string, List<LiveUpdate>>? byTopic = null;
            foreach (var u in updates)
            {
                if (ActorOf(u.Topic) is { } actorId)
                {
                    if (_actors.TryGetValue(actorId, out var g))
                    {
                        if (g.Pending.Count == 0) g.PendingSince = DateTime.UtcNow;
                        g.Pending.Add(u);
                    }
                    continue;
                }
                if (!_subscribers.ContainsKey(u.Topic)) continue;
                byTopic ??= new Dictionary<string, List<LiveUpdate>>(StringComparer.Ordinal);
                if (!byTopic.TryGetValue(u.Topic, out var list)) byTopic[u.Topic] = list = [];
                list.Add(u);
            }
            if (byTopic is not null)
                foreach (var list in byTopic.Values) Fanout(list);
            if (upTo > _published) Interlocked.Exchange(ref _published, upTo);
            foreach (var (actorId, g) in _actors)
                if (g.Projected is { } p && (g.Pending.Count > 0 || p.Sequence > g.Released)) Release(actorId, g);
            return _writes;
        }
    }

    /// <summary>Called by the actor projection's listener after the daemon committed these actor documents.</summary>
    public void ActorsProjected(IEnumerable<ActorView> views)
    {
        lock (_gate)
            foreach (var v in views)
                if (_actors.TryGetValue(v.Id, out var g) && v.LastSequence > (g.Projected?.Sequence ?? 0))
                {
                    g.Projected = LiveMessages.ActorChanged(v.Id, v.LastSequence, v);   // a snapshot: the daemon reuses its documents
                    Release(v.Id, g);
                }
    }

    private void Release(string actorId, ActorGate g)
    {
        if (g.Projected is not { } p) return;
        var released = new List<LiveUpdate>();
        foreach (var u in g.Pending)
        {
            if (u.Sequence > p.Sequence) break;
            released.Add(u.Sequence == p.Sequence ? LiveMessages.WithActorCounts(u, p) : u);
            g.Released = Math.Max(g.Released, u.Sequence);
        }
        g.Pending.RemoveRange(0, released.Count);
        // Only once the pump has passed that sequence: a statement update for it may still be on its way.
        if (p.Sequence > g.Released && p.Sequence <= _published)
        {
            released.Add(p);
            g.Released = p.Sequence;
        }
        Fanout(released);
    }

    private void ReleaseStaleActorUpdates()
    {
        lock (_gate)
            foreach (var (actorId, g) in _actors)
                if (g.Pending.Count > 0 && DateTime.UtcNow - g.PendingSince > ActorWaitLimit)
                {
                    _log.LogWarning("Actor document {Actor} did not catch up within {Limit}; sending {Count} updates without counts",
                        actorId, ActorWaitLimit, g.Pending.Count);
                    Fanout(g.Pending);
                    g.Released = Math.Max(g.Released, g.Pending[^1].Sequence);
                    g.Pending.Clear();
                }
    }

    /// <summary>Updates of one topic: one message, a digest when there are several.</summary>
    private void Fanout(IReadOnlyList<LiveUpdate> updates)
    {
        if (updates.Count > 0) Fanout(updates.Count == 1 ? updates[0] : LiveMessages.Digest(updates));
    }

    private void Fanout(LiveUpdate u)
    {
        if (!_subscribers.TryGetValue(u.Topic, out var set)) return;
        var message = new Outgoing(u, LiveLifetimeManager.Message(u));   // serialized once (per protocol) for all subscribers
        foreach (var c in set) c.Offer(message);
        _writes += set.Count;
    }

    private static string? ActorOf(string topic) => topic.StartsWith("actor:", StringComparison.Ordinal) ? topic[6..] : null;

    public void Connected(HubCallerContext context)
    {
        var connection = new LiveConnection(context.ConnectionId, context.Abort, _log);
        _connections[context.ConnectionId] = connection;
        // The lifetime manager registered the connection before the hub's OnConnectedAsync runs.
        connection.Attach(_hubs.Find(context.ConnectionId));
    }

    public void Disconnected(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var connection)) return;
        lock (_gate)
            foreach (var topic in connection.Topics) Remove(topic, connection);
        connection.Close();
    }

    private void Remove(string topic, LiveConnection connection)
    {
        if (_subscribers.TryGetValue(topic, out var set) && set.Remove(connection) && set.Count == 0)
        {
            _subscribers.Remove(topic);
            if (ActorOf(topic) is { } actorId) _actors.Remove(actorId);
        }
    }

    /// <summary>
    /// Subscribes a connection to a topic. With <paramref name="afterSequence"/>, everything after it is replayed from
    /// the event store first; live updates that arrive meanwhile are held back and released afterwards, minus any
    /// the replay already delivered (high-water mark per topic): no gaps, no duplicates. Returns the sequence the
    /// subscription is live from.
    /// </summary>
    public async Task<long> SubscribeAsync(string connectionId, string topic, long? afterSequence, CancellationToken ct)
    {
        if (!_connections.TryGetValue(connectionId, out var connection)) return afterSequence ?? Published;
        // Right after a restart the pump has published nothing yet, but it resumes from its stored progress: what it
        // published before the restart must come from the replay, or a resuming client would miss it.
        var stored = Published == 0 ? await StoredProgressAsync(_services.GetRequiredService<IDocumentStore>(), ct) : 0;
        // An actor topic is live from what the actor document (served over HTTP) already reflects.
        var actorId = ActorOf(topic);
        ActorView? actorNow = null;
        if (actorId is not null)
        {
            await using var session = _services.GetRequiredService<IDocumentStore>().QuerySession();
            actorNow = await session.LoadAsync<ActorView>(actorId, ct);
        }
        long mark, liveFrom;
        lock (_gate)
        {
            mark = Math.Max(_published, stored);
            liveFrom = mark;
            if (actorId is not null)
            {
                if (!_actors.TryGetValue(actorId, out var g))
                {
                    _actors[actorId] = g = new ActorGate { Released = actorNow?.LastSequence ?? 0 };
                    if (actorNow is not null) g.Projected = LiveMessages.ActorChanged(actorId, actorNow.LastSequence, actorNow);
                }
                liveFrom = g.Released;
            }
            // Registered before the replay reads, so nothing published after `mark` can slip past this connection.
            connection.Begin(topic, replaying: afterSequence is not null, highWater: afterSequence ?? liveFrom);
            if (!_subscribers.TryGetValue(topic, out var set)) _subscribers[topic] = set = [];
            set.Add(connection);
        }
        if (afterSequence is not { } after) return liveFrom;
        try
        {
            if (after < mark)
                await foreach (var u in ReplayAsync(topic, after, mark, ct))
                    if (!connection.Replayed(new Outgoing(u, LiveLifetimeManager.Message(u)))) break;
        }
        finally
        {
            connection.EndReplay(topic);
        }
        return Math.Max(after, mark);
    }

    /// <summary>How far the daemon's subscription got before: everything up to it was published (by an earlier run).</summary>
    public static async Task<long> StoredProgressAsync(IDocumentStore store, CancellationToken ct)
    {
        var states = await store.Advanced.AllProjectionProgress(token: ct);
        return states.Where(s => s.ShardName.StartsWith(LivePush.Name, StringComparison.OrdinalIgnoreCase)).Select(s => s.Sequence).DefaultIfEmpty(0).Max();
    }

    /// <summary>How many topics the connection holds, not counting <paramref name="except"/> (subscribing again to it adds none).</summary>
    public int TopicCount(string connectionId, string except) =>
        _connections.TryGetValue(connectionId, out var c) ? c.Topics.Count(t => t != except) : 0;

    public void Unsubscribe(string connectionId, string topic)
    {
        if (!_connections.TryGetValue(connectionId, out var connection)) return;
        lock (_gate) Remove(topic, connection);
        connection.End(topic);
    }

    /// <summary>
    /// The updates of one topic with sequence in (after, upTo], read from the event store in pages, each showing its
    /// read model as of its own sequence (claims folded to their version, actor counts folded to their sequence).
    /// </summary>
    public async IAsyncEnumerable<LiveUpdate> ReplayAsync(string topic, long after, long upTo,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Resolved late: the store's own configuration creates the pump, which needs this broker.
        await using var session = _services.GetRequiredService<IDocumentStore>().QuerySession();
        // Claim and article topics are single streams: read only that stream's events.
        Guid? stream = (topic.StartsWith("claim:") || topic.StartsWith("article:")) && Guid.TryParse(topic[(topic.IndexOf(':') + 1)..], out var g) ? g : null;
        var actorId = ActorOf(topic);
        if (actorId is not null)
        {
            // An actor's events are spread over many streams: its event index (the one time travel reads) says which
            // they are, so a replay from far back loads those, not every event of the store.
            var sequences = await ActorTimeTravel.SequencesAsync(session, actorId, after, upTo, ct);
            if (sequences.Count == 0) yield break;
            // The counts each page carries are folded on from the actor as it was at `after`: every event is read
            // once, not once per page that follows it.
            var projection = new ActorProjection();
            var view = after > 0 ? await ActorTimeTravel.ReadAsync(session, actorId, after, null, ct) : null;
            foreach (var chunk in sequences.Chunk(ReplayPageSize))
            {
                var page = await ActorTimeTravel.EventsAsync(session, chunk, ct);
                view = projection.Replay(actorId, page, view);
                var updates = LiveMessages.Build(page).Where(u => u.Topic == topic).ToList();
                foreach (var u in LiveViews.WithActorAsOf(actorId, page, updates, view)) yield return u;
            }
            yield break;
        }
        var from = after;
        while (from < upTo)
        {
            var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > from && e.Sequence <= upTo);
            if (stream is { } id) query = query.Where(e => e.StreamId == id);
            var page = await query.OrderBy(e => e.Sequence).Take(ReplayPageSize).ToListAsync(ct);
            if (page.Count == 0) yield break;
            var updates = LiveMessages.Build(page).Where(u => u.Topic == topic).ToList();
            updates = await LiveViews.WithClaimsAsOfAsync(session, updates, ct);
            foreach (var u in updates.Where(LiveMessages.ForContestedList)) yield return u;
            from = page[^1].Sequence;
        }
    }

    public void Dispose() => _staleActors.Dispose();
}

/// <summary>An update and its serialized form, shared by all the connections it goes to.</summary>
public sealed record Outgoing(LiveUpdate Update, SerializedHubMessage Message);

/// <summary>
/// One client connection: its topics, their high-water marks, and its bounded outgoing queue. An update is written to
/// the connection straight away when nothing is waiting for it (the write only copies the shared serialized bytes
/// into the connection's pipe and does not wait for the network); once a write has to wait (a slow client), later
/// updates queue behind it and a drain loop sends them in order. No thread hop per client per update in the
/// common case, and the pump still never waits for a client.
/// </summary>
public sealed class LiveConnection(string id, Action abort, ILogger log)
{
    private sealed class TopicState
    {
        public long HighWater;
        public List<Outgoing>? Held;   // non-null while replaying
    }

    private readonly Dictionary<string, TopicState> _topics = new(StringComparer.Ordinal);
    private readonly Queue<Outgoing> _queue = new();
    private HubConnectionContext? _client;
    private bool _sending;       // a write is in flight: later updates queue behind it
    private bool _overflowed;
    private bool _closed;

    public string Id => id;

    public IReadOnlyList<string> Topics { get { lock (_topics) return _topics.Keys.ToList(); } }

    public void Attach(HubConnectionContext? client)
    {
        if (client is null) { abort(); return; }
        lock (_topics) _client = client;
    }

    public void Begin(string topic, bool replaying, long highWater)
    {
        lock (_topics) _topics[topic] = new TopicState { HighWater = highWater, Held = replaying ? [] : null };
    }

    public void End(string topic)
    {
        lock (_topics) _topics.Remove(topic);
    }

    /// <summary>A live update (never blocks: the pump calls this for every subscriber).</summary>
    public void Offer(Outgoing u)
    {
        lock (_topics)
        {
            if (!_topics.TryGetValue(u.Update.Topic, out var state)) return;
            if (state.Held is { } held)
            {
                if (held.Count >= LiveBroker.QueueCapacity) Overflow();
                else held.Add(u);
                return;
            }
            Deliver(state, u);
        }
    }

    /// <summary>A replayed update; false when the connection gave up (overflow or unsubscribed).</summary>
    public bool Replayed(Outgoing u)
    {
        lock (_topics)
        {
            if (_overflowed || !_topics.TryGetValue(u.Update.Topic, out var state)) return false;
            Deliver(state, u);
            return !_overflowed;
        }
    }

    public void EndReplay(string topic)
    {
        lock (_topics)
        {
            if (!_topics.TryGetValue(topic, out var state) || state.Held is not { } held) return;
            state.Held = null;
            foreach (var u in held) Deliver(state, u);
        }
    }

    // Under the lock.
    private void Deliver(TopicState state, Outgoing u)
    {
        if (u.Update.Sequence <= state.HighWater) return;   // already delivered by replay (or before the client's mark)
        if (u.Update.Updates is { } gathered && gathered[0].Sequence <= state.HighWater)
        {
            // A digest that straddles what a replay already sent: this client gets only the rest of it.
            var rest = LiveMessages.DigestAfter(u.Update, state.HighWater);
            u = new Outgoing(rest, LiveLifetimeManager.Message(rest));
        }
        state.HighWater = u.Update.Sequence;
        if (_closed || _overflowed || _client is null) return;
        if (_sending)
        {
            if (_queue.Count >= LiveBroker.QueueCapacity) Overflow();
            else _queue.Enqueue(u);
            return;
        }
        Write(u.Message);
    }

    // Under the lock, nothing in flight.
    private void Write(SerializedHubMessage message)
    {
        ValueTask write;
        try { write = _client!.WriteAsync(message); }
        catch (Exception e) { Fail(e); return; }
        if (write.IsCompletedSuccessfully) return;
        _sending = true;
        _ = DrainAsync(write);
    }

    private async Task DrainAsync(ValueTask write)
    {
        try
        {
            while (true)
            {
                await write;
                Outgoing next;
                lock (_topics)
                    if (_closed || !_queue.TryDequeue(out next!)) { _sending = false; return; }
                write = _client!.WriteAsync(next.Message);
            }
        }
        catch (Exception e)
        {
            lock (_topics) _sending = false;
            Fail(e);
        }
    }

    private void Fail(Exception e)
    {
        log.LogDebug(e, "Live client {Connection} send failed", id);
        Close();
        abort();
    }

    private void Overflow()
    {
        if (_overflowed) return;
        _overflowed = true;
        log.LogWarning("Live client {Connection} fell {Capacity} updates behind; disconnecting it (it resumes from its last sequence)", id, LiveBroker.QueueCapacity);
        _queue.Clear();
        abort();
    }

    public void Close()
    {
        lock (_topics)
        {
            _closed = true;
            _queue.Clear();
        }
    }
}
