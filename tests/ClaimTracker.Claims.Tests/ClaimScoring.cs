using System.Text.RegularExpressions;
using ClaimTracker.Extraction;

namespace ClaimTracker.Claims.Tests;

/// <summary>
/// The claim metrics of shared/tools/score-extraction, ported line for line: articles matched by normalised
/// headline, statements paired greedily by content token F1 (>= 0.5), then pairwise claim clustering P/R/F1 over
/// the pairs and contested-claim recall/precision (a cluster is contested when it holds both stances).
/// </summary>
internal static partial class ClaimScoring
{
    public sealed record Result(double PairPrecision, double PairRecall, double PairF1, int GoldSamePairs, int PredictedSamePairs,
        int GoldContested, int PredictedContested, double ContestedRecall, double ContestedPrecision)
    {
        public override string ToString() =>
            $"claims pairwise P {PairPrecision:0.000} R {PairRecall:0.000} F1 {PairF1:0.000} (gold pairs {GoldSamePairs}, predicted {PredictedSamePairs}); " +
            $"contested gold {GoldContested} predicted {PredictedContested} recall {ContestedRecall:0.000} precision {ContestedPrecision:0.000}";
    }

    [GeneratedRegex("[a-z0-9]+")] private static partial Regex Word();

    private static List<string> Tokens(string? text) =>
        Word().Matches((text ?? "").ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToList();

    private static double TokenF1(string? a, string? b)
    {
        var ta = Tokens(a).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var tb = Tokens(b).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        if (ta.Count == 0 || tb.Count == 0) return 0;
        int common = ta.Sum(kv => Math.Min(kv.Value, tb.GetValueOrDefault(kv.Key)));
        if (common == 0) return 0;
        double p = (double)common / tb.Values.Sum(), r = (double)common / ta.Values.Sum();
        return 2 * p * r / (p + r);
    }

    private static string Headline(string? h) => string.Join(' ', Tokens(h));

    public static Result Score(IReadOnlyList<AttributedStatement> gold, IReadOnlyList<AttributedStatement> pred)
    {
        var pairs = new List<(AttributedStatement G, AttributedStatement P)>();
        foreach (var article in gold.GroupBy(g => Headline(g.Headline)))
        {
            var gs = article.ToList();
            var ps = pred.Where(p => Headline(p.Headline) == article.Key).ToList();
            var scored = new List<(double S, int I, int J)>();
            for (int i = 0; i < gs.Count; i++)
                for (int j = 0; j < ps.Count; j++)
                    scored.Add((TokenF1(gs[i].Content, ps[j].Content), i, j));
            // Python sorts the tuples descending: by score, then i, then j, all descending.
            scored.Sort((x, y) => y.CompareTo(x));
            var usedG = new HashSet<int>(); var usedP = new HashSet<int>();
            foreach (var (s, i, j) in scored)
            {
                if (s < 0.5) break;
                if (usedG.Contains(i) || usedP.Contains(j)) continue;
                usedG.Add(i); usedP.Add(j);
                pairs.Add((gs[i], ps[j]));
            }
        }
        int tp = 0, predSame = 0, goldSame = 0;
        for (int a = 0; a < pairs.Count; a++)
            for (int b = a + 1; b < pairs.Count; b++)
            {
                bool g = pairs[a].G.Claim is not null && pairs[a].G.Claim == pairs[b].G.Claim;
                bool p = pairs[a].P.Claim is not null && pairs[a].P.Claim == pairs[b].P.Claim;
                if (g) goldSame++;
                if (p) predSame++;
                if (g && p) tp++;
            }
        double P = predSame == 0 ? 0 : (double)tp / predSame, R = goldSame == 0 ? 0 : (double)tp / goldSame;
        double F = P + R == 0 ? 0 : 2 * P * R / (P + R);

        static HashSet<string> Contested(IEnumerable<AttributedStatement> rows) =>
            rows.Where(r => r.Claim is not null).GroupBy(r => r.Claim!)
                .Where(g => g.Any(r => r.Stance == Stances.Supports) && g.Any(r => r.Stance == Stances.Disputes))
                .Select(g => g.Key).ToHashSet();
        var goldContested = Contested(gold);
        var predContested = Contested(pred);
        // Ties in most_common keep first-seen order, as Python's Counter does.
        static string? MostCommon(IEnumerable<string?> xs) =>
            xs.Where(x => x is not null).GroupBy(x => x).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        int found = goldContested.Count(c => MostCommon(pairs.Where(x => x.G.Claim == c).Select(x => x.P.Claim)) is { } top && predContested.Contains(top));
        int right = predContested.Count(c => MostCommon(pairs.Where(x => x.P.Claim == c).Select(x => x.G.Claim)) is { } top && goldContested.Contains(top));
        return new Result(P, R, F, goldSame, predSame, goldContested.Count, predContested.Count,
            goldContested.Count == 0 ? 0 : (double)found / goldContested.Count,
            predContested.Count == 0 ? 0 : (double)right / predContested.Count);
    }
}
