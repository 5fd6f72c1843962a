using System.Text;
using System.Text.Json;
using ClaimTracker.Claims;
using ClaimTracker.Extraction;

namespace ClaimTracker.Server.Features.Extraction;

/// <summary>
/// <c>extract</c> with <c>claim</c> and <c>stance</c> filled: the extraction runner writes into a collector instead of
/// stdout, then all statements of the run (every input file) are labelled together, so claim ids are shared across
/// files. Only statements are held (the corpus, ~65k, is tens of MB), never article texts.
/// </summary>
public static class ClaimLabelledExtract
{
    public static int Run(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr)
    {
        // A path that cannot be articles (a folder, an empty or binary file, a .gz that is not gzip) gets one line and
        // the others go on, as a file the runner cannot read does.
        var readable = new List<string>();
        foreach (var path in paths)
            if (Articles.InputFiles.Problem(path) is { } problem) stderr.WriteLine($"extract: {problem}");
            else readable.Add(path);
        var collector = new StatementCollector();
        var code = readable.Count == 0 && paths.Count > 0 ? 1 : ExtractRunner.Run(readable, collector, stderr);
        if (code == 2) return code;   // usage error: nothing was read
        if (readable.Count < paths.Count) code = 1;
        foreach (var st in ClaimLabeler.Label(collector.Statements))
            stdout.WriteLine(JsonSerializer.Serialize(st, ExtractRunner.Json));
        stdout.Flush();
        return code;
    }

    /// <summary>Takes the runner's JSON lines one by one and keeps them as statements (no big string buffer).</summary>
    private sealed class StatementCollector : TextWriter
    {
        private readonly StringBuilder _partial = new();
        public List<AttributedStatement> Statements { get; } = [];
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            if (_partial.Length > 0) { _partial.Append(value); value = _partial.ToString(); _partial.Clear(); }
            if (!string.IsNullOrWhiteSpace(value))
                Statements.Add(JsonSerializer.Deserialize<AttributedStatement>(value, ExtractRunner.Json)!);
        }

        public override void Write(char value)
        {
            if (value == '\n') WriteLine((string?)null);
            else if (value != '\r') _partial.Append(value);
        }

        public override void Write(string? value) => _partial.Append(value);
    }
}
