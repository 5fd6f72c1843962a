// bench-live: latency from an HTTP POST returning to the `update` arriving at N SignalR clients, and ingestion rate
// with N clients versus none. Starts the real server (Release build) as a child process on loopback with its own
// embedded PostgreSQL; the clients run in separate client processes (this program again, in client mode), so the
// CPU of server (+ its PostgreSQL), clients and this driver can be told apart.
//
// Usage (from the repository root, after building server and harness in Release):
//   dotnet tests/ClaimTracker.LiveBench/bin/Release/net10.0/ClaimTracker.LiveBench.dll [clients=1,100,1000] [posts=200] [ingest=300]
//       [--protocol json|messagepack] [--clients official|lean] [--client-procs 1] [--client-nice 0] [--server-env NAME=VALUE]... [--client-env NAME=VALUE]... [--server-dll path]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ClaimTracker.LiveBench;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

if (args.Length > 0 && args[0] == "--client-host") return await ClientHost.RunAsync(args[1], int.Parse(args[2]), args[3], args.Length > 4 ? args[4] : "official");

var positional = new List<string>();
var protocol = "json";
var clientKind = "official";   // official: HubConnection; lean: raw ClientWebSocket speaking the JSON hub protocol (LeanClients)
var clientProcs = 1;
var clientNice = 0;
var serverEnv = new List<(string, string)>();
var clientEnv = new List<(string, string)>();
string? serverDll = null;   // another build of the server (e.g. a copy of the previous one, to alternate old and new)
for (var i = 0; i < args.Length; i++)
    switch (args[i])
    {
        case "--protocol": protocol = args[++i]; break;
        case "--clients": clientKind = args[++i]; break;
        case "--client-procs": clientProcs = int.Parse(args[++i]); break;
        case "--client-nice": clientNice = int.Parse(args[++i]); break;
        case "--server-dll": serverDll = args[++i]; break;
        case "--server-env": var kv = args[++i].Split('=', 2); serverEnv.Add((kv[0], kv[1])); break;
        case "--client-env": var ckv = args[++i].Split('=', 2); clientEnv.Add((ckv[0], ckv[1])); break;
        default: positional.Add(args[i]); break;
    }
