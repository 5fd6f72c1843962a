namespace ClaimTracker.Server.Hosting;

/// <summary>
/// Checks, before the host is built, that an invocation needing PostgreSQL can get one. Without it a missing
/// PostgreSQL would surface deep inside host start-up as a logged stack trace; with it the user gets one line.
/// Only file-existence checks: nothing is started here.
/// </summary>
public static class PostgresPreflight
{
    /// <summary>
    /// JasperFx commands that need the database. Commands not listed (help, extract, codegen, openapi, ...) run
    /// without PostgreSQL. ADD your command here if it opens the event store (e.g. ingest).
    /// </summary>
    public static readonly HashSet<string> DatabaseCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "run", "ingest", "db-apply", "db-assert", "db-dump", "db-list", "db-patch", "marten", "projections",
        "projection-run", "event-query", "stream-query", "storage", "resources",
    };

    /// <summary>The one-line problem to print, or null when the invocation can go ahead.</summary>
    public static string? Problem(string[] args, IConfiguration config)
    {
        if (!NeedsDatabase(args)) return null;
        if (!string.IsNullOrWhiteSpace(config.GetConnectionString("Postgres")) ||
            !string.IsNullOrWhiteSpace(config["CLAIMTRACKER_POSTGRES"])) return null;
        var bin = config["CLAIMTRACKER_POSTGRES_BIN"];
        try
        {
            PostgresBinaries.Locate(string.IsNullOrWhiteSpace(bin)
                ? PostgresBinaries.DefaultSearchPath()
                : bin.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
            return null;
        }
        catch (PostgresNotFoundException e) { return e.Message; }
    }

    /// <summary>No arguments or ASP.NET-style flags (--urls ...) mean "run the server", as in JasperFx.</summary>
    public static bool NeedsDatabase(string[] args) =>
        args.Length == 0 || args[0].StartsWith('-') || DatabaseCommands.Contains(args[0]);
}
