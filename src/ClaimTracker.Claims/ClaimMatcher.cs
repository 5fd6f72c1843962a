using ClaimTracker.Claims.Text;
using ClaimTracker.Extraction;

namespace ClaimTracker.Claims;

/// <summary>A new statement to place on a claim. Article is any key unique per article (e.g. file + ordinal).</summary>
public sealed record StatementToMatch(
    string StatementId,
    string Content,
    string Cue,
    string Mode,
    string Speaker,
    string Article,
    int Paragraph,
    string? Evidence = null,
    string? Affiliation = null)
{
    public static StatementToMatch From(AttributedStatement s, string? articleKey = null) => new(
        s.Id, s.Content, s.Cue, s.Mode, s.Speaker,
        articleKey ?? $"{s.File}#{s.Article}:{s.Headline}", s.Paragraph, s.Evidence, s.Affiliation);
}

/// <summary>
/// Why a statement went where it went: the claim, the stance, the score and the evidence for both,
/// so a fact-checker can confirm or undo it.
/// </summary>
public sealed record ClaimDecision(
    string StatementId,
    string ClaimId,
    string ClaimLabel,
    bool OpensNewClaim,
    string Stance,
    double Score,
    string? LinkedStatementId,
    IReadOnlyList<string> SharedTerms,
    string? StanceReason,
    string Explanation);

/// <summary>Thresholds and weights. Defaults are the ones measured in docs/claims.md.</summary>
public sealed record ClaimMatcherOptions
{
    /// <summary>Minimum claim score to link one statement to an existing claim (<c>Match</c>).</summary>
    public double LinkThreshold { get; init; } = 0.45;
    /// <summary>Minimum average pair score to merge two groups of a pass's new statements (the batch labeler is one pass).</summary>
    public double BatchLinkThreshold { get; init; } = 0.4;
    /// <summary>
    /// Minimum claim score for a pass's group to join an existing claim (<c>MatchAll</c>): the bar a group of the pass
    /// had to clear to form. Lower than <see cref="LinkThreshold"/>: a group's mean over several statements is a
    /// steadier signal than one statement's (seed, a pass per article: 0.471 at 0.40, 0.433 at 0.45; dev 0.500 at both).
    /// </summary>
    public double GroupJoinThreshold { get; init; } = 0.4;
    /// <summary>A denial always refers to something someone claimed, so it links on weaker evidence.</summary>
    public double DenialLinkThreshold { get; init; } = 0.15;
    /// <summary>
    /// The pair score is cosine x (1 + SourceWeight x source similarity): a source repeating itself, or its
    /// organisation or country speaking for it (Medvedev and Russia), needs fewer shared words.
    /// </summary>
    public double SourceWeight { get; init; } = 1.5;
    /// <summary>Added when the candidate statement comes from exactly the same speaker (0: the source factor covers it).</summary>
    public double SameSpeakerBonus { get; init; } = 0;
    /// <summary>Added when the candidate is in the same article.</summary>
    public double SameArticleBonus { get; init; } = 0.05;
    /// <summary>
    /// Score against an existing claim: this share of the best pair's score plus the rest of the average over all
    /// pairs with the claim's statements (for one statement, or for a pass's group). Pure single link (1.0) chains different claims through one broad statement.
    /// </summary>
    public double ClaimBestShare { get; init; } = 0.5;
    /// <summary>The statements of the same article looked at besides the lexical candidates: those at most this many
    /// places away in reading order (all of them in any real story).</summary>
    public int ArticleWindow { get; init; } = 200;

