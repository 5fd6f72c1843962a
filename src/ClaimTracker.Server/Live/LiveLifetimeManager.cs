using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ClaimTracker.Server.Live;

/// <summary>
/// SignalR's default lifetime manager, plus a handle on each connection so the broker can write one update,
/// serialized once, to many connections (Clients.Client(id).SendAsync would serialize it again for every client).
/// </summary>
public sealed class LiveLifetimeManager(ILogger<DefaultHubLifetimeManager<LiveHub>> logger) : DefaultHubLifetimeManager<LiveHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new();

    public HubConnectionContext? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        await base.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        await base.OnDisconnectedAsync(connection);
    }

    /// <summary>The `update` invocation, serialized lazily once per protocol and shared by every connection.</summary>
    public static SerializedHubMessage Message(LiveUpdate u) => new(new InvocationMessage("update", [u]));
}
