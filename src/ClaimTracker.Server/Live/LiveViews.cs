using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Actors;
using JasperFx.Events;
using Marten;
using Marten.Services;

namespace ClaimTracker.Server.Live;

/// <summary>
/// The read-model fields an update carries, as they were at the update's own sequence: a message that says
/// "sequence 1842" shows the claim or actor as of 1842, live or replayed, never a later state.
/// </summary>
public static class LiveViews
{
    /// <summary>
    /// Claim updates get the claim document at their stream version: the inline document when it is still at that
    /// version (the usual live case), else the claim stream folded up to that version (replay, or a pump that lags).
    /// </summary>
    public static async Task<List<LiveUpdate>> WithClaimsAsOfAsync(IQuerySession session, List<LiveUpdate> updates, CancellationToken ct)
    {
        var keys = updates.Where(u => u.Kind == "claim").Select(u => (Id: Guid.Parse(u.Id), u.Version)).Distinct().ToList();
        if (keys.Count == 0) return updates;
        var current = (await session.LoadManyAsync<ClaimView>(ct, keys.Select(k => k.Id).Distinct())).ToDictionary(c => c.Id);
        var asOf = new Dictionary<(Guid, long), ClaimView?>();
        foreach (var k in keys)
            asOf[k] = current.TryGetValue(k.Id, out var c) && c.Version == k.Version
                ? c
                : await session.Events.AggregateStreamAsync<ClaimView>(k.Id, k.Version, token: ct);
        return updates.Select(u => u.Kind == "claim" ? LiveMessages.WithClaim(u, asOf[(Guid.Parse(u.Id), u.Version)]) : u).ToList();
    }

    /// <summary>
    /// Replay of an actor topic, one page: the updates the live gate would have released, and the latest change of
    /// the actor document in the page carries its counts as of that sequence (<paramref name="view"/>: the actor
    /// folded up to the end of the page, like the actor time-travel read), as a synthetic `actor` update when no
    /// statement update stands for it.
    /// </summary>
    public static List<LiveUpdate> WithActorAsOf(string actorId, IReadOnlyList<IEvent> page, List<LiveUpdate> updates, ActorView? view)
    {
        var last = page.LastOrDefault(e => ActorProjection.ActorsOf(e.Data).Contains(actorId));
        if (last is null || view is null) return updates;
        var i = updates.FindIndex(u => u.Sequence == last.Sequence);
        if (i >= 0) updates[i] = LiveMessages.WithActor(updates[i], view);
        else
        {
            updates.Add(LiveMessages.ActorChanged(actorId, last.Sequence, view));
            updates.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        }
        return updates;
    }
}

/// <summary>
/// Hears the async daemon commit actor documents (ActorProjection) and hands them to the broker, which releases the
/// actor topics' waiting updates with the new counts. Runs after the commit: the HTTP API already serves them.
/// </summary>
public sealed class LiveActorListener(LiveBroker broker) : IChangeListener
{
    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var actors = commit.Updated.Concat(commit.Inserted).OfType<ActorView>().ToList();
        if (actors.Count > 0) broker.ActorsProjected(actors);
        return Task.CompletedTask;
    }

    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
}
