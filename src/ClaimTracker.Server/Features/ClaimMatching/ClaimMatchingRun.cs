using ClaimTracker.Claims;
using ClaimTracker.Domain;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace ClaimTracker.Server.Features.ClaimMatching;

/// <summary>What one pass of the matcher did. <c>Rebuilt</c>: the pass reloaded every claim (first pass, or a
/// person unlinked, merged, corrected or retracted since the last one); otherwise it read only new events.</summary>
public sealed record ClaimMatchingResult(int Matched, int Linked, int Opened, int Skipped, bool Rebuilt = false);

/// <summary>
/// Automatic claim matching over the statements that are on no claim yet. The matcher's in-memory index lives as
/// long as the server: each pass reads only the events appended since the last one, up to the async daemon's
/// high-water mark (so an event of a slower concurrent transaction is never skipped), adds other people's links to
/// the index and matches the new statements. What the index cannot follow incrementally (a manual unlink, a merge,
/// a correction or retraction) makes the next pass rebuild it from the claim read models, with the manual unlinks
/// loaded as exclusions, so re-running never puts a statement back where a person took it off.
/// Idempotent: a statement already on a claim is never matched again, so re-running or restarting duplicates nothing.
/// One pass at a time (the singleton's lock): the index has one writer.
/// </summary>
public sealed class ClaimMatchingRun(IDocumentStore store, ILogger<ClaimMatchingRun> log)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    // The index and what it reflects: events up to _seen, and the (statement, claim) links it holds.
    private ClaimMatcher? _matcher;
    private long _seen;
    private readonly HashSet<(Guid Statement, Guid Claim)> _indexed = [];

    /// <summary>How long a pass waits for the daemon to confirm that every event appended before it is visible.</summary>
    public TimeSpan HighWaterWait { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<ClaimMatchingResult> RunAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try { return await RunOnceAsync(ct); }
        catch { _matcher = null; throw; }   // the index may hold a link that was never stored: rebuild next time
        finally { _oneAtATime.Release(); }
    }

    private async Task<ClaimMatchingResult> RunOnceAsync(CancellationToken ct)
    {
        var ceiling = await SafeCeilingAsync(ct);
        await using var query = store.QuerySession();
        List<StatementView> pending;
        bool rebuilt = false;
        if (_matcher is null || ceiling < _seen)   // first pass, or the event store was reset under us
        {
            pending = await RebuildAsync(query, ct);
            rebuilt = true;
        }
        else
        {
            if (ceiling == _seen) return new(0, 0, 0, 0);
            var delta = await query.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > _seen && e.Sequence <= ceiling)
                .OrderBy(e => e.Sequence).ToListAsync(ct);
            var change = ReadDelta(delta);
            if (change.NeedsRebuild)
            {
                pending = await RebuildAsync(query, ct);
                rebuilt = true;
            }
            else
            {
                var wanted = change.Recorded.Concat(change.Links.Select(l => l.StatementId)).Distinct().ToList();
                var views = wanted.Count == 0 ? new Dictionary<Guid, StatementView>()
                    : (await query.LoadManyAsync<StatementView>(ct, wanted)).ToDictionary(s => s.Id);
                var matcher = _matcher!;
                foreach (var link in change.Links)
                    if (_indexed.Add((link.StatementId, link.ClaimId)))
                        matcher.Index.Add(AutomaticLinking.ToMember(link.ClaimId, link.Statement, link.Stance, views.GetValueOrDefault(link.StatementId)));
                var fresh = change.Recorded.Select(views.GetValueOrDefault).OfType<StatementView>().ToList();
                matcher.Index.ObserveBackground(fresh.Where(s => !s.Retracted).Select(s => s.Current.Content));
                pending = InRecordingOrder(fresh.Where(Unplaced));
            }
        }
        _seen = Math.Max(_seen, ceiling);
        var (linked, opened, skipped) = await PlaceAsync(pending, ct);
        if (pending.Count > 0)
            log.LogInformation("Claim matching: {Linked} linked, {Opened} claims opened, {Skipped} skipped{Rebuilt}",
                linked, opened, skipped, rebuilt ? " (index rebuilt)" : "");
        return new(pending.Count, linked, opened, skipped, rebuilt);
    }

    /// <summary>
    /// The highest sequence below which every event is committed and visible: the daemon's high-water mark, once it
    /// has caught up with what was appended before this pass began (bounded by <see cref="HighWaterWait"/>).
    /// </summary>
    private async Task<long> SafeCeilingAsync(CancellationToken ct)
    {
        var appended = (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;
        var deadline = DateTime.UtcNow + HighWaterWait;
        while (true)
        {
            var progress = await store.Advanced.AllProjectionProgress(token: ct);
            var mark = progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;
            if (mark >= appended || DateTime.UtcNow >= deadline) return mark;
            await Task.Delay(50, ct);
        }
    }

    private sealed record DeltaLink(Guid ClaimId, string Stance, LinkedStatement Statement)
    {
        public Guid StatementId => Statement.StatementId;
    }
    private sealed record Delta(bool NeedsRebuild, List<Guid> Recorded, List<DeltaLink> Links);

    /// <summary>Pure: what the new events mean for the index.</summary>
    private static Delta ReadDelta(IEnumerable<IEvent> events)
    {
        var recorded = new List<Guid>();
        var links = new List<DeltaLink>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case StatementRecorded r: recorded.Add(r.StatementId); break;
                case StatementLinkedToClaim l: links.Add(new(l.ClaimId, l.Stance, l.Statement)); break;
                // The index cannot take a member out or move one: these rebuild it from the read models.
                case StatementUnlinkedFromClaim:
                case ClaimsMerged:
                case LinkedStatementRevised:
                case StatementCorrected:
                case StatementRetracted:
                    return new(true, [], []);
            }
        }
        return new(false, recorded, links);
    }

    /// <summary>Reloads the index from the claim read models; answers every statement still on no claim.</summary>
    private async Task<List<StatementView>> RebuildAsync(IQuerySession query, CancellationToken ct)
    {
        _matcher = null;
        _indexed.Clear();
        var statements = await query.Query<StatementView>().ToListAsync(ct);
        var byId = statements.ToDictionary(s => s.Id);
        var claims = (await query.Query<ClaimView>().ToListAsync(ct))
            .Where(c => c.MergedInto is null).OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).ToList();
        var index = new ClaimIndex();
        index.ObserveBackground(statements.Where(s => !s.Retracted).Select(s => s.Current.Content));
        foreach (var claim in claims)
            foreach (var link in claim.Links.Where(l => !l.Retracted).OrderBy(l => l.LinkedAt))
            {
                index.Add(AutomaticLinking.ToMember(claim.Id, link.Statement, link.Stance, byId.GetValueOrDefault(link.Statement.StatementId)));
                _indexed.Add((link.Statement.StatementId, claim.Id));
            }

        var exclusions = new ClaimExclusions();
        var unlinks = await query.Events.QueryRawEventDataOnly<StatementUnlinkedFromClaim>().ToListAsync(ct);
        foreach (var u in unlinks.Where(u => u.UnlinkedBy != AutomaticLinking.Matcher))
            exclusions.Exclude(u.StatementId.ToString(), u.ClaimId.ToString());

        // Claim ids are Guids so the matcher's ids are the claim streams' ids.
        _matcher = new ClaimMatcher(index, exclusions: exclusions, newClaimId: _ => Guid.NewGuid().ToString());
        return InRecordingOrder(statements.Where(Unplaced));
    }

    private static bool Unplaced(StatementView s) => !s.Retracted && s.Claims.Count == 0;

    private static List<StatementView> InRecordingOrder(IEnumerable<StatementView> statements) =>
        statements.OrderBy(s => s.RecordedAt).ThenBy(s => s.ArticleId).ThenBy(s => s.Ordinal).ToList();

    /// <summary>Statements placed per transaction: one round trip per claim touched, not per statement.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// Statements the matcher places together (<see cref="ClaimMatcher.MatchAll"/>): they are clustered among
    /// themselves before joining existing claims, so an article's statements (or a whole import) find each other
    /// whatever their order. Bounded so a rebuild after a bulk import does not hold every pair score at once.
    /// </summary>
    public int GroupSize { get; init; } = 2000;

    /// <summary>
    /// Matches the statements, <see cref="GroupSize"/> at a time, and appends their claim events,
    /// <see cref="BatchSize"/> statements per transaction. A claim is fetched for writing once per batch (optimistic
    /// concurrency: a fact-checker's write in between fails the batch, and the next pass rebuilds and places those
    /// statements again).
    /// </summary>
    private async Task<(int Linked, int Opened, int Skipped)> PlaceAsync(List<StatementView> pending, CancellationToken ct)
    {
        var matcher = _matcher!;
        int linked = 0, opened = 0, skipped = 0;
        foreach (var group in pending.Chunk(Math.Max(1, GroupSize)))
        {
            var decided = group.Zip(matcher.MatchAll(group.Select(AutomaticLinking.ToMatch).ToList())).ToList();
            var (l, o, s) = await AppendAsync(decided, ct);
            linked += l;
            opened += o;
            skipped += s;
        }
        return (linked, opened, skipped);
    }

    private async Task<(int Linked, int Opened, int Skipped)> AppendAsync(List<(StatementView Statement, ClaimDecision Decision)> decided,
        CancellationToken ct)
    {
        int linked = 0, opened = 0, skipped = 0;
        foreach (var batch in decided.Chunk(Math.Max(1, BatchSize)))
        {
            await using var session = store.LightweightSession();
            var touched = new Dictionary<Guid, ClaimView>();   // claims written in this batch, as the decisions see them
            var placed = new List<(Guid Statement, Guid Claim)>();
            int batchLinked = 0, batchOpened = 0;
            foreach (var (statement, decision) in batch)
            {
                ct.ThrowIfCancellationRequested();
                var claimId = Guid.Parse(decision.ClaimId);
                var at = DateTimeOffset.UtcNow;
                Domain.Decision result;
                if (decision.OpensNewClaim)
                {
                    result = AutomaticLinking.Decide(decision, claimId, null, statement, at);
                    if (result.Succeeded)
                    {
                        session.Events.StartStream<ClaimView>(claimId, result.Events.ToArray());
                        touched[claimId] = new ClaimView { Id = claimId };
                    }
                }
                else
                {
                    if (!touched.TryGetValue(claimId, out var claim))
                    {
                        var stream = await session.Events.FetchForWriting<ClaimView>(claimId, ct);
                        touched[claimId] = claim = stream.Aggregate ?? new ClaimView { Id = claimId };
                    }
                    result = AutomaticLinking.Decide(decision, claimId, claim, statement, at);
                    if (result.Succeeded) session.Events.Append(claimId, result.Events.ToArray());
                }
                if (!result.Succeeded)
                {
                    // The matcher already put it in the index; the store says no, so the index is wrong: rebuild next pass.
                    log.LogWarning("Claim matching skipped statement {Statement}: {Error}", statement.Id, result.Error!.Message);
                    _matcher = null;
                    skipped++;
                    continue;
                }
                placed.Add((statement.Id, claimId));
                if (decision.OpensNewClaim) batchOpened++; else batchLinked++;
            }
            await session.SaveChangesAsync(ct);
            foreach (var p in placed) _indexed.Add(p);
            linked += batchLinked;
            opened += batchOpened;
        }
        return (linked, opened, skipped);
    }
}