if (protocol is not ("json" or "messagepack")) { Console.Error.WriteLine("--protocol json|messagepack"); return 2; }
if (clientKind is not ("official" or "lean")) { Console.Error.WriteLine("--clients official|lean"); return 2; }
if (clientKind == "lean" && protocol != "json") { Console.Error.WriteLine("--clients lean speaks the JSON hub protocol only: use --protocol json"); return 2; }
var clientCounts = (positional.Count > 0 ? positional[0] : "1,100,1000").Split(',').Select(int.Parse).ToArray();
var posts = positional.Count > 1 ? int.Parse(positional[1]) : 200;
var ingestPosts = positional.Count > 2 ? int.Parse(positional[2]) : 300;
const string Key = "bench-live-key";

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "ClaimTracker.sln"))) root = root.Parent;
var project = Path.Combine(root!.FullName, "src", "ClaimTracker.Server");
var dll = serverDll is null ? Path.Combine(project, "bin", "Release", "net10.0", "ClaimTracker.Server.dll") : Path.GetFullPath(serverDll);
if (!File.Exists(dll)) { Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/ClaimTracker.Server ({dll} missing)"); return 2; }

var data = Path.Combine("/tmp", "ctbench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(data);
Cpu.DataDir = data;
int port;
using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
var baseUrl = $"http://127.0.0.1:{port}";
var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in new[] { dll, "--urls", baseUrl }) start.ArgumentList.Add(a);
start.Environment["CLAIMTRACKER_DATA"] = data;
start.Environment["CLAIMTRACKER_API_KEY"] = Key;
start.Environment["ClaimTracker__SeedOnStart"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
start.Environment["Logging__LogLevel__ClaimTracker.Server.Live.LivePump"] = "Information";   // its one summary line at the end
foreach (var (name, value) in serverEnv) start.Environment[name] = value;
using var server = Process.Start(start)!;
server.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Live pump:") == true) Console.WriteLine("  server: " + e.Data.Trim()); };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine(); server.BeginErrorReadLine();

using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
var fleets = new List<ClientFleet>();
try
{
    for (var i = 0; ; i++)
    {
        try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
        if (i > 600 || server.HasExited) throw new Exception("server did not start");
        await Task.Delay(200);
    }
    Console.WriteLine($"bench-live: server {baseUrl}, {Environment.ProcessorCount} cores, server {dll}, protocol {protocol}, {clientKind} clients, {clientProcs} client process(es) at nice {clientNice}, " +
                      $"posts per level {posts}, ingest posts {ingestPosts}, server env [{string.Join(' ', serverEnv.Select(e => e.Item1 + "=" + e.Item2))}], client env [{string.Join(' ', clientEnv.Select(e => e.Item1 + "=" + e.Item2))}], load {Cpu.LoadAverage()}");
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

    async Task<ClientFleet> Connect(int count)
    {
        var fleet = await ClientFleet.StartAsync(baseUrl, count, Math.Max(1, Math.Min(clientProcs, count)), protocol, clientKind, clientNice, clientEnv);
        fleets.Add(fleet);
        return fleet;
    }
    async Task Disconnect(ClientFleet fleet) { await fleet.DisposeAsync(); fleets.Remove(fleet); }

    foreach (var count in clientCounts)
    {
        var fleet = await Connect(count);
        await Settle(fleet);
        var latencies = new List<double>();
        var missing = 0;
        var early = 0;
        var cpu = Cpu.Snapshot(server, fleet);
        for (var p = 0; p < posts; p++)
        {
            var id = await Post();
            var returned = Stopwatch.GetTimestamp();
            var got = await fleet.WaitForAsync(id, TimeSpan.FromSeconds(10));
            missing += count - got.Count;
            // An update can arrive before the POST's response is read (it goes out at commit, the response after):
            // counted as 0 ms, and counted apart.
            foreach (var t in got)
            {
                var ms = Stopwatch.GetElapsedTime(returned, t).TotalMilliseconds;
                if (ms < 0) early++;
                latencies.Add(Math.Max(0, ms));
            }
        }
        var used = Cpu.Since(cpu, server, fleet);
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine($"clients {count,5}: {latencies.Count} deliveries, missing {missing}, before the POST returned {early}, latency from POST return p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {latencies.LastOrDefault():F1} ms; {used}");
        await Disconnect(fleet);
    }

    // Waits (at most 60 s) until the server and the clients have been nearly idle for a second, before each latency
    // level and each ingestion run: the async daemon's backlog from the previous run, or the work of connecting 1,000
    // clients (about 3 s of server CPU and 1 s of the clients', measured with BENCH_SETTLE_TRACE=1), would otherwise be
    // charged to the next level or run.
    async Task Settle(ClientFleet? fleet)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var m = Cpu.Snapshot(server, fleet);
            await Task.Delay(1000);
            var d = Cpu.Delta(m, server, fleet);
            if (Environment.GetEnvironmentVariable("BENCH_SETTLE_TRACE") is not null) Console.WriteLine($"    settle: server {d.Server:F2} postgres {d.Postgres:F2} clients {d.Clients:F2}");
            if (d.Server + d.Postgres + d.Clients < 0.1) break;   // 1,000 idle clients alone take about 0.05 (timers, pings)
        }
        Console.WriteLine($"  settled in {waited.Elapsed.TotalSeconds:F0} s");
    }

    async Task<(double Rate, Cpu.Mark Used)> Ingest(ClientFleet? fleet)
    {
        await Settle(fleet);
        var cpu = Cpu.Snapshot(server, fleet);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < ingestPosts; i++) await Post();
        var rate = ingestPosts / sw.Elapsed.TotalSeconds;
        var last = fleet is null ? null : await Post();   // wait for the fan-out of the run to finish before reading CPU
        if (last is not null) await fleet!.WaitForAsync(last, TimeSpan.FromSeconds(30));
        Console.WriteLine($"  ingest run: {rate:F1} posts/s in {sw.Elapsed.TotalSeconds:F1} s; {Cpu.Since(cpu, server, fleet)}");
        return (rate, Cpu.Delta(cpu, server, fleet));
    }
    // One run thrown away first: the server's first few hundred posts run slower (tiered JIT, caches), and the
    // "before" run would otherwise be slower than "after" for that reason alone.
    Console.Write("  (warm-up)");
    await Ingest(null);
    var (none, idle1) = await Ingest(null);
    var many = await Connect(clientCounts.Max());
    var (with, busy) = await Ingest(many);
    await Disconnect(many);
    var (none2, idle2) = await Ingest(null);
    // What one delivery costs: the server's extra CPU with clients (same posts) and the clients' CPU, per delivery.
    var deliveries = (double)clientCounts.Max() * (ingestPosts + 1);
    Console.WriteLine($"fan-out cost per delivery: server {1e6 * (busy.Server - (idle1.Server + idle2.Server) / 2) / deliveries:F0} µs, " +
                      $"PostgreSQL {1e6 * (busy.Postgres - (idle1.Postgres + idle2.Postgres) / 2) / deliveries:F1} µs, clients {1e6 * busy.Clients / deliveries:F0} µs");
    Console.WriteLine($"ingestion (sequential POSTs of one-statement stories): no clients {none:F1}/s and {none2:F1}/s (before/after), {clientCounts.Max()} clients {with:F1}/s: {100 * (1 - with / ((none + none2) / 2)):F1}% slower; load {Cpu.LoadAverage()}");
    return 0;
}
finally
{
    foreach (var f in fleets) await f.DisposeAsync();
    if (!server.HasExited)
    {
        using (var term = Process.Start("kill", ["-TERM", server.Id.ToString()])) term!.WaitForExit();
        if (!server.WaitForExit(30_000)) server.Kill(entireProcessTree: true);
    }
    try { Directory.Delete(data, true); } catch { }
}

