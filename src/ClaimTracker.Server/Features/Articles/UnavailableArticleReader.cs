using ClaimTracker.Domain;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// Stands in while the extraction library's parser and extractor are not part of this build: every read says so,
/// and the ingest endpoint answers 503 instead of storing articles without their statements.
/// </summary>
public sealed class UnavailableArticleReader : IArticleReader
{
    public string ExtractorVersion => "none";
    public IReadOnlyList<IngestArticle> ReadText(string text, string? sourceFile, string by, DateTimeOffset at) => throw Unavailable();
    public IngestArticle ReadOne(string headline, string body, string? dateline, DateTimeOffset? date, string? source, string by, DateTimeOffset at) => throw Unavailable();
    public IEnumerable<IngestArticle> ReadFile(string path, string by, Action<string>? onBadRecord = null) => throw Unavailable();

    private static NotSupportedException Unavailable() => new("Article extraction is not available in this build.");
}
