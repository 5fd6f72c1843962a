using System.Globalization;
using System.Reflection;
using ClaimTracker.Domain;
using ClaimTracker.Extraction;
using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>The extraction library's parser and extractor, producing ingest commands.</summary>
public sealed class ExtractorArticleReader : IArticleReader
{
    public string ExtractorVersion { get; } = "claimtracker-extraction " +
        (typeof(Extractor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev");

    public IReadOnlyList<IngestArticle> ReadText(string text, string? sourceFile, string by, DateTimeOffset at) =>
        ArticleParser.ParseText(text).Select(a => ToCommand(a, sourceFile, by, at)).ToList();

    public IngestArticle ReadOne(string headline, string body, string? dateline, DateTimeOffset? date, string? source, string by, DateTimeOffset at)
    {
        // A dateline given apart from the body is put in front of it, where the parser and the guidelines expect it.
        var text = string.IsNullOrWhiteSpace(dateline) || body.TrimStart().StartsWith(dateline.Trim(), StringComparison.Ordinal)
            ? body : dateline.Trim() + " " + body.TrimStart();
        var article = ArticleParser.FromRecord(headline.Trim(), text, 1, source, date?.ToString("O"));
        return ToCommand(article, null, by, at) with { ArchiveId = source };
    }

    public IEnumerable<IngestArticle> ReadFile(string path, string by, Action<string>? onBadRecord = null) =>
        ArchiveReader.ReadFile(path, onBadRecord).Select(a =>
        {
            var command = ToCommand(a, path, by, DateTimeOffset.UtcNow);
            // The content id is hashed here, on the reading side that runs ahead of storing (the ingest command),
            // instead of when the batch is planned.
            _ = command.ArticleId;
            return command;
        });

    private IngestArticle ToCommand(Article article, string? sourceFile, string by, DateTimeOffset at)
    {
        var a = WithoutNulCharacters(article);
        return new(
            a.Headline,
            a.Dateline,
            a.DatelinePlaces,
            a.Agency,
            a.Credits is { } c ? [c.Text] : [],
            a.Paragraphs.Select(p => a.Text[p.Start..p.End]).ToList(),
            ParseDate(a.Date),
            sourceFile,
            a.Id,
            a.Ordinal,
            Extractor.Extract(a, sourceFile),
            ExtractorVersion,
            by,
            at);
    }

    /// <summary>
    /// PostgreSQL cannot store U+0000 in text or jsonb ("unsupported Unicode escape sequence"), so a stray NUL in wire
    /// copy (a binary file given to <c>ingest</c>, a JSON body with \u0000) failed the whole write with a 500. Each
    /// becomes a space: same length, so paragraph and statement offsets still point at the same characters.
    /// </summary>
    private static Article WithoutNulCharacters(Article a)
    {
        if (!a.Text.Contains('\0') && !a.Headline.Contains('\0') && a.Id?.Contains('\0') != true && a.Date?.Contains('\0') != true) return a;
        static string Clean(string s) => s.Replace('\0', ' ');
        static string? CleanOrNull(string? s) => s?.Replace('\0', ' ');
        return new Article
        {
            Text = Clean(a.Text), Ordinal = a.Ordinal, Headline = Clean(a.Headline), HeadlineStart = a.HeadlineStart,
            Dateline = CleanOrNull(a.Dateline), DatelinePlaces = a.DatelinePlaces.Select(Clean).ToList(), Agency = CleanOrNull(a.Agency),
            Paragraphs = a.Paragraphs, Id = CleanOrNull(a.Id), Date = CleanOrNull(a.Date),
            Credits = a.Credits is { } c ? new Credits(Clean(c.Text), c.Reporters.Select(Clean).ToList(), c.Writers.Select(Clean).ToList(),
                c.Editors.Select(Clean).ToList(), c.AdditionalReporting.Select(r => new Contributor(Clean(r.Name), CleanOrNull(r.Place))).ToList()) : null,
        };
    }

    private static DateTimeOffset? ParseDate(string? date) =>
        DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
