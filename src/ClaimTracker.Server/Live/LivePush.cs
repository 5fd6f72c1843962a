using ClaimTracker.Domain;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace ClaimTracker.Server.Live;

/// <summary>
/// The pump: a Marten subscription run by the async daemon, so it sees committed events only, in global sequence
/// order, without gaps (the daemon's high-water mark waits for slower concurrent transactions). Each page becomes
/// coalesced updates handed to the broker; nothing here touches the network or runs inside a writer's SaveChanges.
/// </summary>
public sealed class LivePush(LiveBroker broker) : SubscriptionBase
{
    public const string Name = "LivePush";

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var updates = LiveMessages.Build(page.Events);
        if (updates.Any(u => u.Kind == "claim"))
        {
            // Its own session: claims are folded to the page's versions when the inline document has moved on.
            await using var session = operations.DocumentStore.QuerySession();
            updates = await LiveViews.WithClaimsAsOfAsync(session, updates, cancellationToken);
        }
        broker.Publish(updates, page.SequenceCeiling);
        return NullChangeListener.Instance;
    }
}
