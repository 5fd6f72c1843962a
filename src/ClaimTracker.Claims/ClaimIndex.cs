using ClaimTracker.Claims.Text;

namespace ClaimTracker.Claims;

/// <summary>
/// A statement already placed on a claim: what the index keeps per statement. Everything here is in the stored
/// events/read models, so the index can be rebuilt at start-up by calling <see cref="ClaimIndex.Add"/> for each.
/// </summary>
public sealed record ClaimMember(
    string StatementId,
    string ClaimId,
    string Stance,
    string Content,
    string Speaker,
    string Article,
    int Paragraph,
    string? Evidence = null,
    string? Cue = null,
    string? Affiliation = null);

/// <summary>
/// What matching reads of a statement, from its content, cue and source: read once, whether the statement is being
/// matched (<see cref="ClaimMatcher"/>'s query) or indexed (the entry), or both in one pass.
/// </summary>
internal sealed record StatementSignals(List<Term> Terms, string? Denial, int Negations, string NormalizedSpeaker,
    HashSet<string> SourceTerms, string[] Figures, bool SelfReport)
{
    public static StatementSignals Of(string content, string? cue, string? speaker, string? affiliation)
    {
        var denial = Stance.DenialCue(cue);
        var words = ClaimTerms.Words(content);
        // A denial's terms are those of what it denies ("rejects claims that X": X).
        var terms = denial is null ? ClaimTerms.Extract(words) : ClaimTerms.Extract(Stance.DeniedProposition(content));
        return new StatementSignals(terms, denial, ClaimTerms.StatementNegations(content, cue), ClaimTerms.Normalize(speaker),
            ClaimIndex.SourceTermsOf(speaker, affiliation), ClaimTerms.Figures(words, content), ClaimTerms.IsSelfReport(content));
    }
}

/// <summary>
/// In-memory inverted index from salient terms to the statements already on claims. Candidate claims for a new
/// statement come from the posting lists of its rarest terms only, each list read up to a cap, so the cost of a
/// lookup does not grow with the number of claims. Term weights are IDF over all statements seen so far.
/// Not thread-safe: one writer (the matcher) owns it.
/// </summary>
public sealed class ClaimIndex
{
    internal sealed class Entry
    {
        public required ClaimMember Member { get; set; }
        public required Dictionary<string, int> TermCounts { get; init; }
        public required Dictionary<string, string> Surfaces { get; init; }
        public required double Norm { get; set; }
        /// <summary>Statements seen when Norm was computed: recomputed once IDF has drifted (10% more statements).</summary>
        public int NormAt { get; set; }
        public required int Negations { get; init; }
        public required string NormalizedSpeaker { get; init; }
        /// <summary>Terms of the speaker and their affiliation together (Medvedev + Russia, OCHA + United Nations).</summary>
        public required HashSet<string> SourceTerms { get; init; }
        /// <summary>The figures the content states (amounts, rates, counts; not dates): see <see cref="ClaimTerms.Figures"/>.</summary>
        public required string[] Figures { get; init; }
        /// <summary>The content opens with the source speaking of itself ("it filed ...", "we will ..."): <see cref="ClaimTerms.IsSelfReport"/>.</summary>
        public required bool SelfReport { get; init; }
    }

    private readonly List<Entry> _entries = new();
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _claimMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sourceFrequency = new(StringComparer.Ordinal);
    private int _documents;
    private int _sources;

    /// <summary>How many posting entries are read per query term (newest first).</summary>
    public int PostingCap { get; init; } = 400;

    /// <summary>How many of the query's terms (highest IDF first) are looked up.</summary>
    public int QueryTermCap { get; init; } = 10;

    /// <summary>Work of the last lookup: posting entries read and distinct statements scored (for benchmarks).</summary>
    public (int PostingsRead, int Candidates) LastLookupCost { get; private set; }

    public int StatementCount => _entries.Count;
    public int ClaimCount => _labels.Count;

    /// <summary>A short readable label per claim (from its first statement).</summary>
    public string? LabelOf(string claimId) => _labels.GetValueOrDefault(claimId);

    /// <summary>
    /// Counts terms of texts for IDF without indexing them (e.g. all statements of a batch before matching,
    /// so that early statements are weighed like late ones).
    /// </summary>
    public void ObserveBackground(IEnumerable<string> texts)
    {
        foreach (var text in texts) CountDocument(ClaimTerms.Extract(text));
    }

    /// <summary>
    /// Counts source terms (speaker and affiliation) without indexing, for the weights of the source similarity:
    /// a source named by many statements ("officials") says less about who is speaking than a rare one.
    /// </summary>
    public void ObserveSources(IEnumerable<(string Speaker, string? Affiliation)> sources)
    {
        foreach (var (speaker, affiliation) in sources) CountSource(SourceTermsOf(speaker, affiliation));
    }

