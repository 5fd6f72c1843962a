namespace ClaimTracker.Server.Hosting;

/// <summary>The folder holding a PostgreSQL installation's initdb, pg_ctl and postgres programs.</summary>
public sealed record PostgresBinaries(string Folder)
{
    public static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Folder, "initdb");
    public string PgCtl => Path.Combine(Folder, "pg_ctl");
    public string Postgres => Path.Combine(Folder, "postgres");

    /// <summary>
    /// Where we look when nothing is configured: every folder on PATH first (what the user chose),
    /// then the Debian/Ubuntu layout /usr/lib/postgresql/&lt;major&gt;/bin, newest major first.
    /// </summary>
    public static IReadOnlyList<string> DefaultSearchPath()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. path, .. DebianLayout("/usr/lib/postgresql")];
    }

    /// <summary>&lt;root&gt;/&lt;major&gt;/bin folders, highest major version first.</summary>
    public static IEnumerable<string> DebianLayout(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root)
            .Select(dir => (dir, version: double.TryParse(Path.GetFileName(dir), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.version >= 0)
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"));
    }

    /// <summary>The first folder of <paramref name="searchPath"/> that holds all three programs.</summary>
    /// <exception cref="PostgresNotFoundException">when none does.</exception>
    public static PostgresBinaries Locate(IEnumerable<string> searchPath, string? preferMajor = null)
    {
        var searched = searchPath.ToList();
        // An existing cluster only starts with its own major version: try folders of that version first
        // (/usr/lib/postgresql/15/bin, or a PATH folder whose initdb links there).
        var ordered = preferMajor is null
            ? searched
            : searched.OrderBy(f => IsMajor(f, preferMajor) ? 0 : 1).ToList();
        foreach (var folder in ordered)
        {
            if (Programs.All(p => IsExecutable(Path.Combine(folder, p))))
                return new PostgresBinaries(Path.GetFullPath(folder));
        }
        throw new PostgresNotFoundException(searched);
    }

    static bool IsMajor(string folder, string major)
    {
        try
        {
            var initdb = new FileInfo(Path.Combine(folder, "initdb"));
            var real = initdb.Exists ? initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName : folder;
            return real.Contains($"/{major}/", StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
    }

    static bool IsExecutable(string file)
    {
        try
        {
            return File.Exists(file) && (OperatingSystem.IsWindows() ||
                (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}

/// <summary>
/// No PostgreSQL to start and none configured. The message is meant to be printed as the program's only output,
/// so it is one line and names every way out.
/// </summary>
public sealed class PostgresNotFoundException(IReadOnlyList<string> searched) : Exception(
    "ClaimTracker needs PostgreSQL, but no PostgreSQL programs (initdb, pg_ctl, postgres) were found on PATH or in " +
    "/usr/lib/postgresql/*/bin. Either install PostgreSQL 15 or newer (e.g. `apt-get install postgresql`), " +
    "or set CLAIMTRACKER_POSTGRES to the connection string of a running server, " +
    "or start one with `docker compose up`.")
{
    public IReadOnlyList<string> Searched { get; } = searched;
}

/// <summary>The embedded PostgreSQL could not be created or started; the message says why and where the log is.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
