using Marten;
using Microsoft.AspNetCore.SignalR;

namespace ClaimTracker.Server.Live;

/// <summary>
/// /hubs/live: Subscribe(topic, afterSequence) and Unsubscribe(topic); the server calls `update` on the client.
/// Contract: docs/api.md, "Live updates (SignalR)".
/// </summary>
public sealed class LiveHub(LiveBroker broker, IDocumentStore store) : Hub
{
    /// <summary>Topics one connection may hold at once: a dashboard needs a handful; each costs the server memory.</summary>
    public const int MaxTopicsPerConnection = 1000;

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
        if (TopicProblem(topic) is { } problem) throw new HubException(problem);
        if (afterSequence < 0) throw new HubException("afterSequence must be 0 or more (or null for live only).");
        // A mark past the newest event cannot come from this store (a reset or another database): taken as the
        // topic's high-water mark, it silently dropped every update below it, i.e. all of them for a long time.
        if (afterSequence > broker.Published && await NewestSequenceAsync() is var newest && afterSequence > newest)
            throw new HubException($"afterSequence {afterSequence} is beyond the newest event ({newest}): it is not from this " +
                                   "store. Subscribe with null (live only) or a sequence this server sent.");
        if (broker.TopicCount(Context.ConnectionId, topic) >= MaxTopicsPerConnection)
            throw new HubException($"This connection already has {MaxTopicsPerConnection} topics, the most one may have; unsubscribe from some first.");
        return await broker.SubscribeAsync(Context.ConnectionId, topic, afterSequence, Context.ConnectionAborted);
    }

    /// <summary>The newest stored event's sequence (one row by the primary key; 0 for an empty store).</summary>
    private async Task<long> NewestSequenceAsync()
    {
        await using var session = store.QuerySession();
        var newest = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Take(1).ToListAsync(Context.ConnectionAborted);
        return newest.Count == 0 ? 0 : newest[0].Sequence;
    }

    public void Unsubscribe(string topic)
    {
        if (string.IsNullOrEmpty(topic)) throw new HubException("Unsubscribe needs the topic to stop.");
        broker.Unsubscribe(Context.ConnectionId, topic);
    }

    /// <summary>Why a topic cannot be subscribed to, or null. Claim and article ids must be written as updates carry
    /// them (lowercase GUID with hyphens): topics match exactly, so another spelling would never receive anything.</summary>
    public static string? TopicProblem(string? topic)
    {
        if (!LiveMessages.IsValidTopic(topic))
            return $"Unknown topic '{Shorten(topic)}'. Use feed, contested, claim:{{id}}, actor:{{id}} or article:{{id}}.";
        var colon = topic!.IndexOf(':');
        if (colon < 0) return null;
        var (kind, id) = (topic[..colon], topic[(colon + 1)..]);
        if (kind is not ("claim" or "article")) return null;
        if (!Guid.TryParse(id, out var guid)) return $"Topic '{topic}': a {kind} id is a GUID, e.g. {kind}:{Guid.Empty:D}.";
        return id == guid.ToString("D") ? null : $"Topic '{topic}': write the {kind} id as a lowercase GUID with hyphens: {kind}:{guid:D}.";
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 80 ? s : s[..80] + "…";
}
