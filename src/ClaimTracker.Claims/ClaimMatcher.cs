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
    string? Evidence = null)
{
    public static StatementToMatch From(AttributedStatement s, string? articleKey = null) => new(
        s.Id, s.Content, s.Cue, s.Mode, s.Speaker,
        articleKey ?? $"{s.File}#{s.Article}:{s.Headline}", s.Paragraph, s.Evidence);
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
    /// <summary>Minimum score to link to an existing claim.</summary>
    public double LinkThreshold { get; init; } = 0.4;
    /// <summary>A denial always refers to something someone claimed, so it links on weaker evidence.</summary>
    public double DenialLinkThreshold { get; init; } = 0.15;
    /// <summary>Added when the candidate statement comes from the same speaker (same source repeating itself).</summary>
    public double SameSpeakerBonus { get; init; } = 0.2;
    /// <summary>Added when the candidate is in the same article.</summary>
    public double SameArticleBonus { get; init; } = 0.05;
    /// <summary>How many of the best lexical candidates are scored in full (plus the statements of the same article).</summary>
    public int Shortlist { get; init; } = 64;
    /// <summary>One shared word is weak evidence (short contents like "the plan" score high on it): scale it down.</summary>
    public double SingleSharedTermFactor { get; init; } = 0.7;
    /// <summary>Score given to two statements one sentence sets against each other ("X says A but Y says B").</summary>
    public double ContrastScore { get; init; } = 1.0;
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
/// Incremental claim matcher: each statement is compared with the statements already on claims that share its
/// salient terms (via <see cref="ClaimIndex"/>) and with the other statements of its own article, then either
/// joins the best claim above the threshold, with a stance, or opens a new claim. Deterministic: the same
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
        var decision = Decide(statement);
        Index.Add(new ClaimMember(statement.StatementId, decision.ClaimId, decision.Stance, statement.Content,
            statement.Speaker, statement.Article, statement.Paragraph, statement.Evidence, statement.Cue));
        _usedIds.Add(decision.ClaimId);
        return decision;
    }

    /// <summary>Decides without changing the index (a dry run, e.g. to suggest a claim to a fact-checker).</summary>
    public ClaimDecision Decide(StatementToMatch s)
    {
        var terms = ClaimTerms.Extract(s.Content);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in terms) counts[t.Key] = counts.GetValueOrDefault(t.Key) + 1;
        var denial = Stance.DenialCue(s.Cue);
        var negations = ClaimTerms.StatementNegations(s.Content, s.Cue);
        var speaker = ClaimTerms.Normalize(s.Speaker);

        var lexical = Index.Candidates(counts, out _);
        var inArticle = Index.InArticle(s.Article);
        int lastInArticle = inArticle.Count > 0 ? inArticle[^1] : -1;
        // The statement's own article is always looked at: it is small, and contrasts live there.
        // Bonuses add at most SameSpeaker + SameArticle, so only the best cosines can win: score those, plus the article.
        var shortlist = lexical.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(Options.Shortlist).ToList();
        foreach (var id in inArticle) if (!lexical.ContainsKey(id)) shortlist.Add(new(id, 0));

        Candidate? best = null;
        foreach (var (id, cosine) in shortlist)
        {
            var e = Index[id];
            var m = e.Member;
            if (Exclusions.IsExcluded(s.StatementId, m.ClaimId)) continue;
            double score = cosine;
            var reasons = new List<string>();
            bool sameArticle = m.Article == s.Article;
            bool sameSpeaker = speaker.Length > 0 && e.NormalizedSpeaker == speaker;
            if (cosine > 0 && Options.SingleSharedTermFactor < 1 && counts.Keys.Count(e.TermCounts.ContainsKey) == 1)
                score *= Options.SingleSharedTermFactor;
            if (cosine > 0)
            {
                if (sameSpeaker) { score += Options.SameSpeakerBonus; reasons.Add("same speaker"); }
                if (sameArticle) { score += Options.SameArticleBonus; reasons.Add("same article"); }
            }
            string? contrast = null;
            bool rebuttal = false;
            if (sameArticle && !sameSpeaker && s.Evidence is { Length: > 0 } ev && m.Evidence == ev
                && IsNearestInSentence(id, s))
            {
                contrast = Stance.ContrastBetween(ev, m.Content, s.Content);
                if (contrast is not null && Options.ContrastScore > score)
                {
                    score = Options.ContrastScore;
                    reasons.Add($"set against it in one sentence (\"{contrast}\")");
                }
            }
            else if (sameArticle && !sameSpeaker && id == lastInArticle && Math.Abs(s.Paragraph - m.Paragraph) <= 1)
            {
                // "X has always said A. Y says X has in fact done B.": a rebuttal right after, about the previous speaker.
                var marker = Stance.RebuttalMarker(s.Content) ?? Stance.RebuttalMarker(s.Evidence);
                if (marker is not null && MentionsSpeaker(counts, m.Speaker) && Options.ContrastScore > score)
                {
                    contrast = marker;
                    rebuttal = true;
                    score = Options.ContrastScore;
                    reasons.Add($"rebuts the previous speaker (\"{marker}\")");
                }
            }
            var shared = counts.Keys.Where(e.TermCounts.ContainsKey)
                .OrderByDescending(Index.Idf).ThenBy(k => k, StringComparer.Ordinal).ToList();
            var candidate = new Candidate(id, score, shared, reasons, contrast, rebuttal);
            if (best is null || candidate.Score > best.Score
                || (candidate.Score == best.Score && candidate.Id < best.Id)) best = candidate;
        }

        var threshold = denial is not null ? Options.DenialLinkThreshold : Options.LinkThreshold;
        if (best is null || best.Score < threshold)
        {
            var claimId = NextClaimId();
            var label = Index.MakeLabel(terms);
            return new ClaimDecision(s.StatementId, claimId, label, true, Stances.Supports, best?.Score ?? 0,
                null, Array.Empty<string>(), null,
                best is null ? "no statement shares its key terms: new claim"
                    : $"best match {best.Score:0.00} below {threshold:0.00}: new claim");
        }

        var linked = Index[best.Id];
        string? stanceReason = null;
        bool contradicts = false;
        if (denial is not null) { contradicts = true; stanceReason = $"denial cue \"{denial}\""; }
        else if (best.Contrast is not null) { contradicts = true; stanceReason = best.Rebuttal ? $"rebuts the previous speaker (\"{best.Contrast}\")" : $"contrast \"{best.Contrast}\" in the same sentence"; }
        else if (best.Shared.Count >= Options.NegatedRestatementMinSharedTerms && Stance.PolarityDiffers(negations, linked.Negations)
                 && linked.NormalizedSpeaker != speaker)
        {
            contradicts = true;
            stanceReason = negations % 2 == 1 ? "negated restatement" : "restates what the linked statement negates";
        }
        var stance = Stance.Towards(linked.Member.Stance, contradicts);
        var sharedSurface = best.Shared.Take(6).Select(k => linked.Surfaces.GetValueOrDefault(k, k)).ToList();
        var explanation = $"linked to {linked.Member.StatementId} ({linked.Member.Speaker}) with score {best.Score:0.00}"
            + (sharedSurface.Count > 0 ? $"; shared: {ClaimTerms.Join(sharedSurface)}" : "")
            + (best.Reasons.Count > 0 ? $"; {string.Join(", ", best.Reasons)}" : "")
            + $"; {stance}" + (stanceReason is not null ? $" ({stanceReason})" : "");
        return new ClaimDecision(s.StatementId, linked.Member.ClaimId, Index.LabelOf(linked.Member.ClaimId) ?? "",
            false, stance, best.Score, linked.Member.StatementId, sharedSurface, stanceReason, explanation);
    }

    /// <summary>
    /// Among the statements sharing this evidence sentence, is this one the closest to the new statement's content?
    /// A contrast word belongs to the two clauses it stands between, not to every earlier clause of the sentence.
    /// </summary>
    private bool IsNearestInSentence(int candidateId, StatementToMatch s)
    {
        var ev = s.Evidence!;
        int at = ev.IndexOf(s.Content, StringComparison.Ordinal);
        if (at < 0) return false;
        int bestId = -1, bestGap = int.MaxValue;
        foreach (var id in Index.InArticle(s.Article))
        {
            var m = Index[id].Member;
            if (m.Evidence != ev) continue;
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

    private sealed record Candidate(int Id, double Score, List<string> Shared, List<string> Reasons, string? Contrast, bool Rebuttal);
}
