using ClaimTracker.Claims;
using ClaimTracker.Domain;
using Marten;

namespace ClaimTracker.Server.Features.ClaimMatching;

/// <summary>What one pass of the matcher did.</summary>
public sealed record ClaimMatchingResult(int Matched, int Linked, int Opened, int Skipped);

/// <summary>
/// One pass of automatic claim matching over the statements that are on no claim yet. The in-memory index is
/// rebuilt from the stored claim read models (so a restart, a merge or a manual unlink is always reflected), the
/// manual unlinks are loaded as exclusions (re-running never puts a statement back where a person took it off),
/// then each unplaced, unretracted statement, in recording order, is linked or opens a claim. Idempotent: a
/// statement already on a claim is never matched again, so re-running or restarting duplicates nothing.
/// One pass at a time (the singleton's lock): the index has one writer.
/// </summary>
public sealed class ClaimMatchingRun(IDocumentStore store, ILogger<ClaimMatchingRun> log)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<ClaimMatchingResult> RunAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try { return await RunOnceAsync(ct); }
        finally { _oneAtATime.Release(); }
    }

    private async Task<ClaimMatchingResult> RunOnceAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        // the loop runs every few seconds: ask the database first, and load everything only when there is work
        if (!await query.Query<StatementView>().AnyAsync(s => !s.Retracted && !s.Claims.Any(), ct))
            return new(0, 0, 0, 0);
        var statements = (await query.Query<StatementView>().ToListAsync(ct))
            .OrderBy(s => s.RecordedAt).ThenBy(s => s.ArticleId).ThenBy(s => s.Ordinal).ToList();
        var pending = statements.Where(s => !s.Retracted && s.Claims.Count == 0).ToList();
        if (pending.Count == 0) return new(0, 0, 0, 0);

        var byId = statements.ToDictionary(s => s.Id);
        var claims = (await query.Query<ClaimView>().ToListAsync(ct))
            .Where(c => c.MergedInto is null).OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).ToList();
        var index = new ClaimIndex();
        index.ObserveBackground(statements.Where(s => !s.Retracted).Select(s => s.Current.Content));
        foreach (var claim in claims)
            foreach (var link in claim.Links.Where(l => !l.Retracted).OrderBy(l => l.LinkedAt))
                index.Add(AutomaticLinking.ToMember(claim, link, byId.GetValueOrDefault(link.Statement.StatementId)));

        var exclusions = new ClaimExclusions();
        var unlinks = await query.Events.QueryRawEventDataOnly<StatementUnlinkedFromClaim>().ToListAsync(ct);
        foreach (var u in unlinks.Where(u => u.UnlinkedBy != AutomaticLinking.Matcher))
            exclusions.Exclude(u.StatementId.ToString(), u.ClaimId.ToString());

        // Claim ids are Guids so the matcher's ids are the claim streams' ids.
        var matcher = new ClaimMatcher(index, exclusions: exclusions, newClaimId: _ => Guid.NewGuid().ToString());
        int linked = 0, opened = 0, skipped = 0;
        foreach (var statement in pending)
        {
            ct.ThrowIfCancellationRequested();
            var decision = matcher.Match(AutomaticLinking.ToMatch(statement));
            var claimId = Guid.Parse(decision.ClaimId);
            await using var session = store.LightweightSession();
            var at = DateTimeOffset.UtcNow;
            Domain.Decision result;
            if (decision.OpensNewClaim)
            {
                result = AutomaticLinking.Decide(decision, claimId, null, statement, at);
                if (result.Succeeded) session.Events.StartStream<ClaimView>(claimId, result.Events.ToArray());
            }
            else
            {
                var stream = await session.Events.FetchForWriting<ClaimView>(claimId, ct);
                result = AutomaticLinking.Decide(decision, claimId, stream.Aggregate, statement, at);
                if (result.Succeeded) stream.AppendMany(result.Events.ToArray());
            }
            if (!result.Succeeded)
            {
                log.LogWarning("Claim matching skipped statement {Statement}: {Error}", statement.Id, result.Error!.Message);
                skipped++;
                continue;
            }
            await session.SaveChangesAsync(ct);
            if (decision.OpensNewClaim) opened++; else linked++;
        }
        log.LogInformation("Claim matching: {Linked} linked, {Opened} claims opened, {Skipped} skipped", linked, opened, skipped);
        return new(pending.Count, linked, opened, skipped);
    }
}
