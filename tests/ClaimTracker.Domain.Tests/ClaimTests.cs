using ClaimTracker.Extraction;

namespace ClaimTracker.Domain.Tests;

public class ClaimTests
{
    private readonly EventLog _log = new();
    private readonly Dictionary<Guid, StatementView> _statements = new();
    private readonly DateTimeOffset _now = EventLog.T0.AddDays(2);

    public ClaimTests()
    {
        Add("Strikes hit civilians, NATO says", EventLog.T0.AddDays(-3),
            Sample.Statement("Jens Stoltenberg", "Russian strikes mainly target the opposition", role: "NATO Secretary-General"),
            Sample.Statement("a Western diplomat", "most strikes hit civilians", SpeakerTypes.Anonymous, anonymous: true, affiliation: "Western", paragraph: 2));
        Add("Moscow rejects claims", EventLog.T0.AddDays(-1),
            Sample.Statement("Russia", "its strikes only targeted Islamist militants", SpeakerTypes.Government),
            Sample.Statement("Turkey", "Russia is targeting the moderate opposition", SpeakerTypes.Government, paragraph: 2));
    }

    private void Add(string headline, DateTimeOffset publishedAt, params AttributedStatement[] statements)
    {
        var (_, views, _) = Sample.Ingest(_log, Sample.Article(headline, statements, publishedAt));
        foreach (var (id, view) in views) _statements[id] = view;
    }

    private StatementView By(string speaker) => _statements.Values.Single(s => s.Current.Speaker == speaker);

    private ClaimView Open(Guid? id = null, string text = "russian strikes mainly target non-is opposition")
    {
        var claimId = id ?? Guid.NewGuid();
        var decision = ClaimDecisions.Open(null, new OpenClaim(claimId, text, null, false, "checker", _now));
        return Fold.Into<ClaimView>(new ClaimProjection(), null, _log.AppendAll($"claim:{claimId}", decision.Events))!;
    }

    private ClaimView Apply(ClaimView claim, Decision decision)
    {
        Assert.True(decision.Succeeded, decision.Error?.Message);
        return Fold.Into(new ClaimProjection(), claim, _log.AppendAll($"claim:{claim.Id}", decision.Events))!;
    }

    private ClaimView Link(ClaimView claim, string speaker, string stance, bool automatic = false) =>
        Apply(claim, ClaimDecisions.Link(claim, By(speaker), new LinkStatement(claim.Id, By(speaker).Id, stance, automatic,
            automatic ? 0.82 : null, automatic ? "shared: russian strikes, opposition" : null, automatic ? "matcher" : "checker", _now)));

    [Fact]
    public void A_new_claim_is_unverified_then_corroborated_then_contested_then_rated()
    {
        var claim = Open();
        Assert.Equal(ClaimStatuses.Unverified, claim.Status);
        Assert.Equal(1, claim.Version);

        claim = Link(claim, "Jens Stoltenberg", Stances.Supports);
        Assert.Equal(ClaimStatuses.Unverified, claim.Status);
        claim = Link(claim, "Turkey", Stances.Supports, automatic: true);
        Assert.Equal(ClaimStatuses.Corroborated, claim.Status);
        claim = Link(claim, "Russia", Stances.Disputes);
        Assert.Equal(ClaimStatuses.Contested, claim.Status);
        Assert.Equal(3, claim.DistinctSources);
        Assert.Equal(["Jens Stoltenberg", "Turkey"], claim.Supporting.Select(l => l.Statement.Speaker));
        Assert.Equal(["Russia"], claim.Disputing.Select(l => l.Statement.Speaker));
        var automatic = claim.Links.Single(l => l.Automatic);
        Assert.Equal(0.82, automatic.Score);
        Assert.Equal("shared: russian strikes, opposition", automatic.Explanation);

        claim = Apply(claim, ClaimDecisions.Verdict(claim, new IssueVerdict(claim.Id, Ratings.MostlyTrue, "Monitors confirm most strikes.", "J. Checker", _now)));
        Assert.Equal(ClaimStatuses.Rated, claim.Status);
        Assert.Equal(Ratings.MostlyTrue, claim.Verdict!.Rating);
        Assert.Equal(["opened", "linked", "linked", "linked", "verdict"], claim.Timeline.Select(t => t.Kind));
        Assert.Equal(5, claim.Version);
    }

