using ClaimTracker.Claims.Text;
using ClaimTracker.Extraction;

namespace ClaimTracker.Claims.Tests;

/// <summary>Matching and stance on small constructed cases.</summary>
public class ClaimMatcherTests
{
    private static StatementToMatch S(string id, string content, string speaker, string article = "a1", int paragraph = 1,
        string cue = "said", string mode = StatementMode.Indirect, string? evidence = null) =>
        new(id, content, cue, mode, speaker, article, paragraph, evidence);

    private static ClaimMatcher NewMatcher(ClaimExclusions? exclusions = null, ClaimMatcherOptions? options = null)
    {
        var index = new ClaimIndex();
        // A little background so that common words weigh less than rare ones, as in a real run.
        index.ObserveBackground([
            "the government said the economy would grow this year",
            "officials said talks would continue next week",
            "the minister said prices would rise",
            "the company said profits fell in the first quarter",
            "the army said fighting continued in the north",
        ]);
        return new ClaimMatcher(index, options, exclusions);
    }

    [Fact]
    public void A_paraphrase_in_another_article_joins_the_claim()
    {
        var m = NewMatcher();
        var first = m.Match(S("s1", "the central bank will cut interest rates next month", "a central bank official", "a1"));
        var second = m.Match(S("s2", "the central bank plans to cut its interest rate in the coming month", "analysts", "a2"));
        Assert.True(first.OpensNewClaim);
        Assert.Equal(m.Index.LabelOf(first.ClaimId), first.ClaimLabel);
        Assert.Equal(first.ClaimLabel, second.ClaimLabel);
        Assert.False(second.OpensNewClaim);
        Assert.Equal(first.ClaimId, second.ClaimId);
        Assert.Equal(Stances.Supports, second.Stance);
        Assert.Contains("interest", second.SharedTerms);
        // the explanation says whom and what it was matched with, in words, and names the statement for tracing
        Assert.StartsWith("matched with a central bank official: \"the central bank will cut interest rates next month\" [s1]", second.Explanation);
    }

    [Fact]
    public void Capital_and_demonym_count_as_the_country()
    {
        var m = NewMatcher();
        var first = m.Match(S("s1", "Moscow is supplying weapons to the rebels", "a diplomat", "a1"));
        var second = m.Match(S("s2", "Russia was supplying weapons to rebel fighters", "officials", "a2"));
        Assert.Equal(first.ClaimId, second.ClaimId);
    }

    [Fact]
    public void An_unrelated_statement_opens_a_new_claim()
    {
        var m = NewMatcher();
        var first = m.Match(S("s1", "the central bank will cut interest rates next month", "a central bank official"));
        var other = m.Match(S("s2", "coffee exports fell sharply because of the frost in the south", "a trader", "a2"));
        Assert.True(other.OpensNewClaim);
        Assert.NotEqual(first.ClaimId, other.ClaimId);
    }

    [Fact]
    public void A_denial_cue_disputes_the_claim_it_denies()
    {
        var m = NewMatcher();
        var claim = m.Match(S("s1", "the ministry paid bribes to win the arms contract", "the newspaper"));
        var denial = m.Match(S("s2", "it paid bribes to win the contract", "the ministry", cue: "denies", paragraph: 3));
        Assert.Equal(claim.ClaimId, denial.ClaimId);
        Assert.Equal(Stances.Disputes, denial.Stance);
        Assert.Contains("denies", denial.StanceReason);
    }

    [Fact]
    public void A_negated_restatement_disputes()
    {
        var m = NewMatcher();
        var claim = m.Match(S("s1", "the group is a terrorist organization", "the interior minister", "a1"));
        var negated = m.Match(S("s2", "the group was not a terrorist organization", "a spokesman", "a2"));
        Assert.Equal(claim.ClaimId, negated.ClaimId);
        Assert.Equal(Stances.Disputes, negated.Stance);
        Assert.Equal("negated restatement", negated.StanceReason);
    }

    [Fact]
    public void Agreeing_with_a_disputer_also_disputes()
    {
        var m = NewMatcher();
        var claim = m.Match(S("s1", "the group is a terrorist organization", "the interior minister", "a1"));
        m.Match(S("s2", "the group was not a terrorist organization", "a spokesman", "a2"));
        var third = m.Match(S("s3", "the group was not a terrorist organization", "a spokesman", "a3"));
        Assert.Equal(claim.ClaimId, third.ClaimId);
        Assert.Equal(Stances.Disputes, third.Stance);
    }

