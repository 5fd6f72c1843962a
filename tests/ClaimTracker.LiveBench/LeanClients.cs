using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ClaimTracker.LiveBench;

/// <summary>
/// <c>--clients lean</c>: each client is a bare <see cref="ClientWebSocket"/> speaking the documented SignalR JSON hub
/// protocol itself (handshake, one Subscribe invocation, a ping every 15 s, then reading `update` invocations).
/// It does only what the harness needs: find each `update`'s top-level kind and id with a forward-only
/// <see cref="Utf8JsonReader"/> scan, no deserialization, no dispatch. WHY: the clients share the server's two
/// cores, and the official HubConnection spends ~20 µs of CPU per message; the cheapest possible receivers leave
/// that CPU to the server, so what is measured is closer to what the server costs with its clients elsewhere.
/// </summary>
public static class LeanClients
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] SubscribeFeed = Encoding.UTF8.GetBytes("{\"type\":1,\"invocationId\":\"0\",\"target\":\"Subscribe\",\"arguments\":[\"feed\",null]}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);   // the server's client timeout is 30 s

    /// <summary>Connects <paramref name="count"/> lean clients; <paramref name="arrived"/> is called with (article id, Stopwatch timestamp).</summary>
    public static async Task<IAsyncDisposable> StartAsync(string url, int count, Action<string, long> arrived)
    {
        var hub = new Uri(url.Replace("http://", "ws://").Replace("https://", "wss://") + "/hubs/live");
        var stop = new CancellationTokenSource();
        var clients = new List<LeanClient>();
        for (var c = 0; c < count; c++) clients.Add(new LeanClient(hub, arrived, stop.Token));
        foreach (var batch in clients.Chunk(50)) await Task.WhenAll(batch.Select(c => c.ConnectAsync()));
        foreach (var c in clients) c.StartReading();
        return new Fleet(clients, stop);
    }

    private sealed class Fleet(List<LeanClient> clients, CancellationTokenSource stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(clients.Select(c => c.CloseAsync()));
            stop.Cancel();
            stop.Dispose();
        }
    }

    private sealed class LeanClient(Uri hub, Action<string, long> arrived, CancellationToken stop)
    {
        private readonly ClientWebSocket _ws = new();
        private byte[] _buffer = new byte[8192];
        private int _filled;   // bytes of an incomplete record kept from the previous receive
        private Task? _reader;
        private Timer? _ping;
        private readonly SemaphoreSlim _send = new(1, 1);

        /// <summary>Skip-negotiation WebSocket connect, handshake, Subscribe("feed", null) and its completion.</summary>
        public async Task ConnectAsync()
        {
            _ws.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;   // SignalR pings are the keep-alive
            await _ws.ConnectAsync(hub, stop);
            await SendAsync(Handshake);
            var handshake = await ReadRecordAsync();
            if (handshake.Contains("\"error\"")) throw new Exception("handshake refused: " + handshake);
            await SendAsync(SubscribeFeed);
            while (true)
            {
                var record = await ReadRecordAsync();
                if (!record.Contains("\"type\":3")) continue;   // pings before the completion
                if (record.Contains("\"error\"")) throw new Exception("Subscribe failed: " + record);
                break;
            }
            _ping = new Timer(_ => _ = PingAsync(), null, PingEvery, PingEvery);
        }

        public void StartReading() => _reader = Task.Run(ReadLoopAsync);

        private async Task PingAsync()
        {
            try { await SendAsync(Ping); } catch { /* closing */ }
        }

        private async Task SendAsync(byte[] bytes)
        {
            await _send.WaitAsync(stop);
            try { await _ws.SendAsync(bytes, WebSocketMessageType.Text, true, stop); }
            finally { _send.Release(); }
        }

        /// <summary>One whole record during the connect phase (rare, so a string is fine).</summary>
        private async Task<string> ReadRecordAsync()
        {
            while (true)
            {
                var end = Array.IndexOf(_buffer, RecordSeparator, 0, _filled);
                if (end >= 0)
                {
                    var record = Encoding.UTF8.GetString(_buffer, 0, end);
                    Consume(end + 1);
                    return record;
                }
                if (!await ReceiveAsync()) throw new Exception("closed during connect");
            }
        }

        private void Consume(int n)
        {
            Buffer.BlockCopy(_buffer, n, _buffer, 0, _filled - n);
            _filled -= n;
        }

        private async ValueTask<bool> ReceiveAsync()
        {
            if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var r = await _ws.ReceiveAsync(_buffer.AsMemory(_filled), stop);
            if (r.MessageType == WebSocketMessageType.Close) return false;
            _filled += r.Count;
            return true;
        }

        private async Task ReadLoopAsync()
        {
            try
            {
                while (await ReceiveAsync())
                {
                    var t = Stopwatch.GetTimestamp();
                    // Records may span receives (and a receive may hold several): handle the complete ones, keep the rest.
                    var at = 0;
                    while (_buffer.AsSpan(at, _filled - at).IndexOf(RecordSeparator) is var i and >= 0)
                    {
                        foreach (var id in ArticlesOf(_buffer.AsSpan(at, i))) arrived(id, t);
                        at += i + 1;
                    }
                    if (at > 0) Consume(at);
                }
            }
            catch (OperationCanceledException) { }
            catch (WebSocketException) { }
        }

        public async Task CloseAsync()
        {
            _ping?.Dispose();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                if (_reader is not null) await _reader.WaitAsync(timeout.Token);
            }
            catch { /* the server went first */ }
            _ws.Dispose();
        }
    }

    private static ReadOnlySpan<byte> UpdateTarget => "update"u8;

    /// <summary>
    /// For an `update` invocation (<c>{"type":1,"target":"update","arguments":[{...}]}</c>): the ids of the articles
    /// it brings, the argument's own when its kind is "article", each element's of `updates` when it is a digest.
    /// Only top-level kind and id are read; nested objects (the statements) are skipped. Empty for anything else
    /// (pings, other kinds).
    /// </summary>
    public static List<string> ArticlesOf(ReadOnlySpan<byte> record)
    {
        var found = new List<string>();
        var reader = new Utf8JsonReader(record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return found;
        var isUpdate = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                isUpdate = reader.ValueTextEquals(UpdateTarget);
                if (!isUpdate) return [];
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();   // [
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return found;
                ReadUpdate(ref reader, found);
                // The server writes target first, but the protocol does not promise the order.
                return isUpdate || ScanTarget(record) ? found : [];
            }
            else { reader.Read(); reader.Skip(); }
        }
        return found;
    }

    // The reader stands on an update's StartObject; leaves it on its EndObject.
    private static void ReadUpdate(ref Utf8JsonReader reader, List<string> found)
    {
        string? kind = null, id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kind"u8)) { reader.Read(); kind = reader.GetString(); }
            else if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = reader.GetString(); }
            else if (reader.ValueTextEquals("updates"u8))
            {
                reader.Read();   // [
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject) ReadUpdate(ref reader, found);
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (kind == "article" && id is not null) found.Add(id);
    }

    private static bool ScanTarget(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTarget = reader.ValueTextEquals("target"u8);
            reader.Read();
            if (isTarget) return reader.ValueTextEquals(UpdateTarget);
            reader.Skip();
        }
        return false;
    }
}
