using ClaimTracker.Server.Features.Api;
using ClaimTracker.Domain;
using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Marten.Subscriptions;

namespace ClaimTracker.Server.Live;

/// <summary>
/// The pump: turns committed events into updates for the broker, in global sequence order and without gaps, from
/// two sources.
/// <list type="bullet">
/// <item>Fast path: this server's own commits, heard right after they commit (<see cref="LiveCommitListener"/>). A
/// run of them goes out as soon as it continues the published sequence without a hole, so a story reaches clients
/// about when its POST returns instead of after the async daemon's NOTIFY, high-water check and event reload.</item>
/// <item>The async daemon's subscription (<see cref="LivePush"/>): sees every committed event, from any process,
/// and resolves holes (a rolled-back append burns sequence numbers; another process may write). It stays the
/// authority: whatever the fast path has not published when the daemon gets there, the daemon publishes.</item>
/// </list>
/// Both go through one turn (<see cref="_turn"/>) and skip what is already published, so nothing goes out twice and
/// nothing out of order. While one page is being fanned out, later commits pile up and the next turn takes them all
/// as one page (one message per topic per client, a digest when it holds several changes): a burst coalesces by
/// itself, an isolated update is never held back.
/// </summary>
public sealed class LivePump(LiveBroker broker, IServiceProvider services, IConfiguration config, ILogger<LivePump> log) : BackgroundService
{
    /// <summary>Committed events waiting for a hole below them to fill; past this the fast path gives up to the daemon.</summary>
    public const int WaitingLimit = 100_000;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly object _gate = new();
    // Committed here, not yet published: sequence -> (event, last sequence of its transaction).
    private readonly SortedDictionary<long, (IEvent Event, long CommitEnd)> _waiting = new();
    // Everything up to here is committed or will never be (the daemon's last page said so): holes below it are final.
    private long _daemonCeiling;
    private int _signalled;
    private bool _baseKnown;
    private volatile bool _running;
    // Pacing state (Stopwatch timestamps): when the last large fan-out started and when its sends had drained (0: not
    // yet); since when committed events wait for the pump (0: none); whether a write request started meanwhile.
    private long _fanoutStart, _fanoutDrained = 1, _pendingSince;
    private int _lastLarge, _overlapped;

    /// <summary>
    /// A fan-out to at least this many connections is one a burst should wait for (see <see cref="PaceAsync"/>);
    /// setting <c>Live:LargeFanout</c> (tests lower it to pace with a few clients).
    /// </summary>
    public int LargeFanout { get; } = config.GetValue<int?>("Live:LargeFanout") ?? 100;
    /// <summary>
    /// In a burst, after a large fan-out's sends drained, wait this many times as long again before the next
    /// (<c>Live:BurstHoldRatio</c>, default 8).
    /// </summary>
    public double BurstHoldRatio { get; } = config.GetValue<double?>("Live:BurstHoldRatio") ?? 8;
    /// <summary>The longest an update waits for a burst to gather, drain and hold together (<c>Live:MaxHoldMs</c>, default 250).</summary>
    public TimeSpan MaxHold { get; } = TimeSpan.FromMilliseconds(config.GetValue<int?>("Live:MaxHoldMs") ?? 250);

    /// <summary>Pages published by the fast path and by the daemon (for tests and the bench's curiosity).</summary>
    public long FastPages, DaemonPages, HeldPages, Updates, Writes;

