using ClaimTracker.Extraction.Articles;
using Xunit.Abstractions;

namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Quality ratchets. The thresholds are the scores the extractor has reached; they are only ever RAISED as the
/// rules improve, never lowered (a drop means a regression). Each is set 0.001 under the printed (rounded) score. Targets for the seeds: F1 0.95, speaker 0.95,
/// anonymous 0.98. The 1987 dev set is the proxy for unseen text: watch it as closely as the seeds.
/// </summary>
public class GoldScoreTests(ITestOutputHelper output)
{
    static string Data(string name) => Path.Combine(AppContext.BaseDirectory, name);

    static List<Row> Run(string path) =>
        ArticleParser.ParseText(File.ReadAllText(path))
            .SelectMany(a => Extractor.Extract(a, path))
            .Select(Scorer.ToRow).ToList();

    // Ratchet history (seed F1/speaker/anonymous): 0.890/0.879/0.889 first slice; 0.938/0.987/0.987; 0.954/0.987/0.987 (F1 target reached); 0.976/0.987/0.987 (all seed targets met);
    // 0.982/0.988/0.988 (gapped accusations "an attack X blame on Y" and their denials "which denies it");
    // 0.984/0.988/0.988 (blind sample D: the agentive passive "was described by X as Y").
    const double SeedMinF1 = 0.983, SeedMinSpeaker = 0.987, SeedMinAnonymous = 0.987;
    // Ratchet history (dev): 0.895/0.794/0.926 first slice; 0.930/0.849/0.973; 0.988/0.987/1.000.
    const double DevMinF1 = 0.987, DevMinSpeaker = 0.986, DevMinAnonymous = 0.999;
    // Strict speaker (the canonical name exactly): 0.874/0.924 before titles with "of" and surname-only mentions resolved; 0.904/0.924.
    // then 0.905/0.924 with the gapped accusations; 0.909/0.924 with news agencies named without country or noun.
    const double SeedMinSpeakerStrict = 0.908, DevMinSpeakerStrict = 0.923;
    // Mode (direct/indirect/mixed on matched statements), added when a content-span rule briefly cost two seed quotes: 0.992/1.000;
    // 0.996/1.000 in round 5 (a refusal coordinated with the cue, "... but gave no details", is no longer content);
    // 1.000/1.000 in round 6 (an attribution that interrupts a statement, "If ..., it said, “...”", is spanned: mixed).
    const double SeedMinMode = 0.999, DevMinMode = 0.999;

    [Fact]
    public void Seed_articles_meet_the_ratcheted_thresholds()
    {
        var gold = Scorer.LoadGold(Data("data/seed-gold.jsonl"));
        var (s, _) = Scorer.Score(gold, Run(Data("seeds/000_d4dcac6c5e52dfbe.txt")));
        output.WriteLine("seed: " + s);
        Assert.Equal(249, s.Gold);
        Assert.True(s.F1 >= SeedMinF1, $"seed detection F1 {s.F1:F3} < {SeedMinF1}");
        Assert.True(s.SpeakerLenient >= SeedMinSpeaker, $"seed speaker {s.SpeakerLenient:F3} < {SeedMinSpeaker}");
        Assert.True(s.Anonymous >= SeedMinAnonymous, $"seed anonymous {s.Anonymous:F3} < {SeedMinAnonymous}");
        Assert.True(s.SpeakerStrict >= SeedMinSpeakerStrict, $"seed speaker strict {s.SpeakerStrict:F3} < {SeedMinSpeakerStrict}");
        Assert.True(s.Mode >= SeedMinMode, $"seed mode {s.Mode:F3} < {SeedMinMode}");
    }

    [Fact]
    public void Reuters21578_dev_set_meets_the_ratcheted_thresholds()
    {
        var gold = Scorer.LoadGold(Data("data/dev-1987-gold.jsonl"));
        var (s, _) = Scorer.Score(gold, Run(Data("data/dev-1987.txt")));
        output.WriteLine("dev: " + s);
        Assert.Equal(81, s.Gold);
        Assert.True(s.F1 >= DevMinF1, $"dev detection F1 {s.F1:F3} < {DevMinF1}");
        Assert.True(s.SpeakerLenient >= DevMinSpeaker, $"dev speaker {s.SpeakerLenient:F3} < {DevMinSpeaker}");
        Assert.True(s.Anonymous >= DevMinAnonymous, $"dev anonymous {s.Anonymous:F3} < {DevMinAnonymous}");
        Assert.True(s.SpeakerStrict >= DevMinSpeakerStrict, $"dev speaker strict {s.SpeakerStrict:F3} < {DevMinSpeakerStrict}");
        Assert.True(s.Mode >= DevMinMode, $"dev mode {s.Mode:F3} < {DevMinMode}");
    }

    [Fact]
    public void Scorer_matches_the_official_rules_on_a_small_case()
    {
        Assert.Equal(1.0, Scorer.TokenF1("Russia’s plan", "russia's plan"), 3);
        Assert.Equal(0.0, Scorer.TokenF1("", "x"));
        var g = new Row("H", "the plan works", "John Kerry", "person", false, "indirect");
        Assert.True(Scorer.SpeakerLenient(g, g with { Speaker = "Kerry" }));
        var o = new Row("H", "x", "Syrian Observatory for Human Rights", "organization", false, "indirect");
        Assert.True(Scorer.SpeakerLenient(o, o with { Speaker = "the Observatory" }));   // containment, after dropping "the"
        Assert.False(Scorer.SpeakerLenient(o, o with { Speaker = "United Nations" }));
        Assert.True(Scorer.SpeakerLenient(o, o with { Speaker = "Observatory for Human Rights" }));
        var (s, _) = Scorer.Score([g], [g, g with { Content = "something else entirely" }]);
        Assert.Equal(1, s.Matched);
        Assert.Equal(0.5, s.Precision, 3);
    }
}
