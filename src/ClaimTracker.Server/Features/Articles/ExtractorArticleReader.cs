using ClaimTracker.Domain;
using ClaimTracker.Extraction;
using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// Reads articles with the extraction library's parser and rule-based extractor (text/plain and JSON ingestion).
/// Archive files (.jsonl/.csv) are not wired here yet.
/// </summary>
public sealed class ExtractorArticleReader : IArticleReader
{
    public string ExtractorVersion => "rules-1";

    public IReadOnlyList<IngestArticle> ReadText(string text, string? sourceFile, string by, DateTimeOffset at) =>
        ArticleParser.ParseText(text).Select(a => ToIngest(a, sourceFile, null, by, at)).ToList();

    public IngestArticle ReadOne(string headline, string body, string? dateline, DateTimeOffset? date, string? source, string by, DateTimeOffset at) =>
        ToIngest(ArticleParser.FromRecord(headline, body, 1, source), source, date, by, at);

    /// <summary>Seed-layout text files; archive formats (.jsonl, .csv, .gz) are not wired here yet.</summary>
    public IEnumerable<IngestArticle> ReadFile(string path, string by, Action<string>? onBadRecord = null) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            ? ReadText(File.ReadAllText(path), path, by, DateTimeOffset.UtcNow)
            : throw new NotSupportedException($"Only seed-layout .txt files can be read in this build: {path}");

    private IngestArticle ToIngest(Article a, string? sourceFile, DateTimeOffset? date, string by, DateTimeOffset at) => new(
        a.Headline, a.Dateline, a.DatelinePlaces, a.Agency, a.Credits is { } c ? [c.Text] : [],
        a.Paragraphs.Where(p => !p.IsSubhead).Select(p => a.Span(p).ToString()).ToList(),
        date ?? (DateTimeOffset.TryParse(a.Date, out var d) ? d : null), sourceFile, a.Id, a.Ordinal,
        Extractor.Extract(a, sourceFile), ExtractorVersion, by, at);
}
