using ClaimTracker.Server.Hosting;
using Npgsql;

namespace ClaimTracker.Server.Tests.Harness;

/// <summary>
/// The one PostgreSQL of a test run: CLAIMTRACKER_POSTGRES when set (needs CREATEDB rights), otherwise a
/// throw-away cluster started through the product's own launcher in a temp folder, with durability switched
/// off for speed. Test classes get their own database in it (see <see cref="AppFixture"/>).
/// </summary>
public sealed class TestPostgres
{
    static readonly Lazy<Task<TestPostgres>> Instance = new(StartAsync);

    /// <summary>Started on first use, stopped (and its folder deleted) after the test process exits.</summary>
    public static Task<TestPostgres> Shared => Instance.Value;

    public string AdminConnectionString { get; }
    public EmbeddedPostgres? Cluster { get; }

    TestPostgres(string admin, EmbeddedPostgres? cluster)
    {
        AdminConnectionString = admin;
        Cluster = cluster;
    }

    /// <summary>Settings for throw-away clusters: nothing here needs to survive a power cut.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastSettings = new Dictionary<string, string>
    {
        ["fsync"] = "off", ["synchronous_commit"] = "off", ["full_page_writes"] = "off", ["max_connections"] = "300",
    };

    static async Task<TestPostgres> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("CLAIMTRACKER_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external)) return new TestPostgres(external, null);

        var folder = Path.Combine(Path.GetTempPath(), "ct-test-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataFolder = folder, FastInit = true, Settings = FastSettings });
        await cluster.StartAsync();
        Reaper.CleanUpAfterThisProcess(folder, cluster);
        return new TestPostgres(cluster.ConnectionString(), cluster);
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var label = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        var name = $"ct_{label}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync($"create database {name}");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);  // only this database's pool
        await ExecuteAsync($"drop database if exists {name} with (force)");
    }

    async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