    [Fact]
    public void Support_resting_on_one_anonymous_source_is_flagged()
    {
        var claim = Link(Open(), "a Western diplomat", Stances.Supports);
        Assert.True(claim.RestsOnSingleAnonymousSource);
        Assert.Equal(1.0, claim.AnonymousSupportShare);

        claim = Link(claim, "Jens Stoltenberg", Stances.Supports);
        Assert.False(claim.RestsOnSingleAnonymousSource);
        Assert.Equal(0.5, claim.AnonymousSupportShare);
    }

    [Fact]
    public void First_appearance_is_the_earliest_published_statement()
    {
        var claim = Link(Link(Open(), "Turkey", Stances.Supports), "Jens Stoltenberg", Stances.Supports);
        Assert.Equal("Jens Stoltenberg", claim.FirstAppearance!.Speaker);
        Assert.Equal("Strikes hit civilians, NATO says", claim.FirstAppearance.ArticleHeadline);
    }

    [Fact]
    public void Linking_refuses_duplicates_unknown_stances_and_unexplained_automatic_links()
    {
        var claim = Link(Open(), "Turkey", Stances.Supports);
        var turkey = By("Turkey");
        var russia = By("Russia");
        Assert.Equal("already-linked", ClaimDecisions.Link(claim, turkey, new LinkStatement(claim.Id, turkey.Id, Stances.Supports, false, null, null, "c", _now)).Error?.Code);
        Assert.Equal("linked-with-other-stance", ClaimDecisions.Link(claim, turkey, new LinkStatement(claim.Id, turkey.Id, Stances.Disputes, false, null, null, "c", _now)).Error?.Code);
        Assert.Equal("stance-unknown", ClaimDecisions.Link(claim, russia, new LinkStatement(claim.Id, russia.Id, "agrees", false, null, null, "c", _now)).Error?.Code);
        Assert.Equal("score-invalid", ClaimDecisions.Link(claim, russia, new LinkStatement(claim.Id, russia.Id, Stances.Disputes, true, 1.5, "why", "m", _now)).Error?.Code);
        Assert.Equal("explanation-missing", ClaimDecisions.Link(claim, russia, new LinkStatement(claim.Id, russia.Id, Stances.Disputes, true, 0.5, " ", "m", _now)).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, ClaimDecisions.Link(claim, null, new LinkStatement(claim.Id, Guid.NewGuid(), Stances.Disputes, false, null, null, "c", _now)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, ClaimDecisions.Link(null, russia, new LinkStatement(Guid.NewGuid(), russia.Id, Stances.Disputes, false, null, null, "c", _now)).Error?.Kind);
    }

    [Fact]
    public void A_retracted_statement_cannot_be_linked_and_a_retraction_after_linking_removes_its_weight()
    {
        var claim = Link(Link(Open(), "Turkey", Stances.Supports), "Russia", Stances.Disputes);
        Assert.Equal(ClaimStatuses.Contested, claim.Status);

        var russia = By("Russia");
        russia.Claims.Add(new StatementClaim { ClaimId = claim.Id, Stance = Stances.Disputes });
        var retraction = StatementDecisions.Retract(russia, new RetractStatement(russia.Id, "not in the story", "editor", _now)).Events[0];
        russia = Fold.One(new StatementProjection(), russia, _log.Append("article", retraction))!;
        var (_, revised) = Assert.Single(StatementDecisions.RevisionsForLinkedClaims(russia, retraction));
        claim = Fold.One(new ClaimProjection(), claim, _log.Append($"claim:{claim.Id}", revised))!;

        Assert.Equal(ClaimStatuses.Unverified, claim.Status);
        Assert.Equal(0, claim.DisputeCount);
        Assert.Equal("retracted", claim.Timeline[^1].Kind);
        Assert.Equal("statement-retracted", ClaimDecisions.Link(claim, russia,
            new LinkStatement(claim.Id, russia.Id, Stances.Disputes, false, null, null, "c", _now)).Error?.Code);
    }

    [Fact]
    public void Unlinking_removes_the_link_but_keeps_it_in_the_timeline()
    {
        var claim = Link(Link(Open(), "Turkey", Stances.Supports), "Russia", Stances.Disputes);
        var russia = By("Russia").Id;
        claim = Apply(claim, ClaimDecisions.Unlink(claim, new UnlinkStatement(claim.Id, russia, "different proposition", "checker", _now)));

        Assert.DoesNotContain(claim.Links, l => l.Statement.StatementId == russia);
        Assert.Equal(ClaimStatuses.Unverified, claim.Status);
        Assert.Equal("unlinked", claim.Timeline[^1].Kind);
        Assert.Equal("link-not-found", ClaimDecisions.Unlink(claim, new UnlinkStatement(claim.Id, russia, null, "checker", _now)).Error?.Code);
    }

    [Fact]
    public void Merging_moves_the_absorbed_claims_links_and_closes_it()
    {
        var survivor = Link(Open(text: "russian strikes target the opposition"), "Turkey", Stances.Supports);
        var absorbed = Link(Link(Open(text: "moscow is bombing moderate rebels"), "Russia", Stances.Disputes), "Turkey", Stances.Supports);

        var decision = ClaimDecisions.Merge(survivor, absorbed, new MergeClaims(survivor.Id, absorbed.Id, "same proposition", "checker", _now));
        var merged = Assert.IsType<ClaimsMerged>(Assert.Single(decision.Events));
        Assert.Equal(["Russia"], merged.MovedLinks.Select(l => l.Statement.Speaker)); // Turkey is already on the survivor

        survivor = Apply(survivor, decision);
        absorbed = Apply(absorbed, decision);
        Assert.Equal(ClaimStatuses.Contested, survivor.Status);
        Assert.Equal([absorbed.Id], survivor.MergedFrom);
        Assert.Equal(ClaimStatuses.Merged, absorbed.Status);
        Assert.Equal(survivor.Id, absorbed.MergedInto);
        Assert.Empty(absorbed.Links);

        Assert.Equal("claim-merged", ClaimDecisions.Merge(survivor, absorbed, new MergeClaims(survivor.Id, absorbed.Id, null, "c", _now)).Error?.Code);
        Assert.Equal("merge-into-itself", ClaimDecisions.Merge(survivor, survivor, new MergeClaims(survivor.Id, survivor.Id, null, "c", _now)).Error?.Code);
        Assert.Equal("claim-merged", ClaimDecisions.Verdict(absorbed, new IssueVerdict(absorbed.Id, Ratings.False, "x", "r", _now)).Error?.Code);
    }

    [Theory]
    [InlineData("pants-on-fire", "s", "r", "rating-unknown")]
    [InlineData(Ratings.False, " ", "r", "summary-missing")]
    [InlineData(Ratings.False, "s", "", "reviewer-missing")]
    public void Bad_verdicts_are_refused(string rating, string summary, string reviewer, string code)
    {
        var claim = Open();
        Assert.Equal(code, ClaimDecisions.Verdict(claim, new IssueVerdict(claim.Id, rating, summary, reviewer, _now)).Error?.Code);
    }

    [Fact]
    public void Opening_needs_text_and_a_fresh_id()
    {
        Assert.Equal("text-missing", ClaimDecisions.Open(null, new OpenClaim(Guid.NewGuid(), "  ", null, false, "c", _now)).Error?.Code);
        var claim = Open();
        Assert.Equal(ErrorKind.Conflict, ClaimDecisions.Open(claim, new OpenClaim(claim.Id, "again", null, false, "c", _now)).Error?.Kind);
    }
}
