using System.Text.RegularExpressions;
using ClaimTracker.Claims.Text;
using ClaimTracker.Extraction;

namespace ClaimTracker.Claims;

/// <summary>
/// Stance rules. "disputes" only where the text itself presents a denial or contradiction:
/// a denial cue, a negated restatement of the same proposition, or a contrast drawn in one sentence
/// between two speakers. Everything else supports.
/// </summary>
public static partial class Stance
{
    [GeneratedRegex(@"\b(den(y|ies|ied|ying|ial)|reject(s|ed|ing)?|dismiss(es|ed|ing)?|refut(e|es|ed|ing)|rebut(s|ted)?|disput(e|es|ed|ing)|contradict(s|ed|ing)?|repudiat(e|es|ed)|brush(es|ed)? aside)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DenialCuePattern();

    [GeneratedRegex(@"\b(but|while|whereas|though|although|however|despite|yet|instead|contrary|in fact)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContrastPattern();

    /// <summary>The denial word of a cue ("denies", "rejects claims"), or null.</summary>
    public static string? DenialCue(string? cue)
    {
        var m = DenialCuePattern().Match(cue ?? "");
        return m.Success ? m.Value : null;
    }

    /// <summary>A contrast marker in a stretch of text ("but", "even though", "in fact"), or null.</summary>
    public static string? ContrastMarker(string? text)
    {
        var m = ContrastPattern().Match(text ?? "");
        return m.Success ? m.Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"(\bin fact\b|\bactually\b|\bin reality\b|\bcontrary to\b|^\s*but\b|^\s*however\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RebuttalPattern();

    /// <summary>A word that marks a sentence as a rebuttal of what came just before ("in fact", a leading "But"), or null.</summary>
    public static string? RebuttalMarker(string? text)
    {
        var m = RebuttalPattern().Match(text ?? "");
        return m.Success ? m.Value.Trim().ToLowerInvariant() : null;
    }

    /// <summary>Opposite polarity: one content is negated, the other not (counted outside conditional clauses).</summary>
    public static bool PolarityDiffers(int negationsA, int negationsB) => (negationsA % 2) != (negationsB % 2);

    /// <summary>Stance towards the claim: agreeing with a disputer disputes, contradicting a disputer supports.</summary>
    public static string Towards(string memberStance, bool contradictsMember) =>
        (memberStance == Stances.Disputes) ^ contradictsMember ? Stances.Disputes : Stances.Supports;

    /// <summary>
    /// When two statements share one evidence sentence, the text between their contents
    /// (e.g. "... militants but which Western countries say ...") shows whether the sentence sets them against each other.
    /// </summary>
    public static string? ContrastBetween(string evidence, string firstContent, string secondContent)
    {
        if (string.IsNullOrEmpty(evidence) || string.IsNullOrEmpty(firstContent) || string.IsNullOrEmpty(secondContent)) return null;
        int a = evidence.IndexOf(firstContent, StringComparison.Ordinal);
        int b = evidence.IndexOf(secondContent, StringComparison.Ordinal);
        if (a < 0 || b < 0 || a == b) return null;
        int start, end;
        if (a < b) { start = a + firstContent.Length; end = b; }
        else { start = b + secondContent.Length; end = a; }
        if (end <= start) return null;
        var between = evidence[start..end];
        var m = ContrastPattern().Match(between);
        if (m.Success)
        {
            // "She said A, but declined to confirm a report saying B": the first speaker goes on ("but declined",
            // "but added"), so the word does not set the two sources against each other.
            return SameSubjectGoesOn().IsMatch(between[(m.Index + m.Length)..]) ? null : m.Value.ToLowerInvariant();
        }
        // The extractor may keep the conjunction inside a content ("have only targeted militants but"):
        // a contrast word that ends the earlier content or opens the later one stands between them too.
        var (earlier, later) = a < b ? (firstContent, secondContent) : (secondContent, firstContent);
        var tail = TrailingContrastPattern().Match(earlier);
        if (tail.Success) return tail.Groups[1].Value.ToLowerInvariant();
        var head = LeadingContrastPattern().Match(later);
        return head.Success ? head.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"\b(rul(e|es|ed|ing) out|offer(s|ed|ing)?|demand(s|ed|ing)?|announc(e|es|ed|ing)|propos(e|es|ed|ing)|call(s|ed|ing)? for|urg(e|es|ed|ing)|plan(s|ned|ning)?|vow(s|ed|ing)?|promis(e|es|ed|ing)|pledg(e|es|ed|ing)|ask(s|ed|ing)?|request(s|ed|ing)?|recommend(s|ed|ing)?|appeal(s|ed|ing)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActCuePattern();

    /// <summary>
    /// A cue that reports an act (an offer, a demand, an announcement, a plan) rather than an assertion: what it
    /// reports is not a proposition another source can contradict, so a "but" next to it sets no sides.
    /// </summary>
    public static bool ReportsAnAct(string? cue) => ActCuePattern().IsMatch(cue ?? "");

    [GeneratedRegex(@"^\W*(?:also\s+|then\s+)?(?:declined|refused|declines|refuses|added|adds|said|says|did|does|would|could|gave|noted|stressed|cautioned|acknowledged|conceded|stopped|was|is|has|had)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SameSubjectGoesOn();

    [GeneratedRegex(@"\b(but|while|whereas|though|although|however|yet)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingContrastPattern();

    [GeneratedRegex(@"^\W*(but|however|yet|whereas)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingContrastPattern();

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?|assertions?|assessments?|speculation)\s+(?:that\s+|of\s+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedObjectPattern();

    /// <summary>
    /// What a denial denies: "rejects claims that it has abandoned diplomacy" is about abandoning diplomacy, so the
    /// leading "claims that" (reports, allegations, ...) is not part of the proposition to match.
    /// </summary>
    public static string DeniedProposition(string content)
    {
        var m = DeniedObjectPattern().Match(content ?? "");
        return m.Success && m.Length < content!.Length ? content[m.Length..] : content ?? "";
    }

    internal static int Negations(string content) => ClaimTerms.NegationCount(content);
}
