using ClaimTracker.Extraction;

namespace ClaimTracker.Claims;

/// <summary>
/// Batch claim labelling for the command line: fills <c>claim</c> and <c>stance</c> of every statement of one run
/// (all input files together), so that statements of the same claim share one label across files.
/// <para>
/// The whole run is one <see cref="ClaimMatcher.MatchAll"/> pass over an empty index: every statement is indexed,
/// each one's candidates are scored with the matcher's pair score, and groups are merged by average link (the mean
/// pair score between two groups must reach <see cref="ClaimMatcherOptions.BatchLinkThreshold"/>). Average link does
/// not chain two claims through one broad statement as single link does. Denials and contrast/rebuttal links are
/// attached afterwards to the statement they answer, whatever the average: they name their target.
/// Stance then follows the matcher's rules, in reading order within each claim.
/// </para>
/// </summary>
public static class ClaimLabeler
{
    public static IReadOnlyList<AttributedStatement> Label(IReadOnlyList<AttributedStatement> statements,
        ClaimMatcherOptions? options = null) => LabelWithDecisions(statements, options).Statements;

    /// <summary>Same, with the decision (linked statement, score, shared terms, stance reason) per statement.</summary>
    public static (IReadOnlyList<AttributedStatement> Statements, IReadOnlyList<ClaimDecision> Decisions) LabelWithDecisions(
        IReadOnlyList<AttributedStatement> statements, ClaimMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        int n = statements.Count;
        // Statement ids name the link in explanations; they repeat across files, so qualify them only when they do.
        bool idsUnique = statements.Select(s => s.Id).Where(id => !string.IsNullOrEmpty(id)).Distinct().Count() == n;
        var toMatch = new StatementToMatch[n];
        for (int i = 0; i < n; i++)
        {
            var s = statements[i];
            var id = idsUnique ? s.Id : string.IsNullOrEmpty(s.Id) ? $"#{i}" : $"{s.File}#{s.Article}:{s.Id}#{i}";
            toMatch[i] = StatementToMatch.From(s) with { StatementId = id, Content = s.Content ?? "" };
        }
        // The whole run is one pass of the matcher over an empty index: the same clustering the server runs per pass.
        var decisions = new ClaimMatcher(new ClaimIndex(), options).MatchAll(toMatch);

        var labelled = new List<AttributedStatement>(n);
        for (int i = 0; i < n; i++)
        {
            var d = decisions[i];
            labelled.Add(statements[i] with { Claim = $"{d.ClaimId} {d.ClaimLabel}".Trim(), Stance = d.Stance });
        }
        return (labelled, decisions);
    }
}
