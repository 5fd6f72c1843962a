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

    /// <summary>No arguments or ASP.NET-style flags (--urls ...) mean "run the server", as in JasperFx. An
    /// <c>ingest</c> the command will refuse anyway (no file, or a file that is not there) needs no cluster: starting
    /// one (creating it on a fresh machine) only to print "no such file" made a typo cost seconds.</summary>
    public static bool NeedsDatabase(string[] args) =>
        args.Length == 0 || args[0].StartsWith('-')
        || DatabaseCommands.Contains(args[0]) && !(args[0].Equals("ingest", StringComparison.OrdinalIgnoreCase) && IngestWillRefuse(args));

    /// <summary>The ingest command's own first checks, read conservatively: no path, none of them there, a file it
    /// cannot read as articles (<see cref="Features.Articles.InputFiles"/>), or a --batch value that is no number. (A framework flag's value, "--environment X", would look like a path here: when any
    /// argument is a file, the cluster starts as before and the command itself decides.)</summary>
    static bool IngestWillRefuse(string[] args)
    {
        var paths = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] is "--batch" or "-b")
            {
                if (Features.Articles.IngestInput.BatchSize(i + 1 < args.Length ? args[i + 1] : "").Problem is not null) return true;
                i++;
                continue;
            }
            if (args[i].StartsWith('-')) continue;
            paths.Add(args[i]);
        }
        return paths.All(p => !File.Exists(p))
               || paths.Any(p => File.Exists(p) && Features.Articles.InputFiles.Problem(p) is not null);   // empty, binary, not gzip
    }
}