    /// <summary>How many of the best lexical candidates are scored in full (plus the statements of the same article).</summary>
    public int Shortlist { get; init; } = 64;
    /// <summary>One shared word is weak evidence (short contents like "the plan" score high on it): scale it down.</summary>
    public double SingleSharedTermFactor { get; init; } = 0.7;
    /// <summary>Score given to two statements one sentence sets against each other ("X says A but Y says B").</summary>
    public double ContrastScore { get; init; } = 1.0;
    /// <summary>
    /// Two statements that both state figures but share none report different facts (a ministry's exports and its
    /// trade surplus in one story; the guidelines keep even conflicting figures apart): their pair score is scaled by
    /// this, and a "but" between them is not a contrast link. 1 turns the rule off. On our 1987 sample, seed and dev
    /// no pair so scaled was a same-claim pair (docs/claims.md).
    /// </summary>
    public double FigureMismatchFactor { get; init; } = 0.3;
    /// <summary>
    /// Two statements of different articles whose unrelated sources (source similarity at most
    /// <see cref="SelfReportMaxSourceSimilarity"/>) each speak of themselves ("it filed a reorganization plan" from two
    /// companies) are wire boilerplate, not one claim: their pair score is scaled by this (1: off).
    /// </summary>
    public double SelfReportFactor { get; init; } = 0.5;
    /// <summary>Up to this source similarity two self-reports count as coming from unrelated sources.</summary>
    public double SelfReportMaxSourceSimilarity { get; init; } = 0.3;
    /// <summary>
    /// A contrast link makes a dispute only between assertions: when either side reports an act (an offer, a
    /// demand, an announcement, a plan: "Obama ruled out troops but Saudi Arabia offered troops"), there is no
    /// proposition for the other to contradict, and the link supports (false: every contrast disputes).
    /// </summary>
    public bool ContrastDisputesAssertionsOnly { get; init; } = true;
    /// <summary>Shared terms needed before a polarity difference counts as a negated restatement.</summary>
    public int NegatedRestatementMinSharedTerms { get; init; } = 2;
}

/// <summary>
/// Pairs (statement, claim) a person has unlinked: the matcher never puts that statement on that claim again.
/// </summary>
public sealed class ClaimExclusions
{
    private readonly HashSet<(string, string)> _pairs = new();
    public void Exclude(string statementId, string claimId) => _pairs.Add((statementId, claimId));
    public bool IsExcluded(string statementId, string claimId) => _pairs.Contains((statementId, claimId));
    public int Count => _pairs.Count;
}

/// <summary>
/// Claim matcher: a statement is compared with the statements already on claims that share its salient terms (via
/// <see cref="ClaimIndex"/>) and with the other statements of its own article, then either joins the best claim
/// above the threshold, with a stance, or opens a new claim. <see cref="MatchAll"/> places several statements
/// together (the server's passes, the batch labeler); <see cref="Match"/> one at a time. Deterministic: the same
/// statements in the same order give the same claims.
/// </summary>
public sealed class ClaimMatcher
{
    private readonly Func<int, string> _newClaimId;
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
    private int _nextId;

    public ClaimMatcher(ClaimIndex? index = null, ClaimMatcherOptions? options = null, ClaimExclusions? exclusions = null,
        Func<int, string>? newClaimId = null)
    {
        Index = index ?? new ClaimIndex();
        Options = options ?? new ClaimMatcherOptions();
        Exclusions = exclusions ?? new ClaimExclusions();
        _newClaimId = newClaimId ?? (n => $"c{n}");
        _nextId = Index.ClaimCount + 1;
    }

    public ClaimIndex Index { get; }
    public ClaimMatcherOptions Options { get; }
    public ClaimExclusions Exclusions { get; }

    /// <summary>Decides and records: the statement is added to the index on its claim.</summary>
    public ClaimDecision Match(StatementToMatch statement)
    {
        var q = Query.Of(statement);
        var decision = Decide(q);
        Index.Add(new ClaimMember(statement.StatementId, decision.ClaimId, decision.Stance, statement.Content,
            statement.Speaker, statement.Article, statement.Paragraph, statement.Evidence, statement.Cue, statement.Affiliation), q.Signals);
        _usedIds.Add(decision.ClaimId);
        return decision;
    }

    /// <summary>Decides without changing the index (a dry run, e.g. to suggest a claim to a fact-checker).</summary>
    public ClaimDecision Decide(StatementToMatch s) => Decide(Query.Of(s));

