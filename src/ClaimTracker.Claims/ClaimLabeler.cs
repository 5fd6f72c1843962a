using ClaimTracker.Extraction;

namespace ClaimTracker.Claims;

/// <summary>
/// Batch claim labelling for the command line: fills <c>claim</c> and <c>stance</c> of every statement of one run
/// (all input files together), so that statements of the same claim share one label across files.
/// <para>
/// Unlike the server's incremental matcher, the batch sees the whole run at once, so it clusters instead of
/// deciding statement by statement: every statement is indexed, each one's candidates are scored with the
/// matcher's pair score (<see cref="ClaimMatcher"/>), and groups are merged by average link (the mean pair score
/// between two groups must reach <see cref="ClaimMatcherOptions.BatchLinkThreshold"/>). Average link does not
/// chain two claims through one broad statement as single link does. Denials and contrast/rebuttal links are
/// attached afterwards to the statement they answer, whatever the average: they name their target.
/// Stance then follows the matcher's rules, in reading order within each claim.
/// </para>
/// </summary>
public static class ClaimLabeler
{
    /// <summary>Pairs scoring less are not kept for clustering: they cannot lift an average to the threshold.</summary>
    private const double MinPairScore = 0.1;

    public static IReadOnlyList<AttributedStatement> Label(IReadOnlyList<AttributedStatement> statements,
        ClaimMatcherOptions? options = null) => LabelWithDecisions(statements, options).Statements;

    /// <summary>Same, with the decision (linked statement, score, shared terms, stance reason) per statement.</summary>
    public static (IReadOnlyList<AttributedStatement> Statements, IReadOnlyList<ClaimDecision> Decisions) LabelWithDecisions(
        IReadOnlyList<AttributedStatement> statements, ClaimMatcherOptions? options = null, ClaimIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        index ??= new ClaimIndex();
        var matcher = new ClaimMatcher(index, options);
        var o = matcher.Options;
        int n = statements.Count;
        int offset = index.StatementCount;   // a caller's index may hold statements already: ours follow

        // Statement ids name the link in explanations; they repeat across files, so qualify them only when they do.
        bool idsUnique = statements.Select(s => s.Id).Where(id => !string.IsNullOrEmpty(id)).Distinct().Count() == n;
        var queries = new ClaimMatcher.Query[n];
        for (int i = 0; i < n; i++)
        {
            var s = statements[i];
            var id = idsUnique ? s.Id : string.IsNullOrEmpty(s.Id) ? $"#{i}" : $"{s.File}#{s.Article}:{s.Id}#{i}";
            queries[i] = ClaimMatcher.Query.Of(StatementToMatch.From(s) with { StatementId = id, Content = s.Content ?? "" });
        }
        // Index the whole run first, so the first statements are weighed and matched like the last.
        foreach (var q in queries)
        {
            var st = q.Statement;
            index.Add(new ClaimMember(st.StatementId, "run:" + st.StatementId, Stances.Supports, st.Content, st.Speaker,
                st.Article, st.Paragraph, st.Evidence, st.Cue, st.Affiliation));
        }
        index.RefreshNorms();

        // Pair scores (each pair once, the higher of its two directions) and the links that must hold.
        // Scores only (a run of the whole corpus has millions of pairs); the explanation of the one link each
        // statement is shown with is recomputed at the end.
        var edges = new Dictionary<(int, int), float>();
        var forced = new ClaimMatcher.Candidate?[n];
        var previousInArticle = new int[n];
        var lastOfArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var article = queries[i].Statement.Article;
            previousInArticle[i] = lastOfArticle.TryGetValue(article, out var p) ? p : -1;
            lastOfArticle[article] = i;
        }
        for (int i = 0; i < n; i++)
        {
            int self = i + offset, before = previousInArticle[i] < 0 ? -1 : previousInArticle[i] + offset;
            var candidates = matcher.ScoreCandidates(queries[i], id => id >= offset && id != self, before);
            ClaimMatcher.Candidate? best = null;
            foreach (var c in candidates)
            {
                int j = c.Id - offset;
                // Contrast and rebuttal look back in reading order only, as when statements arrive one by one.
                if (c.Contrast is not null && j > i) continue;
                var key = (Math.Min(i, j), Math.Max(i, j));
                if (c.Score >= MinPairScore && (!edges.TryGetValue(key, out var known) || c.Score > known)) edges[key] = (float)c.Score;
                if (j < i && (best is null || c.Score > best.Score || (c.Score == best.Score && c.Id < best.Id))) best = c;
                if (j < i && c.Contrast is not null && (forced[i] is null || c.Score > forced[i]!.Score)) forced[i] = c with { Id = j };
            }
            if (forced[i] is null && queries[i].Denial is not null && best is not null && best.Score >= o.DenialLinkThreshold)
                forced[i] = best with { Id = best.Id - offset };
        }

        // Average-link clustering of the statements that are not attached by a forced link.
        var cluster = AverageLink(n, edges.Where(kv => forced[kv.Key.Item1] is null && forced[kv.Key.Item2] is null)
            .Select(kv => (kv.Key.Item1, kv.Key.Item2, (double)kv.Value)), o.BatchLinkThreshold);
        edges.Clear();
        edges.TrimExcess();
        for (int i = 0; i < n; i++)
            if (forced[i] is { } f) cluster[i] = cluster[f.Id];

        // Claims in reading order of their first statement; stance along the strongest link to an earlier member.
        var claimIds = new Dictionary<int, string>();
        var claimLabels = new Dictionary<int, string>();
        var decisions = new ClaimDecision[n];
        var stances = new string[n];
        var membersSoFar = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            var q = queries[i];
            int c = cluster[i];
            if (!membersSoFar.TryGetValue(c, out var earlier))
            {
                membersSoFar[c] = [i];
                claimIds[c] = $"c{claimIds.Count + 1}";
                claimLabels[c] = index.MakeLabel(q.Terms);
                stances[i] = Stances.Supports;
                decisions[i] = new ClaimDecision(q.Statement.StatementId, claimIds[c], claimLabels[c], true, Stances.Supports,
                    1.0, null, Array.Empty<string>(), null, "first statement of the claim in reading order");
                continue;
            }
            ClaimMatcher.Candidate? link = forced[i] is { } f && cluster[f.Id] == c ? f : null;
            string? via = null;
            if (link is null)
            {
                // The strongest pair with an earlier statement of the same claim, scored again for its explanation.
                var earlierIds = earlier.Select(j => j + offset).ToHashSet();
                int before = previousInArticle[i] < 0 ? -1 : previousInArticle[i] + offset;
                foreach (var e in matcher.ScoreCandidates(q, earlierIds.Contains, before, earlierIds.Order()))
                    if (e.Contrast is null && (link is null || e.Score > link.Score || (e.Score == link.Score && e.Id < link.Id + offset)))
                        link = e with { Id = e.Id - offset };
                via = "average link";
            }
            if (link is null)
            {
                // Joined through later statements only: name the claim's first statement.
                int first = earlier[0];
                link = new ClaimMatcher.Candidate(first, 0, [], [], null, false);
                via = "average link through later statements";
            }
            var linkInIndex = link with { Id = link.Id + offset };
            var d = matcher.Linked(q, linkInIndex, claimIds[c], claimLabels[c], stances[link.Id], via);
            decisions[i] = d with { LinkedStatementId = queries[link.Id].Statement.StatementId };
            stances[i] = d.Stance;
            earlier.Add(i);
        }

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
    /// Deterministic (ties go to the lower ids). Returns a group number per node.
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
