using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Extraction;

/// <summary>
/// The logic of the `extract FILE...` command: one JSON object per attributed statement per line on stdout
/// (gold field names, nulls written, non-ASCII kept), nothing else on stdout. A file that cannot be read gets
/// one line on stderr naming it and the other files go on; the exit code is 1 when any file failed.
/// </summary>
public static class ExtractRunner
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static int Run(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr)
    {
        int failed = 0;
        if (paths.Count == 0)
        {
            stderr.WriteLine("extract: no input files (usage: extract FILE...)");
            return 2;
        }
        foreach (var path in paths)
        {
            try
            {
                if (Directory.Exists(path)) throw new IOException("is a directory");
                int bad = 0;
                foreach (var article in ArchiveReader.ReadFile(path, msg => { if (bad++ < 3) stderr.WriteLine($"{path}: skipped {msg}"); }))
                {
                    foreach (var st in Extractor.Extract(article, path))
                        stdout.WriteLine(JsonSerializer.Serialize(st, Json));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ArgumentException)
            {
                stderr.WriteLine($"{path}: cannot read: {e.Message}");
                failed++;
            }
        }
        stdout.Flush();
        return failed > 0 ? 1 : 0;
    }
}
