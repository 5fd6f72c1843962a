using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

/// <summary>
/// The attribution of one statement, field by field as in the annotation guidelines. The domain keeps its own copy
/// of the shape (instead of storing the extractor's record) so that stored events do not change when the extractor does.
/// </summary>
public sealed record StatementAttribution
{
    public int Paragraph { get; init; }
    public string Cue { get; init; } = "";
    public string Mode { get; init; } = StatementMode.Indirect;
    public string Content { get; init; } = "";
    public string SpeakerText { get; init; } = "";
    public string Speaker { get; init; } = "";
    public string SpeakerType { get; init; } = SpeakerTypes.Person;
    public bool Anonymous { get; init; }
    public string? Role { get; init; }
    public string? Affiliation { get; init; }
    public string? AnonymityReason { get; init; }
    public string? Medium { get; init; }
    public string? Via { get; init; }
    public string? ClaimLabel { get; init; }
    public string? Stance { get; init; }
    public string Evidence { get; init; } = "";
    public int ContentStart { get; init; }
    public int ContentEnd { get; init; }
    public int CueStart { get; init; }
    public int CueEnd { get; init; }
    public int SpeakerStart { get; init; }
    public int SpeakerEnd { get; init; }

    public static StatementAttribution From(AttributedStatement s) => new()
    {
        Paragraph = s.Paragraph, Cue = s.Cue, Mode = s.Mode, Content = s.Content, SpeakerText = s.SpeakerText,
        Speaker = s.Speaker, SpeakerType = s.SpeakerType, Anonymous = s.Anonymous, Role = s.Role,
        Affiliation = s.Affiliation, AnonymityReason = s.AnonymityReason, Medium = s.Medium, Via = s.Via,
        ClaimLabel = s.Claim, Stance = s.Stance, Evidence = s.Evidence, ContentStart = s.ContentStart,
        ContentEnd = s.ContentEnd, CueStart = s.CueStart, CueEnd = s.CueEnd, SpeakerStart = s.SpeakerStart,
        SpeakerEnd = s.SpeakerEnd,
    };

    /// <summary>
    /// The fields a person may correct, named as in the guidelines and the extractor's JSON. Offsets and evidence
    /// are facts about the source text and are not corrected.
    /// </summary>
    public static IReadOnlyList<string> CorrectableFields { get; } =
    [
        "speaker", "speaker_type", "anonymous", "speaker_text", "role", "affiliation", "anonymity_reason",
        "medium", "via", "cue", "mode", "content", "claim", "stance",
    ];

    /// <summary>Fields that decide who the statement is credited to: changing one may move it to another actor.</summary>
    public static IReadOnlySet<string> IdentityFields { get; } = new HashSet<string> { "speaker", "speaker_type", "anonymous" };

    public string? Get(string field) => field switch
    {
        "speaker" => Speaker,
        "speaker_type" => SpeakerType,
        "anonymous" => Anonymous ? "true" : "false",
        "speaker_text" => SpeakerText,
        "role" => Role,
        "affiliation" => Affiliation,
        "anonymity_reason" => AnonymityReason,
        "medium" => Medium,
        "via" => Via,
        "cue" => Cue,
        "mode" => Mode,
        "content" => Content,
        "claim" => ClaimLabel,
        "stance" => Stance,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a correctable field"),
    };

    /// <summary>A copy with one field set; the value has already been validated by the decision.</summary>
    public StatementAttribution With(string field, string? value) => field switch
    {
        "speaker" => this with { Speaker = value ?? "" },
        "speaker_type" => this with { SpeakerType = value ?? "" },
        "anonymous" => this with { Anonymous = value == "true" },
        "speaker_text" => this with { SpeakerText = value ?? "" },
        "role" => this with { Role = value },
        "affiliation" => this with { Affiliation = value },
        "anonymity_reason" => this with { AnonymityReason = value },
        "medium" => this with { Medium = value },
        "via" => this with { Via = value },
        "cue" => this with { Cue = value ?? "" },
        "mode" => this with { Mode = value ?? "" },
        "content" => this with { Content = value ?? "" },
        "claim" => this with { ClaimLabel = value },
        "stance" => this with { Stance = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a correctable field"),
    };
}