    private ClaimDecision Decide(Query q)
    {
        var s = q.Statement;
        var inArticle = Index.InArticle(s.Article);
        var candidates = ScoreCandidates(q, _ => true, inArticle.Count > 0 ? inArticle[^1] : -1);

        // Claim score: part best statement, part average over the claim, so one broad statement does not pull a
        // new one onto a claim whose other statements say something else.
        Candidate? best = null;
        double bestScore = 0;
        foreach (var claim in candidates.Where(c => !Exclusions.IsExcluded(s.StatementId, Index[c.Id].Member.ClaimId))
                     .GroupBy(c => Index[c.Id].Member.ClaimId, StringComparer.Ordinal))
        {
            var top = claim.OrderByDescending(c => c.Score).ThenBy(c => c.Id).First();
            var size = Math.Max(1, Index.ClaimSize(claim.Key));
            // A contrast link or a denial names what it answers: its best statement decides alone.
            var score = top.Contrast is not null || q.Denial is not null ? top.Score
                : Options.ClaimBestShare * top.Score + (1 - Options.ClaimBestShare) * claim.Sum(c => c.Score) / size;
            if (best is null || score > bestScore || (score == bestScore && top.Id < best.Id)) { best = top; bestScore = score; }
        }

        var threshold = q.Denial is not null ? Options.DenialLinkThreshold : Options.LinkThreshold;
        if (best is null || bestScore < threshold)
        {
            var claimId = NextClaimId();
            var label = Index.MakeLabel(q.Terms);
            return new ClaimDecision(s.StatementId, claimId, label, true, Stances.Supports, best is null ? 0 : Math.Min(1, bestScore),
                null, Array.Empty<string>(), null,
                best is null ? "no statement shares its key terms: new claim"
                    : $"best match {bestScore:0.00} below {threshold:0.00}: new claim");
        }
        var linked = Index[best.Id];
        return Linked(q, best with { Score = bestScore }, linked.Member.ClaimId, Index.LabelOf(linked.Member.ClaimId) ?? "", linked.Member.Stance);
    }

    /// <summary>Pairs scoring less are not kept for clustering: they cannot lift an average to the threshold.</summary>
    private const double MinPairScore = 0.1;

    /// <summary>Claim id a statement of a pass sits on until the pass has placed it (never stored, never shown).</summary>
    private const string Pending = "\u0001pending:";

