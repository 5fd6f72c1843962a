using Xunit.Abstractions;

namespace ClaimTracker.Claims.Tests;

/// <summary>
/// Claim quality on the gold statements with claim/stance blanked, measured as score-extraction does.
/// The floors RATCHET: they are set at what the matcher reaches and only ever go up.
/// </summary>
public class ClaimQualityTests(ITestOutputHelper output)
{
    // Ratchet: raise these when the matcher improves, up to the targets of issue 6 (F1 0.75, contested recall 0.8);
    // never lower them. Contested recall is at its target (measured 1.0).
    private const double SeedPairF1Floor = 0.46;
    private const double SeedContestedRecallFloor = 0.8;
    // The 1987 dev set stands in for unseen articles: a fall here means the seed gains are overfitting.
    private const double DevPairF1Floor = 0.53;

    private ClaimScoring.Result Measure(string file)
    {
        var gold = GoldData.Load(file);
        var (labelled, decisions) = ClaimLabeler.LabelWithDecisions(GoldData.Blanked(gold));
        var result = ClaimScoring.Score(gold, labelled);
        // Left beside the test binaries so the same output can be scored by shared/tools/score-extraction.
        var dump = Path.Combine(AppContext.BaseDirectory, "claims-" + file);
        File.WriteAllLines(dump, labelled.Select(s => System.Text.Json.JsonSerializer.Serialize(s)));
        File.WriteAllLines(Path.ChangeExtension(dump, ".explained.txt"),
            labelled.Zip(decisions, (s, d) => $"{s.Id}\t{d.ClaimId}\t{d.Stance}\t{d.Explanation}"));
        output.WriteLine($"{file}: {result}");
        return result;
    }

    [Fact]
    public void Seed_gold_claims_reach_the_ratcheted_floors()
    {
        var r = Measure("seed-gold.jsonl");
        Assert.True(r.PairF1 >= SeedPairF1Floor, $"pairwise F1 {r.PairF1:0.000}");
        Assert.True(r.ContestedRecall >= SeedContestedRecallFloor, $"contested recall {r.ContestedRecall:0.000}");
    }

    [Fact]
    public void Dev_gold_claims_reach_the_ratcheted_floors()
    {
        var r = Measure("dev-1987-gold.jsonl");
        Assert.True(r.PairF1 >= DevPairF1Floor, $"pairwise F1 {r.PairF1:0.000}");
    }
}
