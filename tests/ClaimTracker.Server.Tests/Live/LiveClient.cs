using System.Text.Json;
using System.Threading.Channels;
using Alba;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>A real .NET SignalR client on the hub of the Alba TestServer, collecting every `update` it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<JsonElement> _updates = Channel.CreateUnbounded<JsonElement>();
    public HubConnection Connection { get; }
    /// <summary>Every update received, a digest's updates one by one in its place (as if each had come alone).</summary>
    public List<JsonElement> Received { get; } = [];
    /// <summary>The digests as they came (each also unpacked into <see cref="Received"/>).</summary>
    public List<JsonElement> Digests { get; } = [];

    private LiveClient(IAlbaHost host, string? key, bool messagePack)
    {
        var server = host.Server;
        var url = new Uri(server.BaseAddress, "/hubs/live" + (key is null ? "" : "?access_token=" + Uri.EscapeDataString(key)));
        var builder = new HubConnectionBuilder().WithUrl(url, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            o.WebSocketFactory = async (ctx, ct) => await server.CreateWebSocketClient().ConnectAsync(ctx.Uri, ct);
        });
        if (messagePack)
        {
            // A MessagePack map read generically, turned into the same JSON the JSON protocol would give.
            builder.AddMessagePackProtocol();
            Connection = builder.Build();
            Connection.On<Dictionary<object, object?>>("update", u => Take(JsonSerializer.SerializeToElement(Plain(u))));
        }
        else
        {
            Connection = builder.Build();
            Connection.On<JsonElement>("update", u => Take(u.Clone()));
        }
    }

    private void Take(JsonElement u)
    {
        if (u.Str("kind") != "digest") { _updates.Writer.TryWrite(u); return; }
        lock (Digests) Digests.Add(u);
        foreach (var inner in u.GetProperty("updates").EnumerateArray()) _updates.Writer.TryWrite(inner);
    }

    private static object? Plain(object? value) => value switch
    {
        IDictionary<object, object?> map => map.ToDictionary(kv => kv.Key.ToString()!, kv => Plain(kv.Value)),
        System.Collections.IDictionary map => map.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => Plain(map[k])),
        object?[] list => list.Select(Plain).ToList(),
        _ => value,
    };

    public static async Task<LiveClient> ConnectAsync(IAlbaHost host, string? key = null, bool messagePack = false)
    {
        var client = new LiveClient(host, key, messagePack);
        await client.Connection.StartAsync();
        return client;
    }

    public Task<long> Subscribe(string topic, long? afterSequence = null) => Connection.InvokeAsync<long>("Subscribe", topic, afterSequence);
    public Task Unsubscribe(string topic) => Connection.InvokeAsync("Unsubscribe", topic);

    /// <summary>Waits for the first update matching; everything read on the way is kept in <see cref="Received"/>.</summary>
    // generous: on a loaded 2-core CI machine the first pages of a fresh store can take a while; arrival, not speed, is asserted
    public async Task<JsonElement> WaitFor(Func<JsonElement, bool> match, int seconds = 45)
    {
        foreach (var seen in Received) if (match(seen)) return seen;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var u = await _updates.Reader.ReadAsync(timeout.Token);
                Received.Add(u);
                if (match(u)) return u;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching update within {seconds} s; received: {string.Join(", ", Received.Select(r => r.ToString()))}");
        }
    }

    /// <summary>Collects updates until none arrives for <paramref name="quietMs"/>.</summary>
    public async Task<List<JsonElement>> Drain(int quietMs = 1500)
    {
        while (true)
        {
            using var quiet = new CancellationTokenSource(quietMs);
            try { Received.Add(await _updates.Reader.ReadAsync(quiet.Token)); }
            catch (OperationCanceledException) { return Received; }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

public static class LiveJson
{
    public static string Str(this JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
    public static long Seq(this JsonElement e) => e.GetProperty("sequence").GetInt64();
    public static int? Int(this JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;

    /// <summary>An update and the statements riding inside it (a `feed` article update carries its statements).</summary>
    public static IEnumerable<JsonElement> WithNested(this JsonElement u) =>
        u.TryGetProperty("statements", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Prepend(u) : [u];

    /// <summary>
    /// The updates' sequences, asserted to ascend with no repeat (the hub's promise: in order, no duplicates).
    /// </summary>
    public static List<long> AssertInOrderOnce(this IEnumerable<JsonElement> updates)
    {
        var sequences = updates.Select(u => u.Seq()).ToList();
        Assert.Equal(sequences.OrderBy(q => q), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        return sequences;
    }

    /// <summary>Every update and nested statement, in the order received.</summary>
    public static IEnumerable<JsonElement> Flat(this IEnumerable<JsonElement> updates) => updates.SelectMany(WithNested);
}