    /// <summary>
    /// Places several new statements together (one pass of the server, or a whole run of <c>extract</c>) and records
    /// them: average-link clustering of the new statements among themselves, then each group joins the existing claim
    /// it scores best with (the incremental rule, for a group) or opens a new claim. A statement that arrives with
    /// others is judged against them too, not only against what came before it; on an empty index this is the batch
    /// clustering. Existing claims are never merged with each other (that is a person's decision) and a statement
    /// never goes back onto a claim a person unlinked it from. Returns one decision per statement, in the order
    /// given; a new claim is opened by its first statement.
    /// </summary>
    public IReadOnlyList<ClaimDecision> MatchAll(IReadOnlyList<StatementToMatch> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        int n = statements.Count;
        if (n == 0) return [];
        int offset = Index.StatementCount;
        var queries = new Query[n];
        var previous = new int[n];   // the statement read just before, in its article (the last one indexed there)
        for (int i = 0; i < n; i++)
        {
            var st = statements[i];
            queries[i] = Query.Of(st);
            var inArticle = Index.InArticle(st.Article);
            previous[i] = inArticle.Count > 0 ? inArticle[^1] : -1;
            // Indexed first, each on a provisional claim of its own, so the pass's statements meet each other and
            // the first of them is weighed (IDF) like the last.
            Index.Add(new ClaimMember(st.StatementId, Pending + (offset + i), Stances.Supports, st.Content, st.Speaker,
                st.Article, st.Paragraph, st.Evidence, st.Cue, st.Affiliation), queries[i].Signals);
        }
        Index.RefreshNorms(from: offset);   // the pass's own norms, with the IDF that now counts all of them

        // Pair scores (each pair of new statements once, the higher of its two directions; a new statement and one
        // already on a claim from the new side) and the links that must hold (a contrast, a denial: they name their target).
        var pairs = new Dictionary<(int, int), float>();
        var forced = new Candidate?[n];
        for (int i = 0; i < n; i++)
        {
            int self = offset + i;
            var sid = statements[i].StatementId;
            Candidate? best = null;
            foreach (var c in ScoreCandidates(queries[i], id => id != self && (id >= offset || !Exclusions.IsExcluded(sid, Index[id].Member.ClaimId)), previous[i], self: self))
            {
                // Contrast and rebuttal look back in reading order only, as when statements arrive one by one.
                if (c.Contrast is not null && c.Id > self) continue;
                var key = (Math.Min(self, c.Id), Math.Max(self, c.Id));
                if (c.Score >= MinPairScore && (!pairs.TryGetValue(key, out var known) || c.Score > known)) pairs[key] = (float)c.Score;
                if (c.Id > self) continue;
                if (best is null || c.Score > best.Score || (c.Score == best.Score && c.Id < best.Id)) best = c;
                if (c.Contrast is not null && (forced[i] is null || c.Score > forced[i]!.Score)) forced[i] = c;
            }
            if (forced[i] is null && queries[i].Denial is not null && best is not null && best.Score >= Options.DenialLinkThreshold)
                forced[i] = best;
        }

        // 1. The new statements among themselves: average link (a forced statement follows its target instead).
        var group = AverageLinkClustering.Cluster(n, pairs
            .Where(kv => kv.Key.Item1 >= offset && forced[kv.Key.Item1 - offset] is null && forced[kv.Key.Item2 - offset] is null)
            .Select(kv => (kv.Key.Item1 - offset, kv.Key.Item2 - offset, (double)kv.Value)), Options.BatchLinkThreshold);

        // 2. Each group joins the existing claim it scores best with, if any reaches the link threshold: part its
        // best pair, part the mean over all its pairs with the claim's statements (missing pairs count 0), so one
        // broad statement does not pull a group onto a claim whose other statements say something else.
        // Existing claims are never merged with each other here: that is a person's decision.
        var groupSize = new Dictionary<int, int>();
        for (int i = 0; i < n; i++) if (forced[i] is null) groupSize[group[i]] = groupSize.GetValueOrDefault(group[i]) + 1;
        var toClaim = new Dictionary<(int Group, string Claim), (double Sum, double Max, int FirstId)>();
        foreach (var ((a, b), score) in pairs)
        {
            if (a >= offset || forced[b - offset] is not null) continue;
            var key = (group[b - offset], Index[a].Member.ClaimId);
            var known = toClaim.GetValueOrDefault(key, (0, 0, int.MaxValue));
            toClaim[key] = (known.Sum + score, Math.Max(known.Max, score), Math.Min(known.FirstId, a));
        }
        pairs.Clear();
        var claimOfGroup = new Dictionary<int, string>();
        var membersOfGroup = Exclusions.Count == 0 ? null
            : Enumerable.Range(0, n).Where(i => forced[i] is null).ToLookup(i => group[i]);
        foreach (var byGroup in toClaim.GroupBy(kv => kv.Key.Group).OrderBy(x => x.Key))
        {
            string? bestClaim = null;
            double bestScore = 0;
            int bestFirst = int.MaxValue;
            foreach (var ((g, claim), (sum, max, first)) in byGroup)
            {
                var mean = sum / ((double)groupSize[g] * Math.Max(1, Index.ClaimSize(claim)));
                var score = Options.ClaimBestShare * max + (1 - Options.ClaimBestShare) * mean;
                if (score < Options.GroupJoinThreshold || (score == bestScore && first > bestFirst) || score < bestScore) continue;
                if (membersOfGroup is not null && membersOfGroup[g].Any(i => Exclusions.IsExcluded(statements[i].StatementId, claim))) continue;
                (bestClaim, bestScore, bestFirst) = (claim, score, first);
            }
            if (bestClaim is not null) claimOfGroup[byGroup.Key] = bestClaim;
        }
        // 3. A forced statement goes where its target went (targets come earlier in reading order: already resolved).
        var forcedClaim = new string?[n];
        for (int i = 0; i < n; i++)
        {
            if (forced[i] is not { } f) continue;
            if (f.Id < offset) forcedClaim[i] = Index[f.Id].Member.ClaimId;
            else if (forcedClaim[f.Id - offset] is { } viaTarget) forcedClaim[i] = viaTarget;
            else group[i] = group[f.Id - offset];
        }
        var decisions = new ClaimDecision[n];
        for (int i = 0; i < n; i++)
        {
            var q = queries[i];
            int self = offset + i;
            var sid = q.Statement.StatementId;
            int g = group[i];
            var onClaim = forcedClaim[i] ?? claimOfGroup.GetValueOrDefault(g);
            if (onClaim is not null && Exclusions.IsExcluded(sid, onClaim))
            {
                // Reached through another statement's forced link: a person took this one off that claim.
                g = n + i;
                onClaim = null;
            }
            if (onClaim is null)
            {
                var claimId = NextClaimId();
                var label = Index.MakeLabel(q.Terms);
                claimOfGroup[g] = claimId;
                _usedIds.Add(claimId);
                Index.Place(self, claimId, Stances.Supports, label);
                decisions[i] = new ClaimDecision(sid, claimId, label, true, Stances.Supports, 1.0, null, Array.Empty<string>(),
                    null, "first statement of the claim in reading order");
                continue;
            }
            var claimLabel = Index.LabelOf(onClaim) ?? "";
            // Stance along the strongest link to a statement already on the claim (or the forced one).
            Candidate? link = forced[i] is { } fl && Index[fl.Id].Member.ClaimId == onClaim ? fl : null;
            string? via = null;
            if (link is null)
            {
                var earlier = Index.MembersOf(onClaim).Where(id => id != self).ToList();
                var earlierIds = earlier.ToHashSet();
                foreach (var e in ScoreCandidates(q, earlierIds.Contains, previous[i], earlier, self))
                    if (e.Contrast is null && (link is null || e.Score > link.Score || (e.Score == link.Score && e.Id < link.Id)))
                        link = e;
                via = "average link";
                if (link is null)
                {
                    // Joined through statements placed after it only: name the claim's first statement.
                    link = new Candidate(earlier[0], 0, [], [], null, false);
                    via = "average link through later statements";
                }
            }
            var d = Linked(q, link, onClaim, claimLabel, Index[link.Id].Member.Stance, via);
            Index.Place(self, onClaim, d.Stance, claimLabel);
            decisions[i] = d;
        }
        return decisions;
    }