namespace ClaimTracker.LiveBench
{
    /// <summary>The fields the bench reads; everything else in an update is skipped by the deserializer.</summary>
    [MessagePack.MessagePackObject]
    public sealed class BenchUpdate
    {
        [MessagePack.Key("kind")] public string? Kind { get; set; }
        [MessagePack.Key("id")] public string? Id { get; set; }
        [MessagePack.Key("updates")] public List<BenchUpdate>? Updates { get; set; }
    }

    /// <summary>
    /// Client mode: <c>--client-host url count protocol</c> connects <c>count</c> clients subscribed to `feed`, prints
    /// "ready", then one line per article once all its clients have it: "A id t1 t2 ..." (Stopwatch timestamps, the
    /// same monotonic clock in every process on the machine). Ends when stdin closes.
    /// </summary>
    public static class ClientHost
    {
        public static async Task<int> RunAsync(string url, int count, string protocol, string kind)
        {
            var output = new BlockingCollection<string>();
            var writer = new Thread(() =>
            {
                using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                foreach (var line in output.GetConsumingEnumerable()) { stdout.WriteLine(line); if (output.Count == 0) stdout.Flush(); }
            }) { IsBackground = true };
            writer.Start();
            var arrivals = new ConcurrentDictionary<string, Arrivals>();
            void Arrived(string id, long t)
            {
                var a = arrivals.GetOrAdd(id, _ => new Arrivals(count));
                if (a.Add(t)) output.Add("A " + id + " " + string.Join(' ', a.Times));
            }
            if (kind == "lean")
            {
                await using var lean = await LeanClients.StartAsync(url, count, Arrived);
                output.Add("ready");
                // Console.In reads synchronously even through ReadToEndAsync: on its own thread, so it never blocks a
                // socket thread (with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 we are on the epoll thread here).
                await Task.Factory.StartNew(() => Console.In.ReadToEnd(), TaskCreationOptions.LongRunning);   // the driver closes stdin to stop us
            }
            else
            {
                var conns = new List<HubConnection>();
                for (var c = 0; c < count; c++)
                {
                    var builder = new HubConnectionBuilder().WithUrl(url + "/hubs/live", o => o.Transports = HttpTransportType.WebSockets);
                    if (protocol == "messagepack") builder.AddMessagePackProtocol();
                    var conn = builder.Build();
                    conn.On<BenchUpdate>("update", u =>
                    {
                        var t = Stopwatch.GetTimestamp();
                        if (u.Kind == "article" && u.Id is not null) Arrived(u.Id, t);
                        // A burst's page arrives as one digest holding every story of it.
                        foreach (var x in u.Updates ?? []) if (x.Kind == "article" && x.Id is not null) Arrived(x.Id, t);
                    });
                    conns.Add(conn);
                }
                foreach (var batch in conns.Chunk(50))
                    await Task.WhenAll(batch.Select(async c => { await c.StartAsync(); await c.InvokeAsync<long>("Subscribe", "feed", (long?)null); }));
                output.Add("ready");
                await Console.In.ReadToEndAsync();   // the driver closes stdin to stop us
                await Task.WhenAll(conns.Select(c => c.DisposeAsync().AsTask()));
            }
            output.CompleteAdding();
            writer.Join(5000);
            return 0;
        }

