using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// A C# mirror of shared/tools/score-extraction's matching: articles by normalised headline, statements one-to-one,
/// greedily by content token F1 (pairs count at >= 0.5); speaker strict (equal after normalising) and lenient
/// (persons by surname, others by containment).
/// </summary>
public sealed record Scores(int Gold, int Predicted, int Matched, double Precision, double Recall, double F1,
    double SpeakerStrict, double SpeakerLenient, double SpeakerType, double Anonymous, double Mode)
{
    public override string ToString() =>
        $"gold {Gold} predicted {Predicted} matched {Matched} | P {Precision:F3} R {Recall:F3} F1 {F1:F3} | " +
        $"speaker strict {SpeakerStrict:F3} lenient {SpeakerLenient:F3} | type {SpeakerType:F3} | anonymous {Anonymous:F3} | mode {Mode:F3}";
}

public sealed record Row(string Headline, string Content, string? Speaker, string? SpeakerType, bool Anonymous, string? Mode);

public static partial class Scorer
{
    [GeneratedRegex("[a-z0-9]+")] private static partial Regex Word();

    static List<string> Tokens(string? s) =>
        Word().Matches((s ?? "").ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToList();

    public static double TokenF1(string? a, string? b)
    {
        var ta = Tokens(a).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var tb = Tokens(b).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        if (ta.Count == 0 || tb.Count == 0) return 0;
        int common = ta.Sum(kv => Math.Min(kv.Value, tb.GetValueOrDefault(kv.Key)));
        if (common == 0) return 0;
        double p = (double)common / tb.Values.Sum(), r = (double)common / ta.Values.Sum();
        return 2 * p * r / (p + r);
    }

    public static string NormName(string? name)
    {
        string s = string.Join(' ', Tokens(name));
        foreach (var lead in new[] { "a ", "an ", "the ", "one " })
            if (s.StartsWith(lead, StringComparison.Ordinal)) return s[lead.Length..];
        return s;
    }

    public static bool SpeakerLenient(Row g, Row p)
    {
        string gn = NormName(g.Speaker), pn = NormName(p.Speaker);
        if (gn.Length == 0 || pn.Length == 0) return false;
        if (gn == pn) return true;
        if (g.SpeakerType == "person") return gn.Split(' ')[^1] == pn.Split(' ')[^1];
        return gn.Contains(pn, StringComparison.Ordinal) || pn.Contains(gn, StringComparison.Ordinal);
    }

    public static List<Row> LoadGold(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            using var d = JsonDocument.Parse(l);
            var r = d.RootElement;
            string? S(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new Row(S("headline") ?? "", S("content") ?? "", S("speaker"), S("speaker_type"),
                r.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True, S("mode"));
        }).ToList();

    public static Row ToRow(AttributedStatement s) => new(s.Headline, s.Content, s.Speaker, s.SpeakerType, s.Anonymous, s.Mode);

    public static (Scores Scores, List<(Row Gold, Row Pred)> Pairs) Score(IReadOnlyList<Row> gold, IReadOnlyList<Row> pred)
    {
        string H(string h) => string.Join(' ', Tokens(h));
        var pairs = new List<(Row, Row)>();
        foreach (var group in gold.GroupBy(g => H(g.Headline)))
        {
            var gs = group.ToList();
            var ps = pred.Where(p => H(p.Headline) == group.Key).ToList();
            var scored = new List<(double S, int I, int J)>();
            for (int i = 0; i < gs.Count; i++)
                for (int j = 0; j < ps.Count; j++)
                    scored.Add((TokenF1(gs[i].Content, ps[j].Content), i, j));
            // Python sorts (score, i, j) descending
            scored.Sort((x, y) => y.S != x.S ? y.S.CompareTo(x.S) : y.I != x.I ? y.I.CompareTo(x.I) : y.J.CompareTo(x.J));
            var ug = new HashSet<int>(); var up = new HashSet<int>();
            foreach (var (s, i, j) in scored)
            {
                if (s < 0.5) break;
                if (ug.Contains(i) || up.Contains(j)) continue;
                ug.Add(i); up.Add(j);
                pairs.Add((gs[i], ps[j]));
            }
        }
        int n = pairs.Count;
        double Ratio(double a, double b) => b == 0 ? 0 : a / b;
        double P = Ratio(n, pred.Count), R = Ratio(n, gold.Count);
        double F = P + R == 0 ? 0 : 2 * P * R / (P + R);
        double Acc(Func<Row, Row, bool> t) => Ratio(pairs.Count(x => t(x.Item1, x.Item2)), n);
        var scores = new Scores(gold.Count, pred.Count, n, P, R, F,
            Acc((g, p) => NormName(g.Speaker) == NormName(p.Speaker)),
            Acc(SpeakerLenient),
            Acc((g, p) => g.SpeakerType == p.SpeakerType),
            Acc((g, p) => g.Anonymous == p.Anonymous),
            Acc((g, p) => g.Mode == p.Mode));
        return (scores, pairs);
    }
}
