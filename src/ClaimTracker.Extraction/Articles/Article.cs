namespace ClaimTracker.Extraction.Articles;

/// <summary>One paragraph of an article. <see cref="Start"/>/<see cref="End"/> are offsets into
/// <see cref="Article.Text"/>; <see cref="BodyStart"/> skips the dateline on the first paragraph.</summary>
public sealed record Paragraph(int Number, int Start, int End, int BodyStart, bool IsSubhead);

/// <summary>The closing credits line: who reported, wrote and edited the story.</summary>
public sealed record Credits(
    string Text,
    IReadOnlyList<string> Reporters,
    IReadOnlyList<string> Writers,
    IReadOnlyList<string> Editors,
    IReadOnlyList<Contributor> AdditionalReporting);

public sealed record Contributor(string Name, string? Place);

/// <summary>
/// A parsed article. <see cref="Text"/> is the text the offsets refer to: the whole file for plain-text files
/// (so offsets are file offsets), the record body for archive records.
/// </summary>
public sealed class Article
{
    public required string Text { get; init; }
    public int Ordinal { get; init; }
    public string Headline { get; init; } = "";
    public int HeadlineStart { get; init; }
    /// <summary>The dateline as written ("MUNICH/AMMAN (Reuters) –", "AMSTERDAM, March 18 -"), or null.</summary>
    public string? Dateline { get; init; }
    public IReadOnlyList<string> DatelinePlaces { get; init; } = [];
    public string? Agency { get; init; }
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
    public Credits? Credits { get; init; }
    public string? Id { get; init; }
    public string? Date { get; init; }

    public ReadOnlySpan<char> Span(Paragraph p) => Text.AsSpan(p.Start, p.End - p.Start);
}