    [Fact]
    public void Two_speakers_set_against_each_other_in_one_sentence_contest_one_claim()
    {
        const string evidence = "The strikes, which the army says hit only military targets but which residents say killed dozens of civilians, went on.";
        var m = NewMatcher();
        var a = m.Match(S("s1", "hit only military targets", "the army", evidence: evidence));
        var b = m.Match(S("s2", "killed dozens of civilians", "residents", evidence: evidence));
        Assert.Equal(a.ClaimId, b.ClaimId);
        Assert.Equal(Stances.Disputes, b.Stance);
        Assert.Contains("but", b.StanceReason);
    }

    [Fact]
    public void A_contrast_word_kept_at_the_end_of_a_content_still_sets_the_two_against_each_other()
    {
        // The extractor sometimes keeps the conjunction in the first content: "hit only military targets but".
        const string evidence = "The strikes, which the army says hit only military targets but which residents say killed dozens of civilians, went on.";
        var m = NewMatcher();
        var a = m.Match(S("s1", "hit only military targets but", "the army", evidence: evidence));
        var b = m.Match(S("s2", "killed dozens of civilians", "residents", evidence: evidence));
        Assert.Equal(a.ClaimId, b.ClaimId);
        Assert.Equal(Stances.Disputes, b.Stance);
    }

    [Fact]
    public void A_but_that_continues_the_first_speaker_sets_nobody_against_anybody()
    {
        // "She said A, but declined to confirm a report saying B": two claims, not two sides of one.
        const string evidence = "She said the airline had started talks with the bank on their courier venture, but declined to confirm a newspaper report saying it wanted to buy the stake.";
        var m = NewMatcher();
        var a = m.Match(S("s1", "the airline had started talks with the bank on their courier venture", "a spokeswoman", evidence: evidence));
        var b = m.Match(S("s2", "it wanted to buy the stake", "a newspaper", evidence: evidence));
        Assert.NotEqual(a.ClaimId, b.ClaimId);
        Assert.Null(Stance.ContrastBetween(evidence, "the airline had started talks with the bank on their courier venture", "it wanted to buy the stake"));
    }

    [Fact]
    public void A_denial_of_claims_that_is_matched_on_what_is_denied()
    {
        var m = NewMatcher();
        var claim = m.Match(S("s1", "the ministry abandoned the talks to seek a military victory", "a diplomat", "a1"));
        var denial = m.Match(S("s2", "claims that it had abandoned the talks", "the ministry", "a2", cue: "rejects"));
        Assert.Equal(claim.ClaimId, denial.ClaimId);
        Assert.Equal(Stances.Disputes, denial.Stance);
        Assert.DoesNotContain("claims", denial.SharedTerms);
        Assert.Equal("it had abandoned the talks", Stance.DeniedProposition("claims that it had abandoned the talks"));
    }

    [Fact]
    public void Batch_average_link_does_not_chain_two_claims_through_one_broad_statement()
    {
        // Single link would chain a-b-c through the broad middle statement; average link keeps a and c apart.
        var pairs = new[] { (0, 1, 0.9), (1, 2, 0.9) };
        var groups = AverageLinkClustering.Cluster(3, pairs, 0.5);
        Assert.Equal(groups[0], groups[1]);
        Assert.NotEqual(groups[1], groups[2]);
        var tight = AverageLinkClustering.Cluster(3, [(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.6)], 0.5);
        Assert.Single(tight.Distinct());
    }

    [Fact]
    public void The_speaker_and_their_country_count_as_one_source()
    {
        // Few shared words, but the minister speaks for the country: the source factor lifts the pair.
        var seed = new[]
        {
            St("x1", "the war could become permanent if troops are sent", "Ivan Petrov", "Ruritania", 1),
            St("x2", "foreign troops would make the war last forever", "Ruritania", null, 2),
            St("x3", "troops were seen near the border town", "a farmer", null, 3),
        };
        var labelled = ClaimLabeler.Label(seed.Concat(Filler()).ToList());
        Assert.Equal(labelled[0].Claim, labelled[1].Claim);
        Assert.NotEqual(labelled[0].Claim, labelled[2].Claim);
        var (withoutSource, dd) = ClaimLabeler.LabelWithDecisions(seed.Concat(Filler()).ToList(), new ClaimMatcherOptions { SourceWeight = 0 });
        Assert.True(withoutSource[0].Claim != withoutSource[1].Claim, dd[1].Explanation + " | " + dd[2].Explanation);
    }

