using System.Diagnostics;
using ClaimTracker.Server.Tests.Harness;

namespace ClaimTracker.Server.Tests.Hosting;

/// <summary>The built server program itself, run as a user would run it.</summary>
public sealed class ExecutableTests : IDisposable
{
    readonly TempFolder _data = new();

    static string ServerDll => Path.Combine(AppContext.BaseDirectory, "ClaimTracker.Server.dll");

    async Task<(int ExitCode, string Stdout, string Stderr)> RunServerAsync(string args, Dictionary<string, string?> env, string? stdin = null)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", $"\"{ServerDll}\" {args}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, RedirectStandardInput = stdin is not null,
        };
        // whatever the test run was given must not leak into the program under test
        foreach (var v in new[] { "CLAIMTRACKER_POSTGRES", "ConnectionStrings__Postgres", "CLAIMTRACKER_POSTGRES_BIN" }) psi.Environment.Remove(v);
        psi.Environment["CLAIMTRACKER_DATA"] = _data.Path;
        foreach (var (k, v) in env) psi.Environment[k] = v;

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Without_PostgreSQL_binaries_the_server_prints_one_line_and_exits_non_zero()
    {
        var nowhere = Path.Combine(_data.Path, "no-binaries-here");
        var (code, stdout, stderr) = await RunServerAsync("", new() { ["PATH"] = "", ["CLAIMTRACKER_POSTGRES_BIN"] = nowhere });

        Assert.NotEqual(0, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("CLAIMTRACKER_POSTGRES", lines[0]);
        Assert.Contains("docker compose up", lines[0]);
        Assert.DoesNotContain("   at ", stdout + stderr);   // no stack trace anywhere
        Assert.False(Directory.Exists(_data.Path));          // nothing was created
    }

    [Fact]
    public async Task Help_lists_the_commands_without_starting_PostgreSQL()
    {
        var (code, stdout, _) = await RunServerAsync("help", new());

        Assert.Equal(0, code);
        Assert.Contains("db-apply", stdout);
        Assert.Contains("run", stdout);
        Assert.False(Directory.Exists(_data.Path));          // the embedded cluster was never touched
    }

    [Fact]
    public async Task Ingest_of_a_missing_file_says_so_without_starting_PostgreSQL()
    {
        var (code, stdout, stderr) = await RunServerAsync("ingest no-such-file.jsonl", new());

        Assert.NotEqual(0, code);
        Assert.Contains("no such file: no-such-file.jsonl", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.False(Directory.Exists(_data.Path));          // no cluster was created for a typo
    }

    [Fact]
    public async Task Ingest_with_a_batch_size_that_is_no_number_says_so_in_one_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ingest-batch-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Headline\n\nGENEVA (Reuters) - A minister said talks would resume.\n");
        try
        {
            var (code, stdout, stderr) = await RunServerAsync($"ingest --batch abc \"{file}\"", new());

            Assert.NotEqual(0, code);
            Assert.Contains("--batch takes a whole number", stderr);
            Assert.DoesNotContain("   at ", stdout + stderr);
            Assert.False(Directory.Exists(_data.Path));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Extract_prints_only_JSON_lines_and_names_a_file_it_cannot_read()
    {
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt");
        var missing = Path.Combine(_data.Path, "missing.txt");
        var (code, stdout, stderr) = await RunServerAsync($"extract \"{missing}\" \"{seeds}\"", new() { ["PATH"] = "" });

        Assert.NotEqual(0, code);                            // one file failed...
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 200, $"only {lines.Length} statements");   // ...and the other still went through
        foreach (var line in lines)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);       // nothing but JSON on stdout
            Assert.Equal(seeds, doc.RootElement.GetProperty("file").GetString());
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("speaker").GetString()));
        }
        Assert.Single(stderr.Split('\n').Where(l => l.Contains("missing.txt")));
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(_data.Path));          // no database was started
    }

    [Fact]
    public async Task Extract_of_a_missing_file_says_so_in_one_line_and_nothing_else()
    {
        var missing = Path.Combine(_data.Path, "missing.txt");
        var (code, stdout, stderr) = await RunServerAsync($"extract \"{missing}\"", new() { ["PATH"] = "" });

        Assert.Equal(1, code);
        Assert.Equal("", stdout.Trim());
        // Was eight more lines first: Wolverine's query-binding warning and JasperFx's "Searching '...' for commands".
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("missing.txt", line);
    }

    [Fact]
    public async Task Extract_labels_claim_and_stance_shared_across_the_files_of_one_run()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt");
        var dir = Directory.CreateTempSubdirectory("extract-claims-");
        try
        {
            // The same articles under two names: their statements must land on the same claims across the files.
            var first = Path.Combine(dir.FullName, "first.txt");
            var second = Path.Combine(dir.FullName, "second.txt");
            File.Copy(seed, first);
            File.Copy(seed, second);
            var (code, stdout, stderr) = await RunServerAsync($"extract \"{first}\" \"{second}\"", new() { ["PATH"] = "" });

            Assert.True(code == 0, stderr);
            var claimsByFile = new Dictionary<string, HashSet<string>>();
            var stances = new HashSet<string>();
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var claim = doc.RootElement.GetProperty("claim").GetString();
                var stance = doc.RootElement.GetProperty("stance").GetString();
                Assert.False(string.IsNullOrWhiteSpace(claim), line);
                Assert.Contains(stance, new[] { "supports", "disputes" });
                stances.Add(stance!);
                var file = doc.RootElement.GetProperty("file").GetString()!;
                (claimsByFile.TryGetValue(file, out var set) ? set : claimsByFile[file] = []).Add(claim!.Split(' ')[0]);
            }
            Assert.Equal(2, claimsByFile.Count);
            var shared = claimsByFile[first].Intersect(claimsByFile[second]).Count();
            Assert.True(shared >= claimsByFile[second].Count / 2, $"only {shared} of {claimsByFile[second].Count} claims of the second file are shared with the first");
            Assert.Contains("disputes", stances);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Inputs that cannot be articles, each with what the one line about it must say.</summary>
    static Dictionary<string, string> WrongInputs(string dir)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, "a folder")).FullName;
        var empty = Path.Combine(dir, "empty story.txt");
        File.WriteAllText(empty, "");
        var binary = Path.Combine(dir, "photo.jpg");
        File.WriteAllBytes(binary, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, .. new byte[4000]]);
        var fakeGz = Path.Combine(dir, "wire.jsonl.gz");
        File.WriteAllText(fakeGz, "{\"headline\": \"not compressed at all\"}\n");
        return new() { [folder] = "is a folder", [empty] = "is empty", [binary] = "is not text", [fakeGz] = "is not gzip data" };
    }

    [Fact]
    public async Task Extract_names_a_folder_an_empty_a_binary_and_a_fake_gzip_file_in_one_line_each_and_reads_the_rest()
    {
        var dir = Directory.CreateTempSubdirectory("extract-wrong-");
        try
        {
            var wrong = WrongInputs(dir.FullName);
            var seed = Path.Combine(dir.FullName, "seed with spaces.txt");   // a path with spaces reads fine
            File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt"), seed);
            var args = string.Join(' ', wrong.Keys.Append(seed).Select(p => $"\"{p}\""));
            var (code, stdout, stderr) = await RunServerAsync($"extract {args}", new() { ["PATH"] = "" });

            Assert.Equal(1, code);
            Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 200, "the readable file still went through");
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(wrong.Count, lines.Length);
            foreach (var (path, says) in wrong)
                Assert.Contains(lines, l => l.Contains(path) && l.Contains(says));
            Assert.DoesNotContain("   at ", stderr);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public async Task Ingest_refuses_a_folder_an_empty_a_binary_or_a_fake_gzip_file_in_one_line_before_storing_anything()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-wrong-");
        try
        {
            foreach (var (path, says) in WrongInputs(dir.FullName))
            {
                var (code, stdout, stderr) = await RunServerAsync($"ingest \"{path}\"", new());

                Assert.NotEqual(0, code);
                var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                Assert.Contains(path, line);
                Assert.Contains(says, line);
                Assert.DoesNotContain("   at ", stdout + stderr);
                Assert.False(Directory.Exists(_data.Path), $"{says}: the embedded cluster was started for nothing");
            }
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public async Task Extract_reads_standard_input_given_as_dev_stdin()
    {
        // The checks on a path read the start of a file; on a pipe that start would be gone for the reader.
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt"));
        var (code, stdout, stderr) = await RunServerAsync("extract /dev/stdin", new() { ["PATH"] = "" }, stdin: seed);

        Assert.True(code == 0, stderr);
        Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 200, stderr);
        Assert.Equal("", stderr);   // a clean run says nothing on standard error, not even a blank line
    }

    [Fact]
    public async Task Extract_reads_JSON_lines_from_standard_input_given_as_a_dash()
    {
        // A pipe has no file name: the first line says it is JSON Lines.
        var jsonl = "{\"headline\":\"Talks resume\",\"body\":\"GENEVA (Reuters) - Foreign Minister Anna Berg said on Monday that the talks would resume.\"}\n" +
                    "{\"headline\":\"Talks stall\",\"body\":\"ROME (Reuters) - Opposition leader Carl Moss said on Tuesday that the talks had stalled.\"}\n";
        var (code, stdout, stderr) = await RunServerAsync("extract -", new() { ["PATH"] = "" }, stdin: jsonl);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("Anna Berg"));
        Assert.Contains(lines, l => l.Contains("Carl Moss"));
    }

    [Fact]
    public async Task Extract_reads_UTF16_text_with_its_byte_order_mark_though_it_is_full_of_NUL_bytes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utf16-{Guid.NewGuid():N}.txt");
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt"));
        await File.WriteAllTextAsync(file, seed, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        try
        {
            var (code, stdout, stderr) = await RunServerAsync($"extract \"{file}\"", new() { ["PATH"] = "" });

            Assert.True(code == 0, stderr);
            Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 200, stderr);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_port_already_in_use_is_one_line_before_PostgreSQL_starts()
    {
        // Was: the embedded cluster started, then "Hosting failed to start" and some forty lines of stack trace.
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var (code, stdout, stderr) = await RunServerAsync("", new() { ["ASPNETCORE_URLS"] = $"http://localhost:{port}" });

            Assert.NotEqual(0, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains($"port {port} is already in use", line);
            Assert.DoesNotContain("   at ", stdout + stderr);
            Assert.False(Directory.Exists(_data.Path));          // no cluster was created or started
        }
        finally { taken.Stop(); }
    }

    public void Dispose() => _data.Dispose();
}