        private sealed class Arrivals(int expected)
        {
            public readonly long[] Times = new long[expected];
            private int _n;
            /// <summary>True for the arrival that completes the set.</summary>
            public bool Add(long t)
            {
                var i = Interlocked.Increment(ref _n) - 1;
                if (i >= Times.Length) return false;
                Times[i] = t;
                return i == Times.Length - 1;
            }
        }
    }

    /// <summary>The client processes of one level, and the arrival lines they report.</summary>
    public sealed class ClientFleet : IAsyncDisposable
    {
        private readonly List<Process> _procs = [];
        private readonly ConcurrentDictionary<string, ConcurrentBag<long[]>> _arrivals = new();
        private readonly int _count;

        private ClientFleet(int count) => _count = count;
        public IReadOnlyList<Process> Processes => _procs;

        public static async Task<ClientFleet> StartAsync(string url, int count, int procs, string protocol, string kind, int nice, IReadOnlyList<(string Name, string Value)> env)
        {
            var fleet = new ClientFleet(count);
            var ready = new List<Task>();
            for (var p = 0; p < procs; p++)
            {
                var share = count / procs + (p < count % procs ? 1 : 0);
                // `nice` lets the clients take only CPU the server leaves idle: the nearest this one box gets to clients elsewhere.
                var info = new ProcessStartInfo(nice == 0 ? "dotnet" : "nice") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
                var command = new[] { "dotnet", typeof(ClientFleet).Assembly.Location, "--client-host", url, share.ToString(), protocol, kind };
                foreach (var a in nice == 0 ? command[1..] : ["-n", nice.ToString(), .. command]) info.ArgumentList.Add(a);
                foreach (var (name, value) in env) info.Environment[name] = value;
                var proc = Process.Start(info)!;
                fleet._procs.Add(proc);
                var isReady = new TaskCompletionSource();
                ready.Add(isReady.Task);
                _ = Task.Run(async () =>
                {
                    while (await proc.StandardOutput.ReadLineAsync() is { } line)
                    {
                        if (line == "ready") { isReady.TrySetResult(); continue; }
                        if (!line.StartsWith("A ")) continue;
                        var parts = line.Split(' ');
                        fleet._arrivals.GetOrAdd(parts[1], _ => []).Add(parts.Skip(2).Select(long.Parse).ToArray());
                    }
                    isReady.TrySetException(new Exception("client process ended before it was ready"));
                });
            }
            await Task.WhenAll(ready).WaitAsync(TimeSpan.FromMinutes(3));
            return fleet;
        }

