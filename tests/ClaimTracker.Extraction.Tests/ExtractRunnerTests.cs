using System.Text.Json;

namespace ClaimTracker.Extraction.Tests;

public class ExtractRunnerTests
{
    static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt");

    [Fact]
    public void Writes_one_json_object_per_statement_with_gold_field_names()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int rc = ExtractRunner.Run([Seeds], stdout, stderr);
        Assert.Equal(0, rc);
        Assert.Equal("", stderr.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 200);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            foreach (var f in new[] { "id", "file", "article", "headline", "paragraph", "cue", "mode", "content", "speaker_text", "speaker",
                                      "speaker_type", "anonymous", "role", "affiliation", "anonymity_reason", "medium", "via", "claim",
                                      "stance", "evidence", "content_start", "content_end", "cue_start", "cue_end", "speaker_start", "speaker_end" })
                Assert.True(r.TryGetProperty(f, out _), $"missing {f}");
            Assert.Equal(JsonValueKind.Null, r.GetProperty("claim").ValueKind);
            Assert.Equal(Seeds, r.GetProperty("file").GetString());
        }
        // non-ASCII is kept as is, not \u-escaped
        Assert.Contains("’", stdout.ToString());
        Assert.DoesNotContain("\\u2019", stdout.ToString());
    }

    [Fact]
    public void An_unreadable_file_gets_one_stderr_line_and_the_others_go_on()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string missing = Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid().ToString("N") + ".txt");
        int rc = ExtractRunner.Run([missing, Seeds], stdout, stderr);
        Assert.Equal(1, rc);
        var err = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(err);
        Assert.Contains(missing, err[0]);
        Assert.True(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 200);
    }

    [Fact]
    public void A_corrupt_gzip_is_reported_not_thrown()
    {
        string path = Path.Combine(Path.GetTempPath(), "bad-" + Guid.NewGuid().ToString("N") + ".jsonl.gz");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var stderr = new StringWriter();
        int rc = ExtractRunner.Run([path], new StringWriter(), stderr);
        File.Delete(path);
        Assert.Equal(1, rc);
        Assert.Contains(path, stderr.ToString());
    }

    [Fact]
    public void No_arguments_is_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.NotEqual(0, ExtractRunner.Run([], new StringWriter(), stderr));
        Assert.Contains("usage", stderr.ToString());
    }
}