    private static AttributedStatement St(string id, string content, string speaker, string? affiliation, int article) => new()
    {
        Id = id, Article = article, Headline = $"h{article}", Paragraph = 1, Cue = "said", Content = content,
        Speaker = speaker, Affiliation = affiliation, Evidence = content + ", " + speaker + " said.",
    };

    private static IEnumerable<AttributedStatement> Filler() =>
        Enumerable.Range(0, 12).Select(i => St($"f{i}", $"troops and the war hurt the harvest {i} and grain prices {i}", $"trader {i}", null, 10 + i));

    [Fact]
    public void A_rebuttal_of_the_previous_speaker_contests_its_claim()
    {
        var m = NewMatcher();
        var claim = m.Match(S("s1", "its price cuts were aimed only at clearing old stock", "Acme Corp", paragraph: 4));
        var rebuttal = m.Match(S("s2", "Acme has in fact been selling below cost to drive rivals out", "competitors", paragraph: 5));
        Assert.Equal(claim.ClaimId, rebuttal.ClaimId);
        Assert.Equal(Stances.Disputes, rebuttal.Stance);
        Assert.Contains("in fact", rebuttal.StanceReason);
    }

    [Fact]
    public void A_conditional_negation_is_not_a_dispute()
    {
        var m = NewMatcher();
        m.Match(S("s1", "the opposition will boycott the election", "a party leader", "a1"));
        var conditional = m.Match(S("s2", "the opposition would boycott the election if the rules were not changed", "a spokesman", "a2"));
        Assert.False(conditional.OpensNewClaim);
        Assert.Equal(Stances.Supports, conditional.Stance);
    }

    [Fact]
    public void A_manual_unlink_survives_rerunning_the_matcher()
    {
        var statements = new[]
        {
            S("s1", "the central bank will cut interest rates next month", "a central bank official", "a1"),
            S("s2", "the central bank plans to cut its interest rate in the coming month", "analysts", "a2"),
        };
        var firstRun = NewMatcher();
        var decisions = statements.Select(firstRun.Match).ToList();
        Assert.Equal(decisions[0].ClaimId, decisions[1].ClaimId);

        // A fact-checker unlinks s2 from that claim; the matcher is rebuilt from stored data and re-run.
        var exclusions = new ClaimExclusions();
        exclusions.Exclude("s2", decisions[0].ClaimId);
        var rerun = NewMatcher(exclusions);
        rerun.Index.Add(new ClaimMember("s1", decisions[0].ClaimId, Stances.Supports, statements[0].Content,
            statements[0].Speaker, statements[0].Article, statements[0].Paragraph));
        var again = rerun.Match(statements[1]);
        Assert.NotEqual(decisions[0].ClaimId, again.ClaimId);
        Assert.True(again.OpensNewClaim);
    }

    [Fact]
    public void Statements_placed_together_find_each_other_whatever_their_order()
    {
        // The bridge arrives last: one by one, the first two open claims of their own before it comes.
        var statements = new[]
        {
            S("s1", "the central bank will cut interest rates", "a central bank official", "a1"),
            S("s2", "rates will be cut next month to support the currency", "a banker", "a1"),
            S("s3", "the central bank will cut interest rates next month to support the currency", "analysts", "a1"),
        };
        var oneByOne = NewMatcher();
        Assert.Equal(2, statements.Select(oneByOne.Match).Select(d => d.ClaimId).Distinct().Count());
        foreach (var order in new[] { new[] { 0, 1, 2 }, new[] { 2, 1, 0 }, new[] { 1, 2, 0 } })
        {
            var decisions = NewMatcher().MatchAll(order.Select(i => statements[i]).ToList());
            Assert.Single(decisions.Select(d => d.ClaimId).Distinct());
            Assert.True(decisions[0].OpensNewClaim);   // the first in the order given opens the claim
            Assert.All(decisions.Skip(1), d => Assert.False(d.OpensNewClaim));
            Assert.All(decisions, d => Assert.Equal(Stances.Supports, d.Stance));
        }
    }

