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

    /// <summary>
    /// Agglomerative clustering, average link, over a sparse similarity graph (missing pairs count as 0):
    /// repeatedly merges the two groups with the highest mean pair score while it is at least the threshold.
    /// Deterministic (ties go to the lower ids). Returns a group number per node (its lowest member).
    /// </summary>
    internal static int[] AverageLink(int n, IEnumerable<(int A, int B, double Score)> edges, double threshold)
    {
        var sums = new Dictionary<int, double>[n];
        var size = new int[n];
        var version = new int[n];
        var members = new List<int>?[n];
        for (int i = 0; i < n; i++) { sums[i] = new(); size[i] = 1; members[i] = [i]; }
        foreach (var (a, b, s) in edges)
        {
            if (a == b) continue;
            sums[a][b] = sums[a].GetValueOrDefault(b) + s;
            sums[b][a] = sums[b].GetValueOrDefault(a) + s;
        }
        var heap = new PriorityQueue<(int A, int B, int VA, int VB), (double, int, int)>();
        void Push(int a, int b)
        {
            double avg = sums[a][b] / ((double)size[a] * size[b]);
            if (avg < threshold) return;
            var (x, y) = a < b ? (a, b) : (b, a);
            heap.Enqueue((x, y, version[x], version[y]), (-avg, x, y));
        }
        for (int a = 0; a < n; a++)
            foreach (var b in sums[a].Keys)
                if (a < b) Push(a, b);
        while (heap.TryDequeue(out var top, out _))
        {
            var (a, b, va, vb) = top;
            if (members[a] is null || members[b] is null || version[a] != va || version[b] != vb) continue;
            // Merge b into a (a is the lower id).
            foreach (var (c, v) in sums[b])
            {
                if (c == a) continue;
                var total = sums[a].GetValueOrDefault(c) + v;
                sums[a][c] = total;
                sums[c][a] = total;
                sums[c].Remove(b);
            }
            sums[a].Remove(b);
            sums[b] = new();
            size[a] += size[b];
            members[a]!.AddRange(members[b]!);
            members[b] = null;
            version[a]++;
            version[b]++;
            foreach (var c in sums[a].Keys) Push(a, c);
        }
        var group = new int[n];
        for (int i = 0; i < n; i++)
            if (members[i] is { } list)
                foreach (var m in list) group[m] = i;
        return group;
    }
}
