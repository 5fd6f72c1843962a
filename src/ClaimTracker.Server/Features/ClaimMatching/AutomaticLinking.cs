using ClaimTracker.Claims;
using ClaimTracker.Domain;

namespace ClaimTracker.Server.Features.ClaimMatching;

/// <summary>
/// Pure: turns the matcher's decision into the claim events, through the SAME decisions a fact-checker's manual
/// open and link go through (<see cref="ClaimDecisions.Open"/>, <see cref="ClaimDecisions.Link"/>), marked automatic.
/// </summary>
public static class AutomaticLinking
{
    /// <summary>Who the automatic links are by, in the timeline and in <c>LinkedBy</c>.</summary>
    public const string Matcher = "claim-matcher";

    public static StatementToMatch ToMatch(StatementView s) => new(
        s.Id.ToString(), s.Current.Content, s.Current.Cue, s.Current.Mode, s.Current.Speaker,
        s.ArticleId.ToString(), s.Current.Paragraph, s.Current.Evidence, s.Current.Affiliation);

    /// <summary>A statement on a claim as the index keeps it: the link's copy of the statement, the rest from its view.</summary>
    public static ClaimMember ToMember(Guid claimId, LinkedStatement linked, string stance, StatementView? statement) => new(
        linked.StatementId.ToString(), claimId.ToString(), stance, linked.Content, linked.Speaker,
        linked.ArticleId.ToString(), statement?.Current.Paragraph ?? 0, statement?.Current.Evidence, statement?.Current.Cue,
        statement?.Current.Affiliation);

    /// <summary>
    /// Events for the claim stream. <paramref name="claim"/> is the current claim when the decision links to an
    /// existing one, null when it opens a new claim.
    /// </summary>
    public static Decision Decide(ClaimDecision decision, Guid claimId, ClaimView? claim, StatementView statement, DateTimeOffset at)
    {
        var events = new List<object>();
        if (decision.OpensNewClaim || claim is null)
        {
            var opened = ClaimDecisions.Open(claim, new OpenClaim(claimId, Truncate(statement.Current.Content),
                decision.ClaimLabel, Automatic: true, Matcher, at));
            if (!opened.Succeeded) return opened;
            events.AddRange(opened.Events);
            claim = new ClaimView { Id = claimId };
        }
        // The opening statement supports its own claim with certainty; a link into an existing claim carries the score.
        var score = decision.OpensNewClaim ? 1.0 : Math.Clamp(Math.Round(decision.Score, 4), 0, 1);
        var linked = ClaimDecisions.Link(claim, statement, new LinkStatement(claimId, statement.Id, decision.Stance,
            Automatic: true, score, decision.Explanation, Matcher, at));
        if (!linked.Succeeded) return linked;
        events.AddRange(linked.Events);
        return Decision.Append(events);
    }

    private static string Truncate(string text) =>
        text.Length <= ClaimDecisions.MaxTextLength ? text : text[..(ClaimDecisions.MaxTextLength - 1)] + "…";
}