    [Fact]
    public void A_group_joins_an_existing_claim_and_existing_claims_are_not_merged()
    {
        var m = NewMatcher();
        var rates = m.Match(S("s1", "the central bank will cut interest rates next month", "a central bank official", "a1"));
        var coffee = m.Match(S("s2", "coffee exports fell sharply because of the frost", "a trader", "a2"));
        var decisions = m.MatchAll([
            S("s3", "the central bank plans to cut its interest rate in the coming month", "analysts", "a3"),
            S("s4", "coffee exports fell sharply after the frost in the south", "an exporter", "a3"),
            S("s5", "the central bank will not cut interest rates next month", "the finance minister", "a3"),
        ]);
        Assert.Equal(rates.ClaimId, decisions[0].ClaimId);
        Assert.Equal(coffee.ClaimId, decisions[1].ClaimId);
        Assert.Equal(rates.ClaimId, decisions[2].ClaimId);
        Assert.Equal(Stances.Disputes, decisions[2].Stance);   // a negated restatement by another speaker
        Assert.NotEqual(rates.ClaimId, coffee.ClaimId);
        Assert.Equal(3, m.Index.ClaimSize(rates.ClaimId));
        Assert.Equal(2, m.Index.ClaimSize(coffee.ClaimId));
        Assert.Equal(2, m.Index.ClaimCount);   // the pass's provisional claims are gone
        // What the pass recorded is what the next statement meets.
        var next = m.Match(S("s6", "the central bank is expected to cut interest rates next month", "economists", "a4"));
        Assert.Equal(rates.ClaimId, next.ClaimId);
    }

    [Fact]
    public void A_group_joins_an_existing_claim_by_the_group_bar_not_the_single_statement_bar()
    {
        var s1 = S("s1", "the central bank will cut interest rates next month", "a central bank official", "a1");
        List<StatementToMatch> pass = [
            S("s2", "the central bank plans to cut its interest rate in the coming month", "analysts", "a2"),
            S("s3", "the central bank will cut interest rates in the coming month", "a banker", "a2"),
        ];
        string[] Claims(ClaimMatcherOptions options, out string existing)
        {
            var m = NewMatcher(options: options);
            existing = m.Match(s1).ClaimId;
            return m.MatchAll(pass).Select(d => d.ClaimId).ToArray();
        }

        // One statement alone could not link at this bar; the group still joins.
        Assert.All(Claims(new ClaimMatcherOptions { LinkThreshold = 1.1 }, out var joined), c => Assert.Equal(joined, c));
        // Raise the group bar instead and the group opens a claim of its own (still one claim: it formed in the pass).
        var apart = Claims(new ClaimMatcherOptions { GroupJoinThreshold = 1.1 }, out var existing);
        Assert.All(apart, c => Assert.NotEqual(existing, c));
        Assert.Single(apart.Distinct());
    }

    [Fact]
    public void A_pass_never_puts_a_statement_back_on_a_claim_it_was_unlinked_from()
    {
        List<StatementToMatch> pass = [
            S("s2", "the central bank plans to cut its interest rate in the coming month", "analysts", "a2"),
            S("s3", "the central bank will cut interest rates in the coming month", "a banker", "a2"),
        ];
        var s1 = S("s1", "the central bank will cut interest rates next month", "a central bank official", "a1");
        var free = NewMatcher();
        var freeClaim = free.Match(s1).ClaimId;
        Assert.All(free.MatchAll(pass), d => Assert.Equal(freeClaim, d.ClaimId));

        var exclusions = new ClaimExclusions();
        var m = NewMatcher(exclusions);
        var rates = m.Match(s1);
        exclusions.Exclude("s3", rates.ClaimId);
        var decisions = m.MatchAll(pass);
        Assert.NotEqual(rates.ClaimId, decisions[1].ClaimId);
    }

    [Fact]
    public void A_rebuilt_index_gives_the_same_decision_as_the_live_one()
    {
        var live = NewMatcher();
        var a = live.Match(S("s1", "the central bank will cut interest rates next month", "a central bank official", "a1"));
        var b = live.Match(S("s2", "coffee exports fell sharply because of the frost", "a trader", "a2"));
        var probe = S("s3", "interest rates will be cut by the central bank", "economists", "a3");
        var expected = live.Decide(probe);

        var rebuilt = NewMatcher();
        rebuilt.Index.Add(new ClaimMember("s1", a.ClaimId, a.Stance, "the central bank will cut interest rates next month", "a central bank official", "a1", 1));
        rebuilt.Index.Add(new ClaimMember("s2", b.ClaimId, b.Stance, "coffee exports fell sharply because of the frost", "a trader", "a2", 1));
        var actual = rebuilt.Decide(probe);
        Assert.Equal(expected.ClaimId, actual.ClaimId);
        Assert.Equal(expected.Score, actual.Score, 9);
        Assert.Equal(a.ClaimId, actual.ClaimId);
    }