        /// <summary>The arrival times of an article at every client (fewer if some did not get it in time).</summary>
        public async Task<List<long>> WaitForAsync(string articleId, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                if (_arrivals.TryGetValue(articleId, out var bag) && bag.Sum(x => x.Length) >= _count) break;
                await Task.Delay(1);
            }
            return _arrivals.TryGetValue(articleId, out var got) ? got.SelectMany(x => x).ToList() : [];
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var p in _procs) try { p.StandardInput.Close(); } catch { }
            foreach (var p in _procs)
            {
                try { await p.WaitForExitAsync(new CancellationTokenSource(30_000).Token); } catch { try { p.Kill(); } catch { } }
                p.Dispose();
            }
            _procs.Clear();
        }
    }

    /// <summary>CPU seconds from /proc: server (+ its PostgreSQL cluster), client processes, this driver, whole machine.</summary>
    public static class Cpu
    {
        public sealed record Mark(double Server, double Postgres, double Clients, double Driver, double MachineBusy, long At);

        private static readonly double Tick = 100.0;   // USER_HZ

        /// <summary>The bench server's data folder: its PostgreSQL cluster is the postmaster serving a folder under it.</summary>
        public static string DataDir { get; set; } = "/tmp/ctbench-";

        public static Mark Snapshot(Process server, ClientFleet? fleet)
        {
            var all = Procs().ToList();
            var postgres = Tree(all, all.Where(p => p.Cmdline.Contains(DataDir) && p.Cmdline.Contains("postgres") && p.Cmdline.Contains("-D")).Select(p => p.Pid), []);
            var pg = postgres.Select(p => p.Pid).ToHashSet();
            var clients = fleet?.Processes.Select(p => p.Id).ToList() ?? [];
            var driver = Tree(all, [Environment.ProcessId], pg.Concat(clients).Append(server.Id).ToHashSet());
            return new(Seconds(Tree(all, [server.Id], pg)), Seconds(postgres), Seconds(Tree(all, clients, pg)), Seconds(driver),
                MachineBusySeconds(), Stopwatch.GetTimestamp());
        }

        public static Mark Delta(Mark m, Process server, ClientFleet? fleet)
        {
            var now = Snapshot(server, fleet);
            return new(now.Server - m.Server, now.Postgres - m.Postgres, now.Clients - m.Clients, now.Driver - m.Driver,
                now.MachineBusy - m.MachineBusy, now.At - m.At);
        }

        public static string Since(Mark m, Process server, ClientFleet? fleet)
        {
            var now = Snapshot(server, fleet);
            var wall = Stopwatch.GetElapsedTime(m.At, now.At).TotalSeconds;
            return $"CPU s: server {now.Server - m.Server:F1}, postgres {now.Postgres - m.Postgres:F1}, clients {now.Clients - m.Clients:F1}, " +
                   $"driver {now.Driver - m.Driver:F1}, whole machine {now.MachineBusy - m.MachineBusy:F1} of {wall * Environment.ProcessorCount:F1} available in {wall:F1} s";
        }

        public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

        private static double Seconds(IEnumerable<ProcInfo> procs) => procs.Sum(p => p.Ticks) / Tick;

        /// <summary>The processes and all their descendants (minus excluded subtrees); Ticks include reaped children.</summary>
        private static List<ProcInfo> Tree(List<ProcInfo> all, IEnumerable<int> roots, HashSet<int> exclude)
        {
            var byPid = all.ToDictionary(p => p.Pid);
            var children = all.ToLookup(p => p.Ppid);
            var found = new List<ProcInfo>();
            var stack = new Stack<int>(roots);
            var seen = new HashSet<int>();
            while (stack.Count > 0)
            {
                var pid = stack.Pop();
                if (exclude.Contains(pid) || !seen.Add(pid) || !byPid.TryGetValue(pid, out var p)) continue;
                found.Add(p);
                foreach (var c in children[pid]) stack.Push(c.Pid);
            }
            return found;
        }

        private sealed record ProcInfo(int Pid, int Ppid, long Ticks, string Cmdline);

        private static IEnumerable<ProcInfo> Procs()
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                ProcInfo? info = null;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // fields from 3 on
                    var ticks = long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14]);   // utime stime cutime cstime
                    info = new ProcInfo(pid, int.Parse(f[1]), ticks, File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' '));
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
                if (info is not null) yield return info;
            }
        }

        private static double MachineBusySeconds()
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            return (f.Sum() - f[3] - f[4]) / Tick;   // all minus idle and iowait
        }
    }
}