    /// <summary>Statements on a claim so far (for the claim-level score of the matcher).</summary>
    public int ClaimSize(string claimId) => _claimMembers.TryGetValue(claimId, out var m) ? m.Count : 0;

    /// <summary>The index ids of the statements on a claim, in the order they were added.</summary>
    internal IReadOnlyList<int> MembersOf(string claimId) => _claimMembers.TryGetValue(claimId, out var m) ? m : [];

    /// <summary>
    /// Moves an indexed statement to its final claim and stance (a pass indexes its statements on provisional
    /// claims of their own first, so they can be scored against each other).
    /// </summary>
    internal void Place(int id, string claimId, string stance, string label)
    {
        var e = _entries[id];
        var from = e.Member.ClaimId;
        if (from == claimId) { e.Member = e.Member with { Stance = stance }; return; }
        if (_claimMembers.TryGetValue(from, out var old))
        {
            old.Remove(id);
            if (old.Count == 0) { _claimMembers.Remove(from); _labels.Remove(from); }
        }
        e.Member = e.Member with { ClaimId = claimId, Stance = stance };
        _labels.TryAdd(claimId, label);
        if (!_claimMembers.TryGetValue(claimId, out var members)) _claimMembers[claimId] = members = [];
        members.Add(id);
    }

    /// <summary>Adds a statement that is on a claim (new, or loaded from stored data on rebuild).</summary>
    public void Add(ClaimMember member) =>
        Add(member, StatementSignals.Of(member.Content, member.Cue, member.Speaker, member.Affiliation));