    /// <summary>A transaction of this server committed these events (sequences assigned). Cheap: never waits.</summary>
    public void Committed(IReadOnlyList<IEvent> events)
    {
        // Not running (a command line `ingest` builds the host without starting it): nobody to push to, keep nothing.
        if (events.Count == 0 || !_running) return;
        var end = events.Max(e => e.Sequence);
        lock (_gate)
        {
            if (_waiting.Count + events.Count > WaitingLimit)
            {
                // A hole nobody fills (e.g. another process appends): the daemon will deliver all of it. What it already
                // delivered (held back to keep a story whole) stays: it would not come again.
                log.LogWarning("Live fast path: {Count} committed events wait behind a hole; leaving them to the daemon", _waiting.Count);
                foreach (var seq in _waiting.Keys.Where(k => k > _daemonCeiling).ToList()) _waiting.Remove(seq);
            }
            foreach (var e in events) _waiting[e.Sequence] = (e, end);
            if (_pendingSince == 0) Volatile.Write(ref _pendingSince, Stopwatch.GetTimestamp());
        }
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _wake.Release();
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // One line for the live benchmark (docs/benchmarks.md) to read how the pages went.
        log.LogInformation("Live pump: {Fast} pages from local commits, {Daemon} from the daemon, {Held} held for a burst; {Updates} updates, {Writes} connection writes",
            FastPages, DaemonPages, HeldPages, Updates, Writes);
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        try { await PumpAsync(stoppingToken); }
        finally { _running = false; }
    }

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
                Interlocked.Exchange(ref _signalled, 0);
                // Keep taking turns while there is a publishable run: what arrived during a fan-out is the next page.
                while (await PublishLocalAsync(stoppingToken)) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The daemon still delivers whatever the fast path could not.
                log.LogError(e, "Live fast path failed; the daemon subscription delivers the updates");
            }
        }
    }

    private async Task<bool> PublishLocalAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (!_baseKnown)
            {
                // After a restart the daemon resumes from its stored progress: that is where the published sequence
                // stands, and a local commit must continue it (what lies between comes from the daemon).
                broker.Resume(await LiveBroker.StoredProgressAsync(services.GetRequiredService<IDocumentStore>(), ct));
                _baseKnown = true;
            }
            if (!HasWaiting()) return false;
            await PaceAsync(ct);
            var (run, upTo) = TakeRun(broker.Published);
            if (run.Count == 0) return false;
            await PublishAsync(run, upTo, ct);
            Interlocked.Increment(ref FastPages);
            return true;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// The waiting events that continue <paramref name="published"/>, cut so no transaction is split (its article and
    /// statements stay one story), and how far the published sequence then stands. A hole stops the run unless the
    /// daemon has vouched for it (at or below its last page's ceiling: that sequence was burnt, it will never commit).
    /// </summary>
    private (List<IEvent> Run, long UpTo) TakeRun(long published)
    {
        lock (_gate)
        {
            while (_waiting.Count > 0 && _waiting.First() is var first && first.Key <= published) _waiting.Remove(first.Key);
            var run = new List<IEvent>();
            var cut = 0;
            var next = published + 1;
            var needed = 0L;   // every transaction in the run ends at or before this
            foreach (var (seq, (e, end)) in _waiting)
            {
                if (seq != next && seq - 1 > _daemonCeiling) break;
                run.Add(e);
                needed = Math.Max(needed, end);
                if (needed <= seq) cut = run.Count;
                next = seq + 1;
            }
            run.RemoveRange(cut, run.Count - cut);
            foreach (var e in run) _waiting.Remove(e.Sequence);
            if (_waiting.Count == 0) Volatile.Write(ref _pendingSince, 0);
            // Past the run, the holes the daemon vouched for are published too (nothing will ever fill them).
            var left = _waiting.Count > 0 ? _waiting.First().Key : long.MaxValue;
            var upTo = Math.Max(run.Count > 0 ? run[^1].Sequence : published, Math.Min(_daemonCeiling, left - 1));
            return (run, upTo);
        }
    }

    /// <summary>
    /// A page from the daemon: everything committed up to <paramref name="ceiling"/>, hole-free. Its events join the
    /// waiting ones and go out by the same rule as local commits, so a page that ends inside one of this server's
    /// transactions does not send half a story: a concurrent writer's uncommitted sequence number between a story's
    /// article and its statements stops the daemon's ceiling there, and the held part goes out with the rest of the
    /// transaction (the fast path has it all, or the daemon's next page brings it).
    /// </summary>
    public async Task FromDaemonAsync(IReadOnlyList<IEvent> events, long ceiling, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            _baseKnown = true;
            var published = broker.Published;
            var fresh = events.Where(e => e.Sequence > published).ToList();
            ForgetCachedClaims(fresh);
            // A story another process wrote may go on past the page (the daemon reads at most a page size of events).
            // One this server committed needs no lookup: its waiting entry knows where its transaction ends.
            bool heardLocally;
            lock (_gate) heardLocally = fresh.Count > 0 && _waiting.ContainsKey(fresh[^1].Sequence);
            var storyGoesOn = fresh.Count > 0 && !heardLocally ? await StoryGoesOnAsync(fresh[^1], ceiling, ct) : 0;
            lock (_gate)
            {
                // A local commit's entry knows where its transaction ends; one only the daemon brought ends at itself,
                // or where its story goes on.
                foreach (var e in fresh)
                {
                    var end = storyGoesOn > 0 && e.StreamId == fresh[^1].StreamId ? storyGoesOn : e.Sequence;
                    if (!_waiting.TryGetValue(e.Sequence, out var known) || known.CommitEnd < end) _waiting[e.Sequence] = (e, end);
                }
                _daemonCeiling = Math.Max(_daemonCeiling, ceiling);
                if (_waiting.Count > 0 && _pendingSince == 0) Volatile.Write(ref _pendingSince, Stopwatch.GetTimestamp());
            }
            if (fresh.Count > 0) await PaceAsync(ct);
            var (run, upTo) = TakeRun(broker.Published);
            if (run.Count > 0 || upTo > broker.Published)
            {
                await PublishAsync(run, upTo, ct);
                if (run.Count > 0) Interlocked.Increment(ref DaemonPages);
            }
        }
        finally
        {
            _turn.Release();
        }
        // Local commits above that page may continue it now.
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _wake.Release();
    }

    /// <summary>
    /// When a page's last event belongs to an article's stream whose next event is already stored above the page, the
    /// sequence of that next event (the story's statements may go on there), else 0. One primary-key lookup, only for
    /// pages whose last event this server did not commit (another process's writes).
    /// </summary>
    private async Task<long> StoryGoesOnAsync(IEvent last, long ceiling, CancellationToken ct)
    {
        if (last.Data is not (ArticleIngested or StatementRecorded)) return 0;
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var next = await session.AdvancedSql.QueryAsync<long>(
            $"select seq_id from {store.Options.Events.DatabaseSchemaName}.mt_events where stream_id = ? and version = ?", ct,
            last.StreamId, last.Version + 1);
        return next.Count > 0 && next[0] > ceiling ? next[0] : 0;
    }

    /// <summary>
    /// The read cache drops a claim page when this server commits to the claim (a session listener). Claim events
    /// only the daemon brought (another process wrote them: a CLI run against the same database) reach it here, so
    /// such a page is stale for the daemon's lag at most, not until the claim changes again.
    /// </summary>
    private void ForgetCachedClaims(IReadOnlyList<IEvent> daemonOnly)
    {
        var cache = services.GetService<ReadCache>();
        if (cache is null) return;
        foreach (var e in daemonOnly)
            if (LiveMessages.ChangesClaim(e.Data))
                cache.Invalidate(ReadCache.ClaimKey(e.StreamId));
    }

    private async Task PublishAsync(IReadOnlyList<IEvent> events, long upTo, CancellationToken ct)
    {
        var updates = LiveMessages.Build(events);
        if (updates.Any(u => u.Kind == "claim"))
        {
            // Claims are folded to the page's versions when the inline document has moved on.
            await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
            updates = await LiveViews.WithClaimsAsOfAsync(session, updates, ct);
            updates = updates.Where(LiveMessages.ForContestedList).ToList();
        }
        var started = Stopwatch.GetTimestamp();
        var writes = broker.Publish(updates, upTo);
        if (updates.Count > 0) Volatile.Write(ref _lastLarge, writes >= LargeFanout ? 1 : 0);
        if (writes >= LargeFanout)
        {
            Volatile.Write(ref _fanoutDrained, 0);
            Volatile.Write(ref _fanoutStart, started);
            _ = WatchDrainAsync(started);
        }
        Updates += updates.Count;
        Writes += writes;
    }

    private bool HasWaiting()
    {
        lock (_gate) return _waiting.Count > 0;
    }

    /// <summary>
    /// A write request (POST, PUT, DELETE, PATCH) started. If updates are still on their way to clients (committed
    /// and waiting for the pump, or the last large fan-out's sends still queued), writes outpace fan-outs: a burst.
    /// </summary>
    public void WriteStarted()
    {
        if (Volatile.Read(ref _lastLarge) == 0) return;
        // The sends are looked at now, not only through the drain watcher's last poll: that lags by its 1-ms delays (more
        // on a busy box), and a write that started after every client had the last update was taken for a burst and
        // held up to MaxHold (the p99 of the bench's latency levels).
        if (Volatile.Read(ref _pendingSince) != 0 || (Volatile.Read(ref _fanoutDrained) == 0 && !Drained()))
            Volatile.Write(ref _overlapped, 1);
    }

    /// <summary>Notes when the sends of the fan-out that started at <paramref name="start"/> have gone out.</summary>
    private async Task WatchDrainAsync(long start)
    {
        while (!Drained() && Stopwatch.GetElapsedTime(start) < MaxHold) await Task.Delay(1);
        Interlocked.CompareExchange(ref _fanoutDrained, Stopwatch.GetTimestamp(), 0);
    }

    /// <summary>
    /// Adaptive coalescing. When a write request started while updates were still on their way (committed but not
    /// yet fanned out, or the last large fan-out's sends still queued in the thread pool), writes come faster than
    /// fan-outs finish: a burst. The next page then waits until those sends drained and BurstHoldRatio times as long
    /// again (at most MaxHold in all), so what commits meanwhile goes out with it as one digest per topic and client.
    /// A write that started after the last fan-out had gone out (a newsroom's pace) is isolated: its update goes
    /// straight out. Under the turn.
    /// </summary>
    private async Task PaceAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _overlapped, 0) == 0 || Volatile.Read(ref _lastLarge) == 0) return;
        var start = Volatile.Read(ref _fanoutStart);
        while (Volatile.Read(ref _fanoutDrained) == 0 && Stopwatch.GetElapsedTime(start) < MaxHold) await Task.Delay(1, ct);
        var busy = Stopwatch.GetElapsedTime(start);
        var hold = TimeSpan.FromTicks(Math.Min((long)(busy.Ticks * BurstHoldRatio), (MaxHold - busy).Ticks));
        if (hold > TimeSpan.Zero) await Task.Delay(hold, ct);
        Interlocked.Increment(ref HeldPages);
    }

    // The sends of a fan-out run as thread-pool work items (SignalR's transport loops): a short queue means they went out.
    private static bool Drained() => ThreadPool.PendingWorkItemCount <= 2 * Environment.ProcessorCount;
}

/// <summary>The async daemon's side of the pump: a Marten subscription, so it sees committed events only, in order.</summary>
public sealed class LivePush : SubscriptionBase
{
    public const string Name = "LivePush";
    private readonly LivePump _pump;

    public LivePush(LivePump pump, IConfiguration config)
    {
        _pump = pump;
        // How many events the daemon hands over at most per page (Marten's default, 500; tests lower it).
        if (config.GetValue<int?>("Live:DaemonPageSize") is { } size) Options.BatchSize = size;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await _pump.FromDaemonAsync(page.Events, page.SequenceCeiling, cancellationToken);
        return NullChangeListener.Instance;
    }
}

/// <summary>
/// Hears every session of this server commit and hands its events (sequences assigned by then) to the pump's fast
/// path. After the commit: a client never sees an update the HTTP API does not serve yet.
/// </summary>
public sealed class LiveCommitListener(LivePump pump) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        List<IEvent>? events = null;
        foreach (var e in commit.GetEvents())
            if (e.Sequence > 0) (events ??= []).Add(e);
        if (events is not null) pump.Committed(events);
        return Task.CompletedTask;
    }
}