    /// <summary>What the matcher needs of a new statement, computed once.</summary>
    internal sealed record Query(StatementToMatch Statement, StatementSignals Signals, Dictionary<string, int> Counts)
    {
        public List<Term> Terms => Signals.Terms;
        public string? Denial => Signals.Denial;
        public int Negations => Signals.Negations;
        public string Speaker => Signals.NormalizedSpeaker;
        public HashSet<string> Source => Signals.SourceTerms;
        public string[] Figures => Signals.Figures;
        public bool SelfReport => Signals.SelfReport;

        public static Query Of(StatementToMatch s)
        {
            var signals = StatementSignals.Of(s.Content, s.Cue, s.Speaker, s.Affiliation);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in signals.Terms) counts[t.Key] = counts.GetValueOrDefault(t.Key) + 1;
            return new Query(s, signals, counts);
        }
    }

    /// <summary>
    /// Scores the statement against its lexical candidates and the statements of its own article that
    /// <paramref name="eligible"/> admits: the pair score (shared by the incremental and the batch paths) and the
    /// contrast/rebuttal links. <paramref name="previousInArticle"/> is the statement read just before it, if any.
    /// </summary>
    internal List<Candidate> ScoreCandidates(Query q, Func<int, bool> eligible, int previousInArticle,
        IEnumerable<int>? only = null, int self = -1)
    {
        var s = q.Statement;
        List<KeyValuePair<int, double>> shortlist;
        if (only is not null)
        {
            // Given statements (e.g. the earlier members of a claim, to explain a link): exact cosines, no lookup.
            shortlist = only.Where(eligible).Select(id => new KeyValuePair<int, double>(id, Index.CosineTo(q.Counts, id))).ToList();
        }
        else
        {
            var lexical = Index.Candidates(q.Counts, out _);
            // The statement's own article is always looked at: it is small, and contrasts live there.
            // Only the best cosines can win once the factors are applied: score those, plus the article.
            shortlist = lexical.Where(kv => eligible(kv.Key))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(Options.Shortlist).ToList();
            foreach (var id in Index.InArticleNear(s.Article, self, Options.ArticleWindow))
                if (eligible(id) && !lexical.ContainsKey(id)) shortlist.Add(new(id, 0));
        }

        var result = new List<Candidate>(shortlist.Count);
        foreach (var (id, cosine) in shortlist)
        {
            var e = Index[id];
            var m = e.Member;
            if (m.StatementId == s.StatementId) continue;
            var reasons = new List<string>();
            bool sameArticle = m.Article == s.Article;
            bool sameSpeaker = q.Speaker.Length > 0 && e.NormalizedSpeaker == q.Speaker;
            var sharedCount = cosine > 0 ? q.Counts.Keys.Count(e.TermCounts.ContainsKey) : 0;
            var source = cosine > 0 ? Index.SourceSimilarity(q.Source, e.SourceTerms) : 0;
            double score = PairScore(cosine, sharedCount, source, sameSpeaker, sameArticle);
            if (score > 0 && !sameArticle && Options.SelfReportFactor < 1 && q.SelfReport && e.SelfReport
                && source <= Options.SelfReportMaxSourceSimilarity)
            {
                score *= Options.SelfReportFactor;
                reasons.Add("each source speaks of itself");
            }
            bool otherFigures = Options.FigureMismatchFactor < 1 && DifferentFigures(q.Figures, e.Figures);
            if (otherFigures && score > 0)
            {
                score *= Options.FigureMismatchFactor;
                reasons.Add("different figures");
            }
            if (score > 0)
            {
                if (sameSpeaker) reasons.Add("same speaker");
                else if (source > 0 && Options.SourceWeight > 0) reasons.Add($"related source ({source:0.00})");
                if (sameArticle) reasons.Add("same article");
            }
            string? contrast = null;
            bool rebuttal = false;
            if (sameArticle && !sameSpeaker && s.Evidence is { Length: > 0 } ev && m.Evidence == ev
                && IsNearestInSentence(id, s, self, eligible))
            {
                // Conflicting figures are two reports, not a dispute (guidelines): "USDA confirmed one mln tonnes, but
                // analysts said 1.5 mln".
                contrast = otherFigures ? null : Stance.ContrastBetween(ev, m.Content, s.Content);
                if (contrast is not null && Options.ContrastScore > score)
                {
                    score = Options.ContrastScore;
                    reasons.Add($"set against it in one sentence (\"{contrast}\")");
                }
            }
            else if (sameArticle && !sameSpeaker && id == previousInArticle && Math.Abs(s.Paragraph - m.Paragraph) <= 1)
            {
                // "X has always said A. Y says X has in fact done B.": a rebuttal right after, about the previous speaker.
                var marker = Stance.RebuttalMarker(s.Content) ?? Stance.RebuttalMarker(s.Evidence);
                if (marker is not null && MentionsSpeaker(q.Counts, m.Speaker) && Options.ContrastScore > score)
                {
                    contrast = marker;
                    rebuttal = true;
                    score = Options.ContrastScore;
                    reasons.Add($"rebuts the previous speaker (\"{marker}\")");
                }
            }
            if (score <= 0) continue;
            var shared = q.Counts.Keys.Where(e.TermCounts.ContainsKey)
                .OrderByDescending(Index.Idf).ThenBy(k => k, StringComparer.Ordinal).ToList();
            result.Add(new Candidate(id, score, shared, reasons, contrast, rebuttal));
        }
        return result;
    }

    /// <summary>
    /// The similarity of two statements: TF-IDF cosine of their contents (damped when only one word is shared),
    /// raised by how far they come from one source, plus small bonuses. Zero without a shared content word.
    /// </summary>
    internal double PairScore(double cosine, int sharedTerms, double sourceSimilarity, bool sameSpeaker, bool sameArticle)
    {
        if (cosine <= 0) return 0;
        var score = sharedTerms == 1 ? cosine * Options.SingleSharedTermFactor : cosine;
        score *= 1 + Options.SourceWeight * sourceSimilarity;
        if (sameSpeaker) score += Options.SameSpeakerBonus;
        if (sameArticle) score += Options.SameArticleBonus;
        return score;
    }

    /// <summary>
    /// The decision for a statement linked to a claim through one statement already on it: stance by the rules
    /// of <see cref="Stance"/> (denial cue, contrast/rebuttal, negated restatement), relative to that statement's.
    /// </summary>
    internal ClaimDecision Linked(Query q, Candidate link, string claimId, string claimLabel, string linkedStance,
        string? extraReason = null)
    {
        var s = q.Statement;
        var linked = Index[link.Id];
        string? stanceReason = null;
        bool contradicts = false;
        if (q.Denial is not null) { contradicts = true; stanceReason = $"denial cue \"{q.Denial}\""; }
        else if (link.Contrast is not null && Options.ContrastDisputesAssertionsOnly && (Stance.ReportsAnAct(s.Cue) || Stance.ReportsAnAct(linked.Member.Cue)))
            extraReason = (extraReason is null ? "" : extraReason + ", ") + "no dispute: an act, not an assertion, on one side";
        else if (link.Contrast is not null) { contradicts = true; stanceReason = link.Rebuttal ? $"rebuts the previous speaker (\"{link.Contrast}\")" : $"contrast \"{link.Contrast}\" in the same sentence"; }
        else if (link.Shared.Count >= Options.NegatedRestatementMinSharedTerms && Stance.PolarityDiffers(q.Negations, linked.Negations)
                 && linked.NormalizedSpeaker != q.Speaker)
        {
            contradicts = true;
            stanceReason = q.Negations % 2 == 1 ? "negated restatement" : "restates what the linked statement negates";
        }
        var stance = Stance.Towards(linkedStance, contradicts);
        var sharedSurface = link.Shared.Take(6).Select(k => linked.Surfaces.GetValueOrDefault(k, k)).ToList();
        var reasons = extraReason is null ? link.Reasons : link.Reasons.Append(extraReason).ToList();
        // Who said what it was matched with, in words a reviewer reads; the statement id last, for tracing it.
        var explanation = $"matched with {linked.Member.Speaker}: \"{Snippet(linked.Member.Content)}\" [{linked.Member.StatementId}], score {link.Score:0.00}"
            + (sharedSurface.Count > 0 ? $"; shared: {ClaimTerms.Join(sharedSurface)}" : "")
            + (reasons.Count > 0 ? $"; {string.Join(", ", reasons)}" : "")
            + $"; {stance}" + (stanceReason is not null ? $" ({stanceReason})" : "");
        // Reported on a 0..1 scale (the source factor can lift a pair score above 1).
        return new ClaimDecision(s.StatementId, claimId, claimLabel, false, stance, Math.Min(1, link.Score), linked.Member.StatementId,
            sharedSurface, stanceReason, explanation);
    }

    /// <summary>Both state figures and share none (sorted arrays): they report different facts.</summary>
    internal static bool DifferentFigures(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            int c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0) return false;
            if (c < 0) i++; else j++;
        }
        return true;
    }

    /// <summary>The first words of a statement's content, for an explanation.</summary>
    internal static string Snippet(string content, int words = 10)
    {
        var parts = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= words ? string.Join(' ', parts) : string.Join(' ', parts.Take(words)) + " …";
    }

    /// <summary>
    /// Among the statements sharing this evidence sentence, is this one the closest to the new statement's content?
    /// A contrast word belongs to the two clauses it stands between, not to every earlier clause of the sentence.
    /// </summary>
    private bool IsNearestInSentence(int candidateId, StatementToMatch s, int self, Func<int, bool> eligible)
    {
        var ev = s.Evidence!;
        int at = ev.IndexOf(s.Content, StringComparison.Ordinal);
        if (at < 0) return false;
        int bestId = -1, bestGap = int.MaxValue;
        foreach (var id in Index.InArticleNear(s.Article, self, Options.ArticleWindow))
        {
            if (!eligible(id)) continue;
            var m = Index[id].Member;
            if (m.Evidence != ev || m.StatementId == s.StatementId) continue;
            int pos = ev.IndexOf(m.Content, StringComparison.Ordinal);
            if (pos < 0 || pos == at) continue;
            int gap = pos < at ? at - (pos + m.Content.Length) : pos - (at + s.Content.Length);
            if (gap >= 0 && gap < bestGap) { bestGap = gap; bestId = id; }
        }
        return bestId == candidateId;
    }

    /// <summary>Does the statement's content name the other speaker (country keys fold Moscow/Kremlin into Russia)?</summary>
    private static bool MentionsSpeaker(Dictionary<string, int> contentTerms, string otherSpeaker)
    {
        var speakerTerms = ClaimTerms.Extract(otherSpeaker);
        return speakerTerms.Count > 0 && speakerTerms.Any(t => contentTerms.ContainsKey(t.Key));
    }

    private string NextClaimId()
    {
        string id;
        do { id = _newClaimId(_nextId++); } while (_usedIds.Contains(id) || Index.LabelOf(id) is not null);
        return id;
    }

    internal sealed record Candidate(int Id, double Score, List<string> Shared, List<string> Reasons, string? Contrast, bool Rebuttal);
}
