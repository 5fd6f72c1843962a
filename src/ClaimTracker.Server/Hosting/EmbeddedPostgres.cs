using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimTracker.Server.Hosting;

public sealed record EmbeddedPostgresOptions
{
    /// <summary>Our folder. PostgreSQL's files go in pgdata/, its socket in pgrun/, its log in pglog/.</summary>
    public required string DataFolder { get; init; }

    /// <summary>Folders searched for initdb/pg_ctl/postgres, in order. Null: <see cref="PostgresBinaries.DefaultSearchPath"/>.</summary>
    public IReadOnlyList<string>? SearchPath { get; init; }

    /// <summary>Extra server settings passed as -c name=value (tests turn fsync off).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Never flush the new cluster to disk: only for throw-away clusters (tests).</summary>
    public bool FastInit { get; init; }

    /// <summary>The unprivileged OS account that runs the cluster when we are root (initdb and postgres refuse root).</summary>
    public string OsAccount { get; init; } = "postgres";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where ClaimTracker keeps its data when CLAIMTRACKER_DATA is not set.</summary>
    public static string DefaultDataFolder()
    {
        // root's home is private (0700), so the postgres account could not reach a cluster inside it:
        // as root we use the system-wide place for service data instead.
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
            return "/var/lib/claimtracker";
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, "claimtracker");
    }
}

