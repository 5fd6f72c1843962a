using System.Diagnostics;
using ClaimTracker.Server.Hosting;
using ClaimTracker.Server.Tests.Harness;
using Npgsql;

namespace ClaimTracker.Server.Tests.Hosting;

/// <summary>The launcher against the machine's real PostgreSQL binaries, each test on its own folder.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    readonly TempFolder _folder = new();

    // fsync off only: commits still reach the OS, so data survives a killed process (not a power cut)
    EmbeddedPostgres NewCluster() => new(new EmbeddedPostgresOptions
    {
        DataFolder = _folder.Path, FastInit = true, Settings = new Dictionary<string, string> { ["fsync"] = "off" },
    });

    static async Task<T?> QueryAsync<T>(EmbeddedPostgres pg, string sql)
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString() + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T?)await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task First_start_on_an_empty_folder_creates_a_cluster_on_loopback_with_its_socket_inside()
    {
        await using var pg = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataFolder = _folder.Path });  // product settings
        await pg.StartAsync();

        Assert.True(pg.Created);
        Assert.NotNull(pg.DurableAfterInit);    // initdb ran without fsync; the flush follows in the background
        await pg.DurableAfterInit;
        Assert.True(File.Exists(Path.Combine(pg.ClusterFolder, "PG_VERSION")));
        Assert.Equal("127.0.0.1", await QueryAsync<string>(pg, "show listen_addresses"));
        Assert.Equal(pg.SocketFolder, await QueryAsync<string>(pg, "show unix_socket_directories"));
        Assert.True(File.Exists(Path.Combine(pg.SocketFolder, $".s.PGSQL.{pg.Port}")));
        Assert.Equal("UTF8", await QueryAsync<string>(pg, "show server_encoding"));

        await pg.StopAsync();
        Assert.False(File.Exists(Path.Combine(pg.ClusterFolder, "postmaster.pid")));
    }

    [Fact]
    public async Task A_private_data_folder_works_too()
    {
        // e.g. CLAIMTRACKER_DATA=$(mktemp -d): mode 0700, owned by whoever runs the server (root on CI)
        Directory.CreateDirectory(_folder.Path);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await ClusterTemplate.CopyIntoAsync(_folder.Path);

        await using var pg = NewCluster();
        await pg.StartAsync();
        Assert.Equal(1, await QueryAsync<int>(pg, "select 1"));
    }

    [Fact]
    public async Task Restart_on_existing_data_keeps_the_data_and_does_not_initdb_again()
    {
        await ClusterTemplate.CopyIntoAsync(_folder.Path);
        await using (var first = NewCluster())
        {
            await first.StartAsync();
            await QueryAsync<int?>(first, "create table kept(v text); insert into kept values ('still here')");
        }

        await using var second = NewCluster();
        await second.StartAsync();
        Assert.False(second.Created);
        Assert.Equal("still here", await QueryAsync<string>(second, "select v from kept"));
    }

    [Fact]
    public async Task Recovers_after_the_postgres_process_was_killed_with_SIGKILL()
    {
        await ClusterTemplate.CopyIntoAsync(_folder.Path);
        var first = NewCluster();   // not disposed: after the kill it must not stop the second instance's server
        await first.StartAsync();
        await QueryAsync<int?>(first, "create table kept(v text); insert into kept values ('survived')");

        var pid = int.Parse(File.ReadLines(Path.Combine(first.ClusterFolder, "postmaster.pid")).First());
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();      // SIGKILL: no shutdown, postmaster.pid stays behind
            await postmaster.WaitForExitAsync();
        }
        Assert.True(File.Exists(Path.Combine(first.ClusterFolder, "postmaster.pid")));

        await using var second = NewCluster();
        await second.StartAsync();
        Assert.False(second.Adopted);
        Assert.Equal("survived", await QueryAsync<string>(second, "select v from kept"));
    }

    [Fact]
    public async Task A_stale_pid_file_naming_a_live_unrelated_process_does_not_block_the_start()
    {
        await ClusterTemplate.CopyIntoAsync(_folder.Path);
        string pidFileWhileRunning;
        await using (var first = NewCluster())
        {
            await first.StartAsync();
            pidFileWhileRunning = await File.ReadAllTextAsync(Path.Combine(first.ClusterFolder, "postmaster.pid"));
        }
        // As after a crash and a reboot: the recorded pid now belongs to another live process (this test process).
        // PostgreSQL alone refuses to start here ("lock file already exists").
        var lines = pidFileWhileRunning.Split('\n');
        lines[0] = Environment.ProcessId.ToString();
        var pidFile = Path.Combine(_folder.Path, "pgdata", "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, string.Join('\n', lines));

        await using var second = NewCluster();
        await second.StartAsync();
        Assert.Equal(1, await QueryAsync<int>(second, "select 1"));
    }

    [Fact]
    public async Task A_cluster_left_running_by_a_killed_server_is_taken_over()
    {
        await ClusterTemplate.CopyIntoAsync(_folder.Path);
        var orphan = NewCluster();  // the server that started it "died" without stopping it
        await orphan.StartAsync();
        // Its note as a user of the cluster now names a process that no longer runs.
        foreach (var note in Directory.GetFiles(Path.Combine(_folder.Path, "pgusers")))
            File.Move(note, Path.Combine(_folder.Path, "pgusers", "999999999.dead"));

        await using var next = NewCluster();
        await next.StartAsync();
        Assert.True(next.Adopted);
        Assert.Equal(orphan.Port, next.Port);
        Assert.Equal(1, await QueryAsync<int>(next, "select 1"));
    }

    [Fact]
    public async Task A_command_that_shares_the_running_cluster_leaves_it_running_for_the_server_when_it_exits()
    {
        // `ingest` run while the server runs on the same data folder: it takes the server's cluster over, and its exit
        // used to stop the server's database under it (every request then failed with "connection refused").
        await ClusterTemplate.CopyIntoAsync(_folder.Path);
        await using var server = NewCluster();
        await server.StartAsync();
        await using (var command = NewCluster())
        {
            await command.StartAsync();
            Assert.True(command.Adopted);
            Assert.Equal(1, await QueryAsync<int>(command, "select 1"));
        }
        Assert.Equal(1, await QueryAsync<int>(server, "select 1"));

        // The last user to leave stops it, whichever started it.
        await server.StopAsync();
        Assert.False(File.Exists(Path.Combine(server.ClusterFolder, "postmaster.pid")));
    }

    [Fact]
    public async Task Without_binaries_it_fails_with_one_line_naming_the_three_ways_out()
    {
        Directory.CreateDirectory(_folder.Path);
        var pg = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataFolder = _folder.Path, SearchPath = [_folder.Path] });

        var e = await Assert.ThrowsAsync<PostgresNotFoundException>(() => pg.StartAsync());

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("install PostgreSQL", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CLAIMTRACKER_POSTGRES", e.Message);
        Assert.Contains("docker compose up", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "pgdata")));
    }

    [Fact]
    public void Binaries_are_taken_from_the_first_folder_that_has_all_three_and_the_newest_Debian_major_first()
    {
        var root = Path.Combine(_folder.Path, "usr-lib-postgresql");
        foreach (var major in new[] { "9.6", "13", "16" })
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, major, "bin")).FullName;
            foreach (var program in PostgresBinaries.Programs)
            {
                File.WriteAllText(Path.Combine(bin, program), "#!/bin/sh\n");
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, program), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }
        }
        var incomplete = Directory.CreateDirectory(Path.Combine(_folder.Path, "only-initdb")).FullName;
        File.WriteAllText(Path.Combine(incomplete, "initdb"), "");

        var layout = PostgresBinaries.DebianLayout(root).ToList();
        Assert.Equal(["16", "13", "9.6"], layout.Select(p => Path.GetFileName(Path.GetDirectoryName(p)!)));
        Assert.Equal(Path.Combine(root, "16", "bin"), PostgresBinaries.Locate([incomplete, .. layout]).Folder);
        // a cluster created by PostgreSQL 13 needs 13's programs even when 16 is installed too
        Assert.Equal(Path.Combine(root, "13", "bin"), PostgresBinaries.Locate([incomplete, .. layout], preferMajor: "13").Folder);
    }

    public void Dispose() => _folder.Dispose();
}
