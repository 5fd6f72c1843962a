namespace ClaimTracker.Claims;

/// <summary>
/// The clustering of a matching pass (<see cref="ClaimMatcher.MatchAll"/>): average link does not chain two claims
/// through one broad statement as single link does.
/// </summary>
internal static class AverageLinkClustering
{
    /// <summary>
    /// Agglomerative clustering, average link, over a sparse similarity graph (missing pairs count as 0):
    /// repeatedly merges the two groups with the highest mean pair score while it is at least the threshold.
    /// Deterministic (ties go to the lower ids). Returns a group number per node (its lowest member).
    /// </summary>
    public static int[] Cluster(int n, IEnumerable<(int A, int B, double Score)> edges, double threshold)
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