    [Fact]
    public void New_claim_ids_do_not_collide_with_rebuilt_ones()
    {
        var m = NewMatcher();
        m.Index.Add(new ClaimMember("old", "c1", Stances.Supports, "wheat harvest was poor", "a farmer", "a0", 1));
        var d = m.Match(S("s1", "the airline will buy ten new jets", "the airline"));
        Assert.NotEqual("c1", d.ClaimId);
    }

    [Fact]
    public void Labeler_fills_claim_and_stance_for_every_statement()
    {
        var gold = GoldData.Load("seed-gold.jsonl");
        var labelled = ClaimLabeler.Label(GoldData.Blanked(gold));
        Assert.Equal(gold.Count, labelled.Count);
        Assert.All(labelled, s => Assert.False(string.IsNullOrWhiteSpace(s.Claim)));
        Assert.All(labelled, s => Assert.Contains(s.Stance, new[] { Stances.Supports, Stances.Disputes }));
        // Deterministic: a second run gives the same labels.
        var again = ClaimLabeler.Label(GoldData.Blanked(gold));
        Assert.Equal(labelled.Select(s => s.Claim + s.Stance), again.Select(s => s.Claim + s.Stance));
    }

    // Each of the rules below is switched off in the options of its "Off" twin, which must then decide otherwise:
    // the constructed case shows what the rule changes, not just that the matcher happens to agree.
    private static readonly ClaimMatcherOptions FiguresOff = new() { FigureMismatchFactor = 1 };
    private static readonly ClaimMatcherOptions SelfReportsOff = new() { SelfReportFactor = 1 };
    private static readonly ClaimMatcherOptions AnyContrastDisputes = new() { ContrastDisputesAssertionsOnly = false };

    private static IReadOnlyList<ClaimDecision> Pass(ClaimMatcherOptions? options, params StatementToMatch[] statements) =>
        NewMatcher(options: options).MatchAll(statements);

    private static readonly StatementToMatch[] OneSourceTwoFigures =
    [
        S("s1", "Japan's February exports rose to 16.74 billion dlrs from 14.89 billion a year ago", "the Finance Ministry", paragraph: 1),
        S("s2", "Japan's February imports rose to 9.16 billion dlrs from 8.06 billion a year ago", "the Finance Ministry", paragraph: 3),
    ];

    [Fact]
    public void One_source_stating_two_different_figures_makes_two_claims()
    {
        var d = Pass(null, OneSourceTwoFigures);
        Assert.NotEqual(d[0].ClaimId, d[1].ClaimId);
    }

    [Fact]
    public void Off_one_source_stating_two_different_figures_makes_one_claim()
    {
        var d = Pass(FiguresOff, OneSourceTwoFigures);
        Assert.Equal(d[0].ClaimId, d[1].ClaimId);
    }

    [Fact]
    public void A_figure_restated_keeps_its_claim()
    {
        // The rule is about figures that differ: sharing one ("0.50") is no reason to separate them.
        var d = Pass(null,
            S("s1", "it raised its heating oil barge price 0.50 cent a gallon", "Sun Refining", paragraph: 1),
            S("s2", "the 0.50 cent increase brings its heating oil barge price to 49 cts", "Sun Refining", paragraph: 2));
        Assert.Equal(d[0].ClaimId, d[1].ClaimId);
    }

    [Fact]
    public void Figures_are_amounts_not_dates_or_spans_of_time()
    {
        Assert.Equal(["1", "1.5", "1229"], ClaimTerms.Figures("one mln tonnes, not 1.5 mln, and 1,229 votes"));
        Assert.Empty(ClaimTerms.Figures("a truce on March 1 after three weeks, in a three-year contract signed in 1987"));
        Assert.Empty(ClaimTerms.Figures("one of the most controversial provisions"));
    }

    private const string FiguresEvidence =
        "USDA has confirmed one mln tonnes of corn sold to the Soviet Union, but analysts have said the purchases stand at 1.5 mln tonnes.";

    private static readonly StatementToMatch[] ConflictingFigures =
    [
        S("s1", "one mln tonnes of corn sold to the Soviet Union", "USDA", cue: "has confirmed", evidence: FiguresEvidence),
        S("s2", "the purchases stand at 1.5 mln tonnes", "analysts", cue: "have said", evidence: FiguresEvidence),
    ];

