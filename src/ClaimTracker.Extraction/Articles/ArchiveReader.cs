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

    public static Kind KindOf(string path)
    {
        string p = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        if (p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return Kind.JsonLines;
        if (p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return Kind.Csv;
        return Kind.Text;
    }

    /// <summary>Opens a file as text, decompressing .gz. Invalid UTF-8 is replaced, never thrown on.</summary>
    public static TextReader Open(string path)
    {
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(s, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    /// <summary>Streams the articles of a file. I/O errors propagate (the caller reports the file);
    /// a malformed archive record is skipped and reported through <paramref name="onBadRecord"/>.</summary>
    public static IEnumerable<Article> ReadFile(string path, Action<string>? onBadRecord = null)
    {
        var kind = KindOf(path);
        using var reader = Open(path);
        IEnumerable<Article> articles = kind switch
        {
            Kind.JsonLines => ReadJsonLines(reader, onBadRecord),
            Kind.Csv => ReadCsv(reader, onBadRecord),
            _ => ArticleParser.ParseText(reader.ReadToEnd()),
        };
        foreach (var a in articles) yield return a;
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
