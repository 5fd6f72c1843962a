using System.Diagnostics;
using Marten;
using Npgsql;

namespace ClaimTracker.Server.Features.Benchmarks;

/// <summary>CPU seconds used so far: this process, and the PostgreSQL cluster serving the store when it runs on this machine.</summary>
public readonly record struct CpuUse(double Process, double? Postgres)
{
    public static CpuUse operator -(CpuUse a, CpuUse b) => new(a.Process - b.Process, a.Postgres - b.Postgres);

    /// <summary>Per statement, in microseconds: less at the mercy of other programs' load than a rate is.</summary>
    public string Describe(long statements) => statements == 0 ? "-" :
        $"this process {1e6 * Process / statements:0} µs" + (Postgres is { } pg ? $", PostgreSQL {1e6 * pg / statements:0} µs" : ", PostgreSQL not on this machine");
}

/// <summary>
/// Reads CPU time from /proc. The PostgreSQL cluster is found through a backend of ours (pg_backend_pid, its parent is
/// the postmaster); its time is the postmaster's own, its reaped children's and its live children's.
/// </summary>
public sealed class CpuMeter
{
    private const double TicksPerSecond = 100.0;   // USER_HZ on Linux
    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    public static async Task<CpuMeter> StartAsync(IDocumentStore store)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select pg_backend_pid()", conn);
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        // The same pid on this machine is only our backend if it is a postgres process.
        var postmaster = Stat(backend) is { } stat && File.ReadAllText($"/proc/{backend}/comm").Trim() == "postgres" ? stat.Parent : (int?)null;
        return new CpuMeter(postmaster);
    }

    public CpuUse Now()
    {
        var process = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        if (_postmaster is not { } pm) return new(process, null);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s && (pid == pm || s.Parent == pm))
                ticks += s.Ticks;
        return new(process, ticks / TicksPerSecond);
    }

    /// <summary>Parent pid and utime+stime+cutime+cstime of a process, or null when it is gone or not readable.</summary>
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces.
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }
}