    [Fact]
    public void Conflicting_figures_set_against_each_other_are_two_reports_not_a_dispute()
    {
        // Guidelines: conflicting figures are kept as separate claims and not marked as disputes.
        var d = Pass(null, ConflictingFigures);
        Assert.NotEqual(d[0].ClaimId, d[1].ClaimId);
        Assert.All(d, x => Assert.Equal(Stances.Supports, x.Stance));
    }

    [Fact]
    public void Off_conflicting_figures_set_against_each_other_dispute_one_claim()
    {
        var d = Pass(FiguresOff, ConflictingFigures);
        Assert.Equal(d[0].ClaimId, d[1].ClaimId);
        Assert.Equal(Stances.Disputes, d[1].Stance);
    }

    private static readonly StatementToMatch[] TwoCompaniesEachAboutItself =
    [
        S("s1", "it filed a reorganization plan with the U.S. Bankruptcy Court for itself and its music unit", "Acme Corp", "a1"),
        S("s2", "its plan of reorganization was approved by the U.S. Bankruptcy Court", "Zenith Data Inc", "a2"),
    ];

    [Fact]
    public void Two_unrelated_sources_each_reporting_on_themselves_in_two_stories_make_two_claims()
    {
        var d = Pass(null, TwoCompaniesEachAboutItself);
        Assert.NotEqual(d[0].ClaimId, d[1].ClaimId);
    }

    [Fact]
    public void Off_two_unrelated_sources_each_reporting_on_themselves_in_two_stories_make_one_claim()
    {
        var d = Pass(SelfReportsOff, TwoCompaniesEachAboutItself);
        Assert.Equal(d[0].ClaimId, d[1].ClaimId);
    }

    [Fact]
    public void One_source_reporting_on_itself_in_two_stories_keeps_its_claim()
    {
        // Only unrelated sources are held apart: a company repeating itself in a later story is the same claim.
        var d = Pass(null, TwoCompaniesEachAboutItself[0], TwoCompaniesEachAboutItself[1] with { Speaker = "Acme Corp" });
        Assert.Equal(d[0].ClaimId, d[1].ClaimId);
    }

    private const string ActEvidence =
        "The president has ruled out sending ground troops to the region, but the kingdom offered ground troops to fight the militants.";

    private static readonly StatementToMatch[] AnOfferAgainstARefusal =
    [
        S("s1", "sending ground troops to the region", "the president", cue: "has ruled out", evidence: ActEvidence),
        S("s2", "ground troops to fight the militants", "the kingdom", cue: "offered", evidence: ActEvidence),
    ];

    [Fact]
    public void A_but_between_two_acts_is_not_a_dispute()
    {
        var m = NewMatcher();
        m.Match(AnOfferAgainstARefusal[0]);
        var offer = m.Match(AnOfferAgainstARefusal[1]);
        Assert.Equal(Stances.Supports, offer.Stance);
        Assert.Contains("no dispute", offer.Explanation);
    }

    [Fact]
    public void Off_a_but_between_two_acts_is_a_dispute()
    {
        var m = NewMatcher(options: AnyContrastDisputes);
        m.Match(AnOfferAgainstARefusal[0]);
        Assert.Equal(Stances.Disputes, m.Match(AnOfferAgainstARefusal[1]).Stance);
    }

    [Fact]
    public void Only_the_statements_near_one_in_reading_order_are_looked_at_in_an_enormous_article()
    {
        // An "article" of thousands of statements cost the square of its size (45 s for 10,000 in extract).
        var index = new ClaimIndex();
        for (int i = 0; i < 10; i++)
            index.Add(new ClaimMember($"s{i}", $"c{i}", Stances.Supports, $"figure number {i} was reported", "a clerk", "big", i));
        index.Add(new ClaimMember("other", "c-other", Stances.Supports, "another story", "a clerk", "small", 1));

        Assert.Equal([3, 4, 5, 6, 7], index.InArticleNear("big", 5, radius: 2));
        Assert.Equal([8, 9], index.InArticleNear("big", -1, radius: 2));       // a statement not indexed yet comes last
        Assert.Equal(Enumerable.Range(0, 10), index.InArticleNear("big", 0, radius: 10));
        Assert.Equal([10], index.InArticleNear("small", -1, radius: 2));
        Assert.Empty(index.InArticleNear("none", -1, radius: 2));
    }
}
