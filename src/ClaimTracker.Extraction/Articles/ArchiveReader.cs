using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ClaimTracker.Extraction.Articles;

/// <summary>
/// Reads articles from files: plain text in the wire layout (.txt or anything else), JSON Lines archives
/// (.jsonl: headline, body, optional id, date, dateline) and CSV archives (.csv: title,text,subject,date,
/// the ISOT layout, RFC 4180 quoting), each optionally gzip-compressed (.gz). Archives are streamed record by
/// record, so an archive of any size is never held in memory. Offsets of archive articles refer to the body.
/// </summary>
public static class ArchiveReader
{
    public enum Kind { Text, JsonLines, Csv }

    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// The format a file's name gives (.txt, .jsonl/.ndjson, .csv, each optionally .gz), or null when the name says
    /// nothing (standard input, /dev/stdin, a name with another extension or none): then the content decides.
    /// </summary>
    public static Kind? KindByName(string path)
    {
        string p = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        if (p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return Kind.JsonLines;
        if (p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return Kind.Csv;
        if (p.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return Kind.Text;
        return null;
    }

    /// <summary>Whether bytes begin a gzip stream (its two magic bytes): how gzip is known, whatever the name.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>The refusal when a name promises gzip (.gz) and the bytes are not, else null.</summary>
    public static string? NotGzipAsNamed(string path, bool gzip) =>
        !gzip && path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? $"{path} is not gzip data (its name ends in .gz)" : null;

    /// <summary>
    /// Opens a file ("-": standard input) as text, decompressing gzip whatever the name (its first two bytes say so,
    /// which is all a pipe can tell). Invalid UTF-8 is replaced, never thrown on.
    /// </summary>
    public static TextReader Open(string path)
    {
        Stream s = path == StandardInput ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var head = new byte[2];
        var n = s.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        if (s.CanSeek) s.Position = 0;
        else s = new PrefixedStream(head.AsSpan(0, n).ToArray(), s);
        var gzip = IsGzip(head.AsSpan(0, n));
        if (NotGzipAsNamed(path, gzip) is { } problem)
        {
            s.Dispose();
            throw new InvalidDataException(problem);
        }
        if (gzip) s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(s, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    /// <summary>Streams the articles of a file. I/O errors propagate (the caller reports the file);
    /// a malformed archive record is skipped and reported through <paramref name="onBadRecord"/>.</summary>
    public static IEnumerable<Article> ReadFile(string path, Action<string>? onBadRecord = null)
    {
        using var opened = Open(path);
        var (kind, reader) = KindByName(path) is { } byName ? (byName, opened) : Sniff(opened);
        IEnumerable<Article> articles = kind switch
        {
            Kind.JsonLines => ReadJsonLines(reader, onBadRecord),
            Kind.Csv => ReadCsv(reader, onBadRecord),
            _ => ArticleParser.ParseText(reader.ReadToEnd()),
        };
        foreach (var a in articles) yield return a;
    }

    /// <summary>
    /// The format of a text whose name says nothing, from its first line: a JSON object is JSON Lines, a header of
    /// plain column names with title and text is CSV, anything else the wire layout. The reader returned gives that
    /// first line again, so nothing is lost and offsets stay those of the text.
    /// </summary>
    public static (Kind Kind, TextReader Reader) Sniff(TextReader reader)
    {
        var sb = new StringBuilder();
        int c;
        while (sb.Length < 1 << 16 && (c = reader.Read()) >= 0)
        {
            sb.Append((char)c);
            if (c == '\n') break;
        }
        var first = sb.ToString();
        var trimmed = first.Trim().Trim('\uFEFF');
        var columns = trimmed.Split(',').Select(x => x.Trim().Trim('"').ToLowerInvariant()).ToList();
        var kind = trimmed.StartsWith('{') ? Kind.JsonLines
            : columns.Count >= 2 && columns.All(x => x.Length > 0 && x.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')) && columns.Contains("title") && columns.Contains("text") ? Kind.Csv
            : Kind.Text;
        return (kind, new ReplayReader(first, reader));
    }

    /// <summary>A text reader that gives <c>head</c> first, then the rest of another reader.</summary>
    private sealed class ReplayReader(string head, TextReader rest) : TextReader
    {
        private int _pos;

        public override int Peek() => _pos < head.Length ? head[_pos] : rest.Peek();
        public override int Read() => _pos < head.Length ? head[_pos++] : rest.Read();

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_pos >= head.Length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, head.Length - _pos);
            head.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }

        public override string? ReadLine()
        {
            if (_pos >= head.Length) return rest.ReadLine();
            var nl = head.IndexOf('\n', _pos);
            if (nl >= 0)
            {
                var line = head[_pos..nl];
                _pos = nl + 1;
                return line.EndsWith('\r') ? line[..^1] : line;
            }
            var tail = head[_pos..];
            _pos = head.Length;
            return tail + rest.ReadLine();
        }

        public override string ReadToEnd()
        {
            var tail = _pos < head.Length ? head[_pos..] : "";
            _pos = head.Length;
            return tail + rest.ReadToEnd();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A read-only stream that gives a few bytes already read from a pipe, then the rest of it.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_pos >= prefix.Length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, prefix.Length - _pos);
            prefix.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }

    public static IEnumerable<Article> ReadJsonLines(TextReader reader, Action<string>? onBadRecord = null)
    {
        int lineNo = 0, ordinal = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            Article? article = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    string headline = Str(root, "headline") ?? Str(root, "title") ?? "";
                    string body = Str(root, "body") ?? Str(root, "text") ?? "";
                    article = ArticleParser.FromRecord(headline, body, ++ordinal, Str(root, "id"), Str(root, "date"));
                }
            }
            catch (JsonException) { }
            if (article is null) { onBadRecord?.Invoke($"line {lineNo}: not a JSON article object"); continue; }
            yield return article;
        }
    }

    static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static IEnumerable<Article> ReadCsv(TextReader reader, Action<string>? onBadRecord = null)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        if (!ReadCsvRecord(reader, fields, sb)) yield break;
        int title = -1, text = -1, date = -1;
        for (int i = 0; i < fields.Count; i++)
        {
            string h = fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (h is "title" or "headline") title = i;
            else if (h is "text" or "body") text = i;
            else if (h == "date") date = i;
        }
        if (title < 0 || text < 0) { onBadRecord?.Invoke("CSV header has no title,text columns"); yield break; }
        int ordinal = 0, recordNo = 1;
        while (ReadCsvRecord(reader, fields, sb))
        {
            recordNo++;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count <= Math.Max(title, text)) { onBadRecord?.Invoke($"record {recordNo}: too few columns"); continue; }
            yield return ArticleParser.FromRecord(fields[title].Trim(), fields[text], ++ordinal, null,
                date >= 0 && date < fields.Count ? fields[date].Trim() : null);
        }
    }

    /// <summary>Reads one RFC 4180 record (quoted fields may hold commas, quotes "" and line breaks).</summary>
    internal static bool ReadCsvRecord(TextReader r, List<string> fields, StringBuilder sb)
    {
        fields.Clear();
        sb.Clear();
        int c = r.Read();
        if (c < 0) return false;
        bool quoted = false, any = false;
        while (true)
        {
            if (c < 0) { fields.Add(sb.ToString()); return true; }
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (r.Peek() == '"') { r.Read(); sb.Append('"'); }
                    else quoted = false;
                }
                else sb.Append((char)c);
            }
            else if (c == '"' && sb.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && r.Peek() == '\n') r.Read();
                fields.Add(sb.ToString());
                return any;
            }
            else sb.Append((char)c);
            c = r.Read();
        }
    }
}
