using System.Text;
using System.Text.RegularExpressions;

namespace ClaimTracker.Claims.Text;

/// <summary>One salient term of a statement: the key used in the index and a readable form for explanations.</summary>
public readonly record struct Term(string Key, string Surface);

/// <summary>
/// Turns statement content into index terms: lower-cased content words without function words,
/// countries/capitals/demonyms folded to one key (Moscow, Kremlin, Russian -> russia), a few newswire
/// near-synonyms folded to one concept, then light suffix stripping and truncation so that
/// "negotiated"/"negotiating" or "terrorist"/"terrorists" meet. Numbers are kept as written.
/// Deterministic and culture-invariant.
/// </summary>
public static partial class ClaimTerms
{
    [GeneratedRegex(@"[A-Za-z0-9]+(?:[.'’][A-Za-z0-9]+)*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Raw lower-case word tokens (apostrophes normalised, possessive 's dropped).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (Match m in WordPattern().Matches(text ?? ""))
        {
            var w = m.Value.Replace('’', '\'');
            // Keep dotted abbreviations (U.S., U.N.) whole; drop a sentence-final period otherwise.
            if (w.EndsWith('.') && w.IndexOf('.') == w.Length - 1) w = w[..^1];
            w = w.ToLowerInvariant();
            if (w.EndsWith("'s")) w = w[..^2];
            if (w.Length > 0) words.Add(w);
        }
        return words;
    }

    /// <summary>Index terms of a text, in reading order (duplicates kept: callers count term frequency).</summary>
    public static List<Term> Extract(string text) => Extract(Words(text));

    /// <summary>Index terms of words already cut by <see cref="Words"/> (so a caller reading them twice cuts them once).</summary>
    public static List<Term> Extract(List<string> words)
    {
        var terms = new List<Term>(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            // Two-word names first ("united states", "saudi arabia").
            if (i + 1 < words.Count && Vocabulary.Phrases.TryGetValue(words[i] + " " + words[i + 1], out var phraseKey))
            {
                terms.Add(new Term(phraseKey, words[i] + " " + words[i + 1]));
                i++;
                continue;
            }
            var w = words[i];
            if (Vocabulary.Places.TryGetValue(w, out var place)) { terms.Add(new Term(place, w)); continue; }
            if (w.Length < 2 || Vocabulary.StopWords.Contains(w) || Vocabulary.Negators.Contains(w)) continue;
            var stem = Stem(w);
            if (Vocabulary.Concepts.TryGetValue(stem, out var concept)) stem = concept;
            terms.Add(new Term(stem, w));
        }
        return terms;
    }

    /// <summary>
    /// Light stemming: strip one common inflectional/derivational suffix, then cut to 7 letters.
    /// Truncation is crude but predictable; 7 keeps "military"/"militant" apart.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length == 0 || char.IsDigit(word[0])) return word.Replace(".", "");
        var w = word.Replace(".", "");
        foreach (var suffix in Suffixes)
        {
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                w = w[..^suffix.Length];
                if (suffix == "ies") w += "y";
                break;
            }
        }
        return w.Length > 7 ? w[..7] : w;
    }

    private static readonly string[] Suffixes =
        ["ations", "ation", "ments", "ment", "ings", "ing", "edly", "ied", "ies", "ed", "es", "s", "ly"];

    /// <summary>
    /// The figures a text states, as written without separators ("1,229" -> "1229", "one" -> "1"): amounts, rates,
    /// counts. Years (1900-2099 as a whole token) are dates, not figures. Sorted, distinct.
    /// </summary>
    public static string[] Figures(string? text) => Figures(Words(text ?? ""), text ?? "");

    /// <summary>The figures of <paramref name="text"/>, from its words already cut by <see cref="Words"/>.</summary>
    public static string[] Figures(List<string> words, string text)
    {
        List<string>? figures = null;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            // Dates and spans of time ("March 1", "three weeks", "a three-year contract") set the scene: not figures.
            if (i > 0 && Months.Contains(words[i - 1])) continue;
            if (i + 1 < words.Count && TimeUnits.Contains(words[i + 1])) continue;
            if (NumberWords.TryGetValue(w, out var n))
            {
                // "one" is mostly a pronoun ("one of the ..."): a figure only before a magnitude ("one mln tonnes").
                if (w != "one" || (i + 1 < words.Count && Magnitudes.Contains(words[i + 1]))) (figures ??= []).Add(n);
                continue;
            }
            if (w.Length == 0 || !char.IsDigit(w[0])) continue;
            // "1,229" is read as "1" and "229": join digit groups of three back together.
            while (i + 1 < words.Count && words[i + 1].Length == 3 && words[i + 1].All(char.IsDigit)
                   && text.Contains(w + "," + words[i + 1], StringComparison.Ordinal)) { w += words[i + 1]; i++; }
            if (w.Length == 4 && (w.StartsWith("19", StringComparison.Ordinal) || w.StartsWith("20", StringComparison.Ordinal)) && w.All(char.IsDigit)) continue;
            (figures ??= []).Add(w.TrimEnd('.'));
        }
        if (figures is null) return [];
        figures.Sort(StringComparer.Ordinal);
        return figures.Distinct().ToArray();
    }

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal)
    {
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
    };

    private static readonly HashSet<string> Magnitudes = new(StringComparer.Ordinal) { "mln", "million", "billion", "pct", "percent", "per" };

    /// <summary>
    /// Does the content open with its source speaking of itself: "it filed a reorganization plan", "its board
    /// approved", "we will", "he bought the stock"? Reported speech puts the speaker's own pronoun first.
    /// </summary>
    public static bool IsSelfReport(string? content)
    {
        var m = WordPattern().Match(content ?? "");
        return m.Success && m.Value.ToLowerInvariant() is "it" or "its" or "we" or "our" or "i" or "my" or "he" or "his" or "she" or "her";
    }

    /// <summary>Negation words present in the text outside conditional clauses ("if ... not" does not negate the claim).</summary>
    public static int NegationCount(string text)
    {
        var words = Words(text);
        int count = 0;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            bool neg = Vocabulary.Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal);
            if (!neg) continue;
            bool conditional = false;
            for (int j = Math.Max(0, i - 5); j < i; j++)
                if (words[j] is "if" or "unless" or "whether") conditional = true;
            if (!conditional) count++;
        }
        return count;
    }

    /// <summary>
    /// Polarity of a statement: negators in its content and in its cue ("do not expect Moscow to accept ..."
    /// negates as much as "Moscow will not accept ...").
    /// </summary>
    public static int StatementNegations(string content, string? cue) => NegationCount(content) + NegationCount(cue ?? "");

    internal static string Normalize(string? s) => string.Join(' ', Words(s ?? "")).Trim();

    internal static string Join(IEnumerable<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts) { if (sb.Length > 0) sb.Append(", "); sb.Append(p); }
        return sb.ToString();
    }
}
