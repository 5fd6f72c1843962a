using Microsoft.AspNetCore.SignalR;

namespace ClaimTracker.Server.Live;

/// <summary>
/// /hubs/live: Subscribe(topic, afterSequence) and Unsubscribe(topic); the server calls `update` on the client.
/// Contract: docs/api.md, "Live updates (SignalR)".
/// </summary>
public sealed class LiveHub(LiveBroker broker) : Hub
{
    public override Task OnConnectedAsync()
    {
        broker.Connected(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        broker.Disconnected(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>Returns the sequence the subscription is live from (the last one replayed or already published).</summary>
    public async Task<long> Subscribe(string topic, long? afterSequence)
    {
        if (!LiveMessages.IsValidTopic(topic))
            throw new HubException($"Unknown topic '{topic}'. Use feed, contested, claim:{{id}}, actor:{{id}} or article:{{id}}.");
        if (afterSequence < 0) throw new HubException("afterSequence must be 0 or more (or null for live only).");
        return await broker.SubscribeAsync(Context.ConnectionId, topic, afterSequence, Context.ConnectionAborted);
    }

    public void Unsubscribe(string topic) => broker.Unsubscribe(Context.ConnectionId, topic);
}
