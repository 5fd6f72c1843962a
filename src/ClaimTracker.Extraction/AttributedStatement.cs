using System.Text.Json.Serialization;

namespace ClaimTracker.Extraction;

/// <summary>
/// One attributed statement: who said what, on whose authority. Field names and meanings follow
/// the annotation guidelines (tests/data, shared/gold/GUIDELINES.md) so output can be scored against the gold files.
/// Offsets are character offsets into the text of the file (or archive record body) the article came from;
/// for inherited cues (continuation quotes) the cue and speaker offsets point at the governing attribution.
/// </summary>
public sealed record AttributedStatement
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";                 // a{article}-s{n}
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("article")] public int Article { get; init; }                // 1-based ordinal in its file
    [JsonPropertyName("headline")] public string Headline { get; init; } = "";
    [JsonPropertyName("paragraph")] public int Paragraph { get; init; }            // dateline paragraph = 1
    [JsonPropertyName("cue")] public string Cue { get; init; } = "";
    [JsonPropertyName("mode")] public string Mode { get; init; } = StatementMode.Indirect;
    [JsonPropertyName("content")] public string Content { get; init; } = "";
    [JsonPropertyName("speaker_text")] public string SpeakerText { get; init; } = "";
    [JsonPropertyName("speaker")] public string Speaker { get; init; } = "";
    [JsonPropertyName("speaker_type")] public string SpeakerType { get; init; } = SpeakerTypes.Person;
    [JsonPropertyName("anonymous")] public bool Anonymous { get; init; }
    [JsonPropertyName("role")] public string? Role { get; init; }
    [JsonPropertyName("affiliation")] public string? Affiliation { get; init; }
    [JsonPropertyName("anonymity_reason")] public string? AnonymityReason { get; init; }
    [JsonPropertyName("medium")] public string? Medium { get; init; }
    [JsonPropertyName("via")] public string? Via { get; init; }
    [JsonPropertyName("claim")] public string? Claim { get; init; }
    [JsonPropertyName("stance")] public string? Stance { get; init; }
    [JsonPropertyName("evidence")] public string Evidence { get; init; } = "";
    [JsonPropertyName("content_start")] public int ContentStart { get; init; }
    [JsonPropertyName("content_end")] public int ContentEnd { get; init; }
    [JsonPropertyName("cue_start")] public int CueStart { get; init; }
    [JsonPropertyName("cue_end")] public int CueEnd { get; init; }
    [JsonPropertyName("speaker_start")] public int SpeakerStart { get; init; }
    [JsonPropertyName("speaker_end")] public int SpeakerEnd { get; init; }
}

public static class StatementMode
{
    public const string Direct = "direct";
    public const string Indirect = "indirect";
    public const string Mixed = "mixed";
}

public static class SpeakerTypes
{
    public const string Person = "person";
    public const string Anonymous = "anonymous";
    public const string Organization = "organization";
    public const string Government = "government";
    public const string Collective = "collective";
}

public static class Stances
{
    public const string Supports = "supports";
    public const string Disputes = "disputes";
}