/// <summary>
/// A private PostgreSQL cluster started from the machine's own binaries: created on first start (initdb),
/// listening only on 127.0.0.1 on a free port, its unix socket inside our data folder, run as an
/// unprivileged account when we are root, and recovered when an earlier run died without stopping it.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string SuperUser = "postgres";

    readonly EmbeddedPostgresOptions _options;
    readonly ILogger _log;
    readonly bool _asOtherAccount;

    public EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger? log = null)
    {
        _options = options;
        _log = log ?? NullLogger.Instance;
        _asOtherAccount = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();
        DataFolder = Path.GetFullPath(options.DataFolder);
    }

    public string DataFolder { get; }
    public string ClusterFolder => Path.Combine(DataFolder, "pgdata");
    public string SocketFolder => Path.Combine(DataFolder, "pgrun");
    public string LogFile => Path.Combine(DataFolder, "pglog", "postgres.log");
    string PortFile => Path.Combine(DataFolder, "pgrun", "last-port");
    /// <summary>One file per process using the cluster: the last one to stop it stops it (see <see cref="StopAsync"/>).</summary>
    public string UsersFolder => Path.Combine(DataFolder, "pgusers");
    readonly string _user = $"{Environment.ProcessId}.{Guid.NewGuid():N}";

    public PostgresBinaries? Binaries { get; private set; }
    public int Port { get; private set; }
    public bool IsRunning { get; private set; }
    /// <summary>True when this start ran initdb (a brand-new cluster).</summary>
    public bool Created { get; private set; }
    /// <summary>True when this start found the cluster already running (left behind by a killed server) and took it over.</summary>
    public bool Adopted { get; private set; }

    /// <summary>Connection string for a database of this cluster (trust auth on 127.0.0.1, so no password).</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={SuperUser};Database={database}";

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (IsRunning) return;
        var clock = Stopwatch.StartNew();
        if (!await CreateAsync(ct) && await TryAdoptRunningClusterAsync(ct))
        {
            Adopted = IsRunning = true;
            RegisterUser(firstUser: false);
            return;
        }
        var prepared = clock.ElapsedMilliseconds;

        await StartClusterAsync(ct);
        IsRunning = true;
        RegisterUser(firstUser: true);
        if (Created && !_options.FastInit) DurableAfterInit = SyncNewClusterInBackground();
        _log.LogInformation("Embedded PostgreSQL {Version} up on 127.0.0.1:{Port} in {Total} ms ({Prepare} ms {What}, {Start} ms pg_ctl start)",
            ReadVersion(), Port,
            clock.ElapsedMilliseconds, prepared, Created ? "initdb" : "checks", clock.ElapsedMilliseconds - prepared);
    }

    /// <summary>Completes when a cluster created by this start has been flushed to disk (null otherwise).</summary>
    public Task? DurableAfterInit { get; private set; }

    /// <summary>initdb --sync-only: flushes the files initdb wrote without fsync. Safe while the server runs.</summary>
    async Task SyncNewClusterInBackground()
    {
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        var result = await RunAsync(Binaries!.InitDb, ["--sync-only", "-D", ClusterFolder], CancellationToken.None);
        if (result.ExitCode == 0)
            _log.LogInformation("New PostgreSQL cluster flushed to disk in {Ms} ms", clock.ElapsedMilliseconds);
        else
            _log.LogWarning("initdb --sync-only failed ({Code}): {Output}", result.ExitCode, LastLine(result.Output));
    }

    string ReadVersion()
    {
        try { return File.ReadAllText(Path.Combine(ClusterFolder, "PG_VERSION")).Trim(); }
        catch (IOException) { return "?"; }
    }

    /// <summary>Finds the binaries and creates the cluster (initdb) unless it exists; does not start it.</summary>
    /// <returns>true when the cluster was created by this call.</returns>
    public async Task<bool> CreateAsync(CancellationToken ct = default)
    {
        var exists = File.Exists(Path.Combine(ClusterFolder, "PG_VERSION"));
        Binaries ??= PostgresBinaries.Locate(_options.SearchPath ?? PostgresBinaries.DefaultSearchPath(), exists ? ReadVersion() : null);
        PrepareFolders();
        await HandOverFoldersAsync(beforeInitDb: !exists, ct);
        if (exists) return false;
        await InitDbAsync(ct);
        return Created = true;
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (!IsRunning || Binaries is null) return;
        IsRunning = false;
        if (!File.Exists(Path.Combine(ClusterFolder, "postmaster.pid"))) return; // already gone (e.g. stopped by a signal)
        // A command-line `ingest` next to a running server (or a second server) uses the same cluster: whoever stops
        // first must leave it running for the others. Without this the CLI's exit stopped the server's database.
        if (UnregisterUser() is { Count: > 0 } others)
        {
            _log.LogInformation("Embedded PostgreSQL left running: still used by process {Pids}", string.Join(", ", others));
            return;
        }
        var result = await RunAsync(Binaries.PgCtl, ["-D", ClusterFolder, "-m", "fast", "-w", "-t", "30", "stop"], ct);
        if (result.ExitCode != 0)
            _log.LogWarning("pg_ctl stop failed ({Code}): {Output}", result.ExitCode, result.Output.Trim());
        else
            _log.LogInformation("Embedded PostgreSQL stopped (data in {Folder})", ClusterFolder);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Notes this instance as a user of the running cluster. A cluster this instance started has no other users:
    /// what the folder still lists belonged to a cluster that is gone (a crash), so it is cleared.
    /// </summary>
    void RegisterUser(bool firstUser)
    {
        try
        {
            Directory.CreateDirectory(UsersFolder);
            if (firstUser)
                foreach (var stale in Directory.EnumerateFiles(UsersFolder)) File.Delete(stale);
            File.WriteAllText(Path.Combine(UsersFolder, _user), ProcessStartTime(Environment.ProcessId) ?? "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogWarning("Could not note this process as a user of the embedded PostgreSQL in {Folder}: {Error}", UsersFolder, e.Message);
        }
    }

    /// <summary>Removes this instance's note; returns the processes still using the cluster.</summary>
    List<int> UnregisterUser()
    {
        try { File.Delete(Path.Combine(UsersFolder, _user)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return LiveUsers();
    }

    /// <summary>The processes noted as using the cluster that still run (the notes of dead ones are removed).</summary>
    List<int> LiveUsers()
    {
        var others = new List<int>();
        try
        {
            if (!Directory.Exists(UsersFolder)) return others;
            foreach (var file in Directory.EnumerateFiles(UsersFolder))
            {
                var name = Path.GetFileName(file);
                // Alive means the same process: its pid runs and started when the note says (pids are reused).
                if (int.TryParse(name.Split('.')[0], out var pid) && ProcessStartTime(pid) is { } started
                    && started == File.ReadAllText(file).Trim())
                {
                    if (!others.Contains(pid)) others.Add(pid);
                }
                else File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return others;
    }

    /// <summary>The process's start time in clock ticks since boot (/proc/PID/stat, field 22), or null when it is not running.</summary>
    static string? ProcessStartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // after "pid (comm) ": field 3 onwards
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    void PrepareFolders()
    {
        foreach (var dir in new[] { DataFolder, ClusterFolder, SocketFolder, Path.GetDirectoryName(LogFile)! })
            Directory.CreateDirectory(dir);
        // unix socket paths are limited to 107 bytes; fail with a clear message rather than an obscure one.
        if (Path.Combine(SocketFolder, ".s.PGSQL.65535").Length > 107)
            throw new EmbeddedPostgresException(
                $"The data folder path is too long for PostgreSQL's socket ({SocketFolder}); set CLAIMTRACKER_DATA to a shorter path.");
    }

    async Task HandOverFoldersAsync(bool beforeInitDb, CancellationToken ct)
    {
        if (!_asOtherAccount) return;
        var account = _options.OsAccount;
        var entry = File.ReadLines("/etc/passwd").Select(l => l.Split(':'))
            .FirstOrDefault(f => f.Length > 3 && f[0] == account);
        if (entry is null)
            throw new EmbeddedPostgresException(
                $"Running as root, ClaimTracker runs PostgreSQL as the OS account '{account}', which does not exist. " +
                "Create it (`useradd --system postgres`), run ClaimTracker as a normal user, or set CLAIMTRACKER_POSTGRES.");
        int uid = int.Parse(entry[2]), gid = int.Parse(entry[3]);

        // The data folder itself (not its other contents: it may have been made private, e.g. by mktemp -d),
        // and everything PostgreSQL writes. lchown in-process: no process start per folder, symlinks not followed.
        Chown(DataFolder, uid, gid);
        foreach (var dir in new[] { ClusterFolder, SocketFolder, Path.GetDirectoryName(LogFile)! })
        {
            Chown(dir, uid, gid);
            foreach (var entryPath in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions
                     { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false }))
                Chown(entryPath, uid, gid);
        }

        if (!beforeInitDb) return;   // an existing cluster proved reachable when it was created
        var reach = await RunAsync("test", ["-w", ClusterFolder], ct);
        if (reach.ExitCode != 0)
            throw new EmbeddedPostgresException(
                $"The OS account '{account}' cannot reach {ClusterFolder} (a parent folder is private). " +
                "Set CLAIMTRACKER_DATA to a folder it can reach, e.g. /var/lib/claimtracker.");
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "lchown")]
    static extern int LChown(string path, int owner, int group);

    static void Chown(string path, int uid, int gid)
    {
        if (LChown(path, uid, gid) != 0)
            throw new EmbeddedPostgresException(
                $"Could not hand {path} to the PostgreSQL account (errno {Marshal.GetLastPInvokeError()}).");
    }

    async Task InitDbAsync(CancellationToken ct)
    {
        if (Directory.EnumerateFileSystemEntries(ClusterFolder).Any())
            throw new EmbeddedPostgresException(
                $"{ClusterFolder} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away and start again.");
        _log.LogInformation("Creating the embedded PostgreSQL cluster in {Folder} (first start)", ClusterFolder);
        // --no-sync: initdb's final fsync of ~1000 files costs seconds on a busy disk; we make the new cluster
        // durable right after the server is up instead (see SyncNewClusterInBackground).
        List<string> args = ["-D", ClusterFolder, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"];
        var result = await RunAsync(Binaries!.InitDb, args, ct);
        if (result.ExitCode != 0)
            throw new EmbeddedPostgresException($"initdb failed in {ClusterFolder}: {LastLine(result.Output)}");
    }

    /// <summary>
    /// A postmaster.pid is left behind when the server (or postgres itself) was killed. If that postmaster is
    /// still alive and serving this folder we take it over; otherwise the file is stale and removed, so that
    /// postgres does not refuse to start because the recorded pid now belongs to some other process.
    /// </summary>
    async Task<bool> TryAdoptRunningClusterAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(ClusterFolder, "postmaster.pid");
        if (!File.Exists(pidFile)) return false;

        var lines = File.ReadAllLines(pidFile);
        int.TryParse(lines.ElementAtOrDefault(0), out var pid);
        int.TryParse(lines.ElementAtOrDefault(3), out var port);

        if (pid > 0 && IsPostmasterOf(pid, ClusterFolder))
        {
            if (port > 0 && await AcceptsConnectionsAsync(port, ct))
            {
                Port = port;
                if (LiveUsers() is { Count: > 0 } users)
                    _log.LogInformation("Embedded PostgreSQL already running on port {Port} for process {Users}; sharing it", port, string.Join(", ", users));
                else
                    _log.LogWarning("Embedded PostgreSQL was still running (pid {Pid}, port {Port}), left by an earlier run; using it", pid, port);
                return true;
            }
            // alive but not answering (starting up or shutting down): stop it and start cleanly
            await RunAsync(Binaries!.PgCtl, ["-D", ClusterFolder, "-m", "fast", "-w", "-t", "30", "stop"], ct);
            return false;
        }

        _log.LogWarning("Removing stale {File} (pid {Pid} is not a running PostgreSQL for this folder); PostgreSQL will recover its data", pidFile, pid);
        File.Delete(pidFile);
        foreach (var lockFile in Directory.EnumerateFiles(SocketFolder, ".s.PGSQL.*.lock")) File.Delete(lockFile);
        return false;
    }

    static bool IsPostmasterOf(int pid, string clusterFolder)
    {
        try
        {
            // /proc/<pid>/cmdline is NUL-separated: ".../postgres -D <folder> -p ..." as started by pg_ctl
            var cmd = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return cmd.Length > 0 && Path.GetFileName(cmd[0]) is "postgres" or "postmaster"
                   && cmd.Any(a => a.TrimEnd('/') == clusterFolder.TrimEnd('/'));
        }
        catch (IOException) { return false; }              // no such process
        catch (UnauthorizedAccessException) { return false; }
    }

    async Task StartClusterAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        for (var attempt = 1; ; attempt++)
        {
            Port = PickPort(attempt == 1 ? ReadLastPort() : null);
            var settings = new StringBuilder($"-p {Port} -h 127.0.0.1 -k {ShellQuote(SocketFolder)}");
            foreach (var (name, value) in _options.Settings) settings.Append($" -c {name}={ShellQuote(value)}");

            var logSize = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            var result = await RunAsync(Binaries!.PgCtl,
                ["-D", ClusterFolder, "-l", LogFile, "-w", "-t", ((int)_options.StartTimeout.TotalSeconds).ToString(), "-o", settings.ToString(), "start"], ct);
            if (result.ExitCode == 0)
            {
                await File.WriteAllTextAsync(PortFile, Port.ToString(), ct);
                return;
            }

            var log = ReadLogFrom(logSize);
            // Retry what is transient: the port got taken between picking and binding, or the children of a
            // SIGKILLed postmaster still hold the old shared memory for a moment.
            var transient = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                            || log.Contains("shared memory block is still in use", StringComparison.OrdinalIgnoreCase)
                            || log.Contains("lock file", StringComparison.OrdinalIgnoreCase);
            if (transient && DateTime.UtcNow < deadline && attempt < 20)
            {
                await Task.Delay(250, ct);
                continue;
            }
            throw new EmbeddedPostgresException(
                $"PostgreSQL did not start: {LastLine(log.Length > 0 ? log : result.Output)} (log: {LogFile})");
        }
    }

    int ReadLastPort()
    {
        try { return int.TryParse(File.ReadAllText(PortFile).Trim(), out var p) ? p : 0; }
        catch (IOException) { return 0; }
    }

    /// <summary>The port used last time if it is still free (stable for psql users), else any free port.</summary>
    static int PickPort(int? preferred)
    {
        if (preferred is > 0 and < 65536)
        {
            try
            {
                var probe = new TcpListener(IPAddress.Loopback, preferred.Value);
                probe.Start();
                probe.Stop();
                return preferred.Value;
            }
            catch (SocketException) { }
        }
        var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        var port = ((IPEndPoint)any.LocalEndpoint).Port;
        any.Stop();
        return port;
    }

    static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException) { return false; }
    }

    string ReadLogFrom(long offset)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException) { return ""; }
    }

    static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // prefer PostgreSQL's own FATAL/error lines over pg_ctl's generic "could not start server"
        return lines.LastOrDefault(l => l.Contains("FATAL") || l.Contains("error", StringComparison.OrdinalIgnoreCase))
               ?? lines.LastOrDefault() ?? "(no output)";
    }

    static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    /// <summary>Runs a PostgreSQL program, as the unprivileged account when we are root.</summary>
    Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> args, CancellationToken ct) =>
        _asOtherAccount
            ? RunRawAsync("runuser", ["-u", _options.OsAccount, "--", program, .. args], ct)
            : RunRawAsync(program, args, ct);

    static async Task<(int ExitCode, string Output)> RunRawAsync(string program, IReadOnlyList<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The cluster speaks C.UTF-8 regardless of the caller's locale; PG* variables must not redirect pg_ctl.
        psi.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var v in new[] { "PGDATA", "PGPORT", "PGHOST", "PGUSER", "PGDATABASE", "PGOPTIONS" }) psi.Environment.Remove(v);

        using var process = Process.Start(psi) ?? throw new EmbeddedPostgresException($"could not run {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
