using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// The PostgreSQL the application uses: an external server named by configuration, or else our embedded
/// cluster. The embedded cluster is started on first use only, so command-line commands that never touch
/// the database (help, extract) never start PostgreSQL.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Database of the embedded cluster that holds ClaimTracker's event store.</summary>
    public const string DatabaseName = "claimtracker";

    readonly string? _external;
    readonly Lazy<Task<string>> _connection;

    public PostgresServer(string? externalConnectionString, EmbeddedPostgres? embedded)
    {
        _external = string.IsNullOrWhiteSpace(externalConnectionString) ? null : externalConnectionString;
        Embedded = _external is null ? embedded : null;
        if (_external is null && Embedded is null) throw new ArgumentException("Need an external connection string or an embedded cluster");
        // one attempt per process, shared by everyone who asks (host start, Marten, /health)
        _connection = new(() => _external is not null ? Task.FromResult(_external) : Task.Run(StartEmbeddedAsync));
    }

    /// <summary>Reads ConnectionStrings:Postgres, then CLAIMTRACKER_POSTGRES; with neither, plans an embedded cluster.</summary>
    public static PostgresServer FromConfiguration(IConfiguration config, ILoggerFactory loggers)
    {
        var external = config.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(external)) external = config["CLAIMTRACKER_POSTGRES"];
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(external))
        {
            var data = config["CLAIMTRACKER_DATA"];
            var bin = config["CLAIMTRACKER_POSTGRES_BIN"];
            embedded = new EmbeddedPostgres(new EmbeddedPostgresOptions
            {
                DataFolder = string.IsNullOrWhiteSpace(data) ? EmbeddedPostgresOptions.DefaultDataFolder() : data,
                SearchPath = string.IsNullOrWhiteSpace(bin) ? null : bin.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
            }, loggers.CreateLogger<EmbeddedPostgres>());
        }
        return new PostgresServer(external, embedded);
    }

    public EmbeddedPostgres? Embedded { get; }
    public bool IsEmbedded => Embedded is not null;
    public string Mode => IsEmbedded ? "embedded" : "external";

    /// <summary>Starts the embedded cluster on first call (and creates the ClaimTracker database in it).</summary>
    public Task<string> GetConnectionStringAsync(CancellationToken ct = default) => _connection.Value.WaitAsync(ct);

    /// <summary>Starts the embedded cluster in the background now, so it overlaps with the rest of start-up.</summary>
    public void BeginStarting() => _ = _connection.Value;

    async Task<string> StartEmbeddedAsync()
    {
        await Embedded!.StartAsync();
        // safety net: stop it even if the host never gets to stop it (e.g. a command failed before host start)
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Embedded.StopAsync().GetAwaiter().GetResult();
        await CreateDatabaseIfMissingAsync(Embedded, CancellationToken.None);
        return Embedded.ConnectionString(DatabaseName);
    }

    /// <summary>Blocking form for Marten's store factory (runs once, at start-up, off any synchronization context).</summary>
    public string GetConnectionString() => GetConnectionStringAsync().GetAwaiter().GetResult();

    /// <summary>For the log and /health: where the data is, never the password.</summary>
    public string Describe()
    {
        if (Embedded is { } e)
            return e.IsRunning
                ? $"embedded PostgreSQL on 127.0.0.1:{e.Port}, data in {e.DataFolder}, binaries {e.Binaries?.Folder}"
                : $"embedded PostgreSQL (not started), data in {e.DataFolder}";
        try
        {
            var b = new NpgsqlConnectionStringBuilder(_external);
            return $"external PostgreSQL at {b.Host}:{b.Port}, database {b.Database ?? b.Username}, user {b.Username}";
        }
        catch (ArgumentException) { return "external PostgreSQL (connection string could not be parsed)"; }
    }

    static async Task CreateDatabaseIfMissingAsync(EmbeddedPostgres cluster, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        exists.Parameters.AddWithValue("n", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null) await Embedded.DisposeAsync();
    }
}

/// <summary>
/// Ties the embedded cluster to the host: started before any other service starts (Marten migrates the
/// schema and Wolverine claims its tables in their own start), stopped only after all of them have stopped.
/// </summary>
public sealed class PostgresLifecycle(PostgresServer postgres, IServer server, ILogger<PostgresLifecycle> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        await postgres.GetConnectionStringAsync(ct);
        log.LogInformation("Using {Postgres} (waited {Waited} ms)", postgres.Describe(), clock.ElapsedMilliseconds);
    }

    public Task StartedAsync(CancellationToken ct)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (urls is { Count: > 0 })
            log.LogInformation("ClaimTracker is listening on {Urls} ({Postgres})", string.Join(", ", urls), postgres.Describe());
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken ct) => postgres.Embedded?.StopAsync(ct) ?? Task.CompletedTask;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class PostgresHostingExtensions
{
    /// <summary>Registers the PostgreSQL the app uses (external or embedded) and ties the embedded one to the host's lifetime.</summary>
    public static IServiceCollection AddClaimTrackerPostgres(this IServiceCollection services)
    {
        services.AddSingleton(sp => PostgresServer.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<PostgresLifecycle>();
        return services;
    }

    /// <summary>
    /// When this invocation will need the database (the server, db-* commands, ingest), begin starting the
    /// embedded cluster now: initdb/pg_ctl run in other processes while .NET builds the rest of the host.
    /// Commands that do not need it (help, extract) never start it.
    /// </summary>
    public static void BeginStartingPostgres(this IHost app, string[] args)
    {
        if (PostgresPreflight.NeedsDatabase(args)) app.Services.GetRequiredService<PostgresServer>().BeginStarting();
    }
}
