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
    private const double SeedPairF1Floor = 0.47;
    private const double SeedContestedRecallFloor = 0.8;
    // The 1987 dev set stands in for unseen articles: a fall here means the seed gains are overfitting.
    private const double DevPairF1Floor = 0.61;
    // The incremental matcher (ClaimMatcher.Match, one statement at a time, same pair score): its own floors, same ratchet rule.
    private const double IncrementalSeedPairF1Floor = 0.43;
    private const double IncrementalSeedContestedRecallFloor = 0.8;
    private const double IncrementalDevPairF1Floor = 0.48;
    // The server's passes (MatchAll), one article per pass as when articles are posted one by one.
    private const double PassSeedPairF1Floor = 0.47;
    private const double PassSeedContestedRecallFloor = 0.8;
    private const double PassDevPairF1Floor = 0.54;
    // Our own hand annotation of 25 random 1987 corpus stories (tests/data/reuters-1987-sample-claims.jsonl, see
    // docs/claims.md): ordinary business and commodity wire copy, the kind of unseen story the matcher is scored on.
    private const string ReutersSample = "reuters-1987-sample-claims.jsonl";
    private const double SampleBatchPairF1Floor = 0.20;
    private const double SamplePassPairF1Floor = 0.10;
    private const double SampleIncrementalPairF1Floor = 0.15;

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

    /// <summary>The incremental path (the server's until it placed statements in passes): background IDF first, then Match in reading order.</summary>
    private ClaimScoring.Result MeasureIncremental(string file)
    {
        var gold = GoldData.Load(file);
        var blanked = GoldData.Blanked(gold);
        var index = new ClaimIndex();
        index.ObserveBackground(blanked.Select(s => s.Content));
        var matcher = new ClaimMatcher(index);
        var labelled = blanked.Select(s =>
        {
            var d = matcher.Match(StatementToMatch.From(s));
            return s with { Claim = d.ClaimId, Stance = d.Stance };
        }).ToList();
        var result = ClaimScoring.Score(gold, labelled);
        output.WriteLine($"{file} (incremental): {result}");
        return result;
    }

    /// <summary>
    /// The server's passes as when articles are posted one by one: each article's statements are placed by one
    /// <see cref="ClaimMatcher.MatchAll"/> against the claims of the articles before it (no background IDF: the server has none).
    /// </summary>
    private ClaimScoring.Result MeasurePerArticlePasses(string file)
    {
        var gold = GoldData.Load(file);
        var matcher = new ClaimMatcher(new ClaimIndex());
        var labelled = new List<Extraction.AttributedStatement>();
        foreach (var article in GoldData.Blanked(gold).GroupBy(s => (s.File, s.Article)))
        {
            var list = article.ToList();
            var decisions = matcher.MatchAll(list.Select(s => StatementToMatch.From(s)).ToList());
            labelled.AddRange(list.Zip(decisions, (s, d) => s with { Claim = d.ClaimId, Stance = d.Stance }));
        }
        var result = ClaimScoring.Score(gold, labelled);
        output.WriteLine($"{file} (a pass per article): {result}");
        return result;
    }

    /// <summary>One path's floors on both gold sets.</summary>
    private static void AssertFloors(Func<string, ClaimScoring.Result> measure, double seedF1, double seedContestedRecall, double devF1)
    {
        var seed = measure("seed-gold.jsonl");
        var dev = measure("dev-1987-gold.jsonl");
        Assert.True(seed.PairF1 >= seedF1, $"seed pairwise F1 {seed.PairF1:0.000}");
        Assert.True(seed.ContestedRecall >= seedContestedRecall, $"seed contested recall {seed.ContestedRecall:0.000}");
        Assert.True(dev.PairF1 >= devF1, $"dev pairwise F1 {dev.PairF1:0.000}");
    }

    [Fact]
    public void Per_article_passes_reach_their_ratcheted_floors() =>
        AssertFloors(MeasurePerArticlePasses, PassSeedPairF1Floor, PassSeedContestedRecallFloor, PassDevPairF1Floor);

    [Fact]
    public void Incremental_matcher_reaches_its_ratcheted_floors() =>
        AssertFloors(MeasureIncremental, IncrementalSeedPairF1Floor, IncrementalSeedContestedRecallFloor, IncrementalDevPairF1Floor);

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

    [Fact]
    public void Reuters_1987_sample_claims_reach_their_ratcheted_floors_on_every_path()
    {
        var batch = Measure(ReutersSample);
        var pass = MeasurePerArticlePasses(ReutersSample);
        var incremental = MeasureIncremental(ReutersSample);
        Assert.True(batch.PairF1 >= SampleBatchPairF1Floor, $"batch pairwise F1 {batch.PairF1:0.000}");
        Assert.True(pass.PairF1 >= SamplePassPairF1Floor, $"a pass per article: pairwise F1 {pass.PairF1:0.000}");
        Assert.True(incremental.PairF1 >= SampleIncrementalPairF1Floor, $"incremental pairwise F1 {incremental.PairF1:0.000}");
    }
}
