using ClaimTracker.Extraction;

namespace ClaimTracker.Claims;

/// <summary>
/// Batch claim labelling for the command line: fills <c>claim</c> and <c>stance</c> of every statement of one run
/// (all input files together), in input order, so that statements of the same claim share one label across files.
/// </summary>
public static class ClaimLabeler
{
    public static IReadOnlyList<AttributedStatement> Label(IReadOnlyList<AttributedStatement> statements,
        ClaimMatcherOptions? options = null) => LabelWithDecisions(statements, options).Statements;

    /// <summary>Same, with the matcher's decision (score, shared terms, stance reason) per statement.</summary>
    public static (IReadOnlyList<AttributedStatement> Statements, IReadOnlyList<ClaimDecision> Decisions) LabelWithDecisions(
        IReadOnlyList<AttributedStatement> statements, ClaimMatcherOptions? options = null, ClaimIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        index ??= new ClaimIndex();
        // Weigh terms by how rare they are in the whole run, so the first articles are matched as well as the last.
        index.ObserveBackground(statements.Select(s => s.Content ?? ""));
        var matcher = new ClaimMatcher(index, options);
        var decisions = new List<ClaimDecision>(statements.Count);
        // Statement ids name the link in explanations; they repeat across files, so qualify them only when they do.
        bool idsUnique = statements.Select(s => s.Id).Where(id => !string.IsNullOrEmpty(id)).Distinct().Count() == statements.Count;
        for (int i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            var id = idsUnique ? s.Id : string.IsNullOrEmpty(s.Id) ? $"#{i}" : $"{s.File}#{s.Article}:{s.Id}#{i}";
            decisions.Add(matcher.Match(StatementToMatch.From(s) with { StatementId = id, Content = s.Content ?? "" }));
        }
        var labelled = new List<AttributedStatement>(statements.Count);
        for (int i = 0; i < statements.Count; i++)
        {
            var d = decisions[i];
            labelled.Add(statements[i] with { Claim = $"{d.ClaimId} {index.LabelOf(d.ClaimId)}".Trim(), Stance = d.Stance });
        }
        return (labelled, decisions);
    }
}
