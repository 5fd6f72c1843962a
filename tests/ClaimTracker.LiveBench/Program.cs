// bench-live: latency from an HTTP POST returning to the `update` arriving at N SignalR clients, and ingestion rate
// with N clients versus none. Starts the real server (Release build) as a child process on loopback with its own
// embedded PostgreSQL. Usage: dotnet run -c Release --project tests/ClaimTracker.LiveBench -- [clients=1,100,1000] [posts=200] [ingest=300]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

var clientCounts = (args.Length > 0 ? args[0] : "1,100,1000").Split(',').Select(int.Parse).ToArray();
var posts = args.Length > 1 ? int.Parse(args[1]) : 200;
var ingestPosts = args.Length > 2 ? int.Parse(args[2]) : 300;
const string Key = "bench-live-key";

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "ClaimTracker.sln"))) root = root.Parent;
var project = Path.Combine(root!.FullName, "src", "ClaimTracker.Server");
var dll = Path.Combine(project, "bin", "Release", "net10.0", "ClaimTracker.Server.dll");
if (!File.Exists(dll)) { Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/ClaimTracker.Server ({dll} missing)"); return 2; }

var data = Path.Combine("/tmp", "ctbench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(data);
int port;
using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
var baseUrl = $"http://127.0.0.1:{port}";
var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in new[] { dll, "--urls", baseUrl }) start.ArgumentList.Add(a);
start.Environment["CLAIMTRACKER_DATA"] = data;
start.Environment["CLAIMTRACKER_API_KEY"] = Key;
start.Environment["ClaimTracker__SeedOnStart"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
using var server = Process.Start(start)!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine(); server.BeginErrorReadLine();

using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
try
{
    for (var i = 0; ; i++)
    {
        try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
        if (i > 600 || server.HasExited) throw new Exception("server did not start");
        await Task.Delay(200);
    }
    Console.WriteLine($"bench-live: server {baseUrl}, {Environment.ProcessorCount} cores, posts per level {posts}, ingest posts {ingestPosts}");
    var n = 0;
    async Task<string> Post()
    {
        var i = Interlocked.Increment(ref n);
        var body = $"GENEVA (Reuters) - Minister Number{i} Example said on Monday that the talks would resume in round {i}.";
        var r = await http.PostAsJsonAsync("/api/articles", new { headline = $"Bench story {i}", body });
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles")[0].GetProperty("id").GetString()!;
    }
    for (var i = 0; i < 20; i++) await Post();   // warm-up: JIT, codegen, connection pools

    var clock = Stopwatch.StartNew();
    async Task<(List<HubConnection> Conns, ConcurrentDictionary<string, ConcurrentBag<double>> Arrivals)> Connect(int count)
    {
        var arrivals = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var conns = new List<HubConnection>();
        for (var c = 0; c < count; c++)
        {
            var conn = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/live", o => o.Transports = HttpTransportType.WebSockets).Build();
            conn.On<JsonElement>("update", u =>
            {
                var t = clock.Elapsed.TotalMilliseconds;
                if (u.GetProperty("kind").GetString() == "article") arrivals.GetOrAdd(u.GetProperty("id").GetString()!, _ => []).Add(t);
            });
            conns.Add(conn);
        }
        foreach (var batch in conns.Chunk(50)) await Task.WhenAll(batch.Select(async c => { await c.StartAsync(); await c.InvokeAsync<long>("Subscribe", "feed", (long?)null); }));
        return (conns, arrivals);
    }

    foreach (var count in clientCounts)
    {
        var (conns, arrivals) = await Connect(count);
        var latencies = new List<double>();
        var missing = 0;
        for (var p = 0; p < posts; p++)
        {
            var id = await Post();
            var returned = clock.Elapsed.TotalMilliseconds;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((arrivals.TryGetValue(id, out var bag) ? bag.Count : 0) < count && DateTime.UtcNow < deadline) await Task.Delay(1);
            var got = arrivals.TryGetValue(id, out var b) ? b.ToArray() : [];
            missing += count - got.Length;
            latencies.AddRange(got.Select(t => Math.Max(0, t - returned)));
        }
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine($"clients {count,5}: {latencies.Count} deliveries, missing {missing}, latency from POST return p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {latencies.LastOrDefault():F1} ms");
        await Task.WhenAll(conns.Select(c => c.DisposeAsync().AsTask()));
    }

    // CPU seconds per run of the server process and of this harness (where the clients run): who pays for the fan-out.
    async Task<double> Ingest()
    {
        server.Refresh();
        var serverCpu = server.TotalProcessorTime;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < ingestPosts; i++) await Post();
        var rate = ingestPosts / sw.Elapsed.TotalSeconds;
        server.Refresh();
        Console.WriteLine($"  ingest run: {rate:F1} posts/s in {sw.Elapsed.TotalSeconds:F1} s; CPU server {(server.TotalProcessorTime - serverCpu).TotalSeconds:F1} s, harness+clients {(Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds:F1} s");
        return rate;
    }
    var none = await Ingest();
    var (many, _) = await Connect(clientCounts.Max());
    var with = await Ingest();
    await Task.WhenAll(many.Select(c => c.DisposeAsync().AsTask()));
    var none2 = await Ingest();
    Console.WriteLine($"ingestion (sequential POSTs of one-statement stories): no clients {none:F1}/s and {none2:F1}/s (before/after), {clientCounts.Max()} clients {with:F1}/s: {100 * (1 - with / ((none + none2) / 2)):F1}% slower");
    return 0;
}
finally
{
    if (!server.HasExited)
    {
        using (var term = Process.Start("kill", ["-TERM", server.Id.ToString()])) term!.WaitForExit();
        if (!server.WaitForExit(30_000)) server.Kill(entireProcessTree: true);
    }
    try { Directory.Delete(data, true); } catch { }
}