    /// <summary>The same with its signals already read (a pass reads them once for its query and its entry).</summary>
    internal void Add(ClaimMember member, StatementSignals signals)
    {
        var terms = signals.Terms;
        CountDocument(terms);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            counts[t.Key] = counts.GetValueOrDefault(t.Key) + 1;
            surfaces.TryAdd(t.Key, t.Surface);
        }
        var entry = new Entry
        {
            Member = member, TermCounts = counts, Surfaces = surfaces, Norm = 0,
            Negations = signals.Negations,
            NormalizedSpeaker = signals.NormalizedSpeaker,
            SourceTerms = signals.SourceTerms,
            Figures = signals.Figures,
            SelfReport = signals.SelfReport,
        };
        CountSource(entry.SourceTerms);
        entry.Norm = VectorNorm(counts);
        entry.NormAt = _documents;
        int id = _entries.Count;
        _entries.Add(entry);
        foreach (var key in counts.Keys)
        {
            if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = new List<int>();
            list.Add(id);
        }
        if (!_byArticle.TryGetValue(member.Article, out var inArticle)) _byArticle[member.Article] = inArticle = new List<int>();
        inArticle.Add(id);
        _labels.TryAdd(member.ClaimId, MakeLabel(terms));
        if (!_claimMembers.TryGetValue(member.ClaimId, out var onClaim)) _claimMembers[member.ClaimId] = onClaim = [];
        onClaim.Add(id);
    }

    /// <summary>The source of a statement as a set of terms: speaker and affiliation folded together.</summary>
    internal static HashSet<string> SourceTermsOf(string? speaker, string? affiliation) =>
        ClaimTerms.Extract($"{speaker} {affiliation}").Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

    private void CountSource(HashSet<string> terms)
    {
        _sources++;
        foreach (var key in terms) _sourceFrequency[key] = _sourceFrequency.GetValueOrDefault(key) + 1;
    }

    internal double SourceIdf(string key) =>
        Math.Max(0.05, Math.Log((_sources + 1.0) / (_sourceFrequency.GetValueOrDefault(key) + 0.5)));

    /// <summary>
    /// How far two statements come from one source, 0..1: IDF-weighted cosine of their source terms, so
    /// "Dmitry Medvedev (Russia)" and "Russia" overlap, "Western countries" and "a Western official" a little.
    /// </summary>
    internal double SourceSimilarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        foreach (var k in a) { var w = SourceIdf(k); na += w * w; if (b.Contains(k)) dot += w * w; }
        if (dot == 0) return 0;
        foreach (var k in b) { var w = SourceIdf(k); nb += w * w; }
        return dot / Math.Sqrt(na * nb);
    }

    /// <summary>
    /// Recomputes, with the current IDF, the norms of the statements added from <paramref name="from"/> on: a pass's
    /// own statements once all of them are counted. Older norms drift lazily (<see cref="NormOf(Entry)"/>), so a
    /// pass costs nothing per statement already stored.
    /// </summary>
    internal void RefreshNorms(int from = 0)
    {
        for (int i = from; i < _entries.Count; i++) { var e = _entries[i]; e.Norm = VectorNorm(e.TermCounts); e.NormAt = _documents; }
    }

    private void CountDocument(List<Term> terms)
    {
        _documents++;
        foreach (var key in terms.Select(t => t.Key).Distinct()) _documentFrequency[key] = _documentFrequency.GetValueOrDefault(key) + 1;
    }

    internal double Idf(string key)
    {
        // Smoothed so a term seen once among few statements still weighs something, and very common ones little.
        var df = _documentFrequency.GetValueOrDefault(key);
        return Math.Max(0.05, Math.Log((_documents + 1.0) / (df + 0.5)));
    }

    internal double Weight(string key, int count) => (1 + Math.Log(count)) * Idf(key);

    internal double VectorNorm(Dictionary<string, int> counts)
    {
        double s = 0;
        foreach (var (k, c) in counts) { var w = Weight(k, c); s += w * w; }
        return Math.Sqrt(s);
    }

    internal Entry this[int id] => _entries[id];

    internal IReadOnlyList<int> InArticle(string article) =>
        _byArticle.TryGetValue(article, out var l) ? l : Array.Empty<int>();

    /// <summary>
    /// The statements of an article at most <paramref name="radius"/> places before or after statement
    /// <paramref name="id"/> in reading order (an id not indexed yet stands after the last). Every statement of any
    /// real story is that close (the Reuters corpus has at most 34 per story); the window keeps a pathological
    /// "article" of thousands of statements from costing the square of its size.
    /// </summary>
    internal IEnumerable<int> InArticleNear(string article, int id, int radius)
    {
        if (!_byArticle.TryGetValue(article, out var all)) return Array.Empty<int>();
        if (all.Count <= radius) return all;
        int at = id < 0 ? all.Count : all.BinarySearch(id);   // ids grow in the order statements are added
        if (at < 0) at = ~at;
        int from = Math.Max(0, at - radius), to = Math.Min(all.Count, at + radius + 1);
        return all.Skip(from).Take(to - from);
    }

    /// <summary>
    /// Cosine similarity (TF-IDF) of the query against statements reachable from its rarest terms.
    /// Only posting lists are read: at most QueryTermCap x PostingCap entries.
    /// </summary>
    internal Dictionary<int, double> Candidates(Dictionary<string, int> queryCounts, out double queryNorm)
    {
        queryNorm = VectorNorm(queryCounts);
        var scores = new Dictionary<int, double>();
        if (queryNorm == 0) return scores;
        var keys = queryCounts.Keys
            .Where(_postings.ContainsKey)
            .OrderByDescending(Idf).ThenBy(k => k, StringComparer.Ordinal)
            .Take(QueryTermCap).ToList();
        foreach (var key in keys)
        {
            var qw = Weight(key, queryCounts[key]);
            var idf = Idf(key);
            var list = _postings[key];
            int from = Math.Max(0, list.Count - PostingCap);
            for (int i = list.Count - 1; i >= from; i--)
            {
                int id = list[i];
                int tf = _entries[id].TermCounts[key];
                var dw = tf == 1 ? idf : (1 + Math.Log(tf)) * idf;
                scores[id] = scores.GetValueOrDefault(id) + qw * dw;
            }
        }
        int read = 0;
        foreach (var key in keys) read += Math.Min(PostingCap, _postings[key].Count);
        LastLookupCost = (read, scores.Count);
        foreach (var id in scores.Keys.ToList())
        {
            var norm = NormOf(_entries[id]);
            scores[id] = norm == 0 ? 0 : scores[id] / (queryNorm * norm);
        }
        return scores;
    }

    internal double NormOf(int id) => NormOf(_entries[id]);

    /// <summary>The same TF-IDF cosine as <see cref="Candidates"/>, for one given statement (no posting lists read).</summary>
    internal double CosineTo(Dictionary<string, int> queryCounts, int id)
    {
        var e = _entries[id];
        double dot = 0;
        foreach (var (key, qc) in queryCounts)
            if (e.TermCounts.TryGetValue(key, out var tf)) dot += Weight(key, qc) * Weight(key, tf);
        if (dot == 0) return 0;
        var qn = VectorNorm(queryCounts);
        var dn = NormOf(e);
        return qn == 0 || dn == 0 ? 0 : dot / (qn * dn);
    }

    private double NormOf(Entry e)
    {
        // IDF drifts as statements arrive; refresh a stored norm once the collection has grown by a tenth.
        if (_documents > e.NormAt + e.NormAt / 10 + 1)
        {
            e.Norm = VectorNorm(e.TermCounts);
            e.NormAt = _documents;
        }
        return e.Norm;
    }

    internal string MakeLabel(List<Term> terms)
    {
        // The first statement's most salient words, in reading order: good enough for a person to recognise it.
        var top = terms.Select((t, i) => (t, i)).DistinctBy(x => x.t.Key)
            .OrderByDescending(x => Idf(x.t.Key)).ThenBy(x => x.i).Take(6).OrderBy(x => x.i).Select(x => x.t.Surface);
        return string.Join(' ', top);
    }
}
