using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Extraction;

/// <summary>
/// Finds the attributed statements of an article with general rules: a reporting-verb lexicon, speaker phrase
/// grammar (subject + cue, inversion "said X", "according to X", "X told Reuters", "quoted X as saying",
/// relative clauses, participles), continuation quotes, and reader-style speaker resolution.
/// Never throws on text: whatever goes wrong in one sentence loses only that sentence.
/// </summary>
public static class Extractor
{
    /// <summary>Set CLAIMTRACKER_EXTRACT_DEBUG=1 to let rule bugs surface as exceptions (development only).</summary>
    internal static readonly bool Debug = Environment.GetEnvironmentVariable("CLAIMTRACKER_EXTRACT_DEBUG") == "1";

    public static List<AttributedStatement> Extract(Article article, string? file = null)
    {
        var result = new List<AttributedStatement>();
        try { new ArticleRun(article, file).Run(result); }
        catch (Exception e) when (!Debug) { _ = e; /* defensive: a bug must never take down a batch */ }
        return result;
    }
}

internal sealed class Draft
{
    public int Paragraph;
    public int CueS, CueE;
    public string Cue = "";
    public int ContentS, ContentE;
    public string Mode = StatementMode.Indirect;
    public int SpkS, SpkE;
    public string SpeakerText = "";
    public Entity Speaker = null!;
    public string? Medium;
    public string? Via;
    public int EvidS, EvidE;
    public bool Inherited;
    public string Lemma = "";
    /// <summary>A denial of "it"/"the charges" whose content is the accusation it answers: same span, kept apart in dedup.</summary>
    public bool SharesContent;
}

internal sealed class ArticleRun
{
    readonly Article _a;
    readonly string _t;
    readonly string? _file;
    readonly Speakers _spk;
    readonly List<Draft> _drafts = [];
    Draft? _governing;          // the last attribution, for continuation quotes
    int _governingPara;
    Draft? _pendingColon;       // "he said:" at a paragraph end: the quote follows in the next paragraph

    List<Tok> _toks = [];
    int[] _close = [];
    bool[] _in = [];
    int _sa, _sb;               // current sentence token range
    int _para;

    public ArticleRun(Article a, string? file)
    {
        _a = a;
        _t = a.Text;
        _file = file;
        _spk = a.Paragraphs.Count > 0 ? new Speakers(a.Text, a.Paragraphs[0].Start, a.Paragraphs[^1].End) : new Speakers(a.Text);
        _spk.HeadlineCompany = Speakers.CompanyBeforeTicker(a.Headline);
        _spk.Headline = a.Headline;
        foreach (var place in a.DatelinePlaces)
            if (Gazetteer.Countries.Default.TryAny(place, out var c) || Gazetteer.Countries.Default.TryName(place, out c)) _spk.DatelineCountry ??= c;
    }

    public void Run(List<AttributedStatement> output)
    {
        var paras = new List<(Paragraph P, List<Tok> Toks)>();
        foreach (var p in _a.Paragraphs)
        {
            var toks = new List<Tok>();
            Tokenizer.Tokenize(_t, p.BodyStart, p.End, toks);
            paras.Add((p, toks));
            var close = new int[toks.Count];
            var ins = new bool[toks.Count];
            Tokenizer.Quotes(toks, close, ins);
            if (!p.IsSubhead) _spk.Scan(toks, ins);
        }
        _spk.FinishScan();
        _spk.MainCountry = MainCountry(paras);
        var sentences = new List<(int, int)>();
        foreach (var (p, toks) in paras)
        {
            if (p.IsSubhead || toks.Count == 0) { if (p.IsSubhead) _governing = null; continue; }
            _toks = toks;
            _close = new int[toks.Count];
            _in = new bool[toks.Count];
            Tokenizer.Quotes(toks, _close, _in);
            Tokenizer.Sentences(_t, toks, _in, sentences);
            _para = p.Number;
            foreach (var (from, to) in sentences)
            {
                _sa = from;
                _sb = to;
                _spk.Position = toks[from].S;
                _spk.SentenceCountry = SoleCountry(toks, from, to);
                try { Sentence(); }
                catch (Exception) when (!Extractor.Debug) { /* skip a sentence the rules cannot handle */ }
            }
        }
        Finish(output);
    }

    string? SoleCountry(List<Tok> toks, int from, int to)
    {
        string? only = null;
        var g = Gazetteer.Countries.Default;
        for (int i = from; i < to; i++)
        {
            if (toks[i].Kind != TokKind.Word || !char.IsUpper(_t[toks[i].S])) continue;
            var w = Speakers.StripPossessive(_t[toks[i].S..toks[i].E]);
            if (!(g.TryAny(w, out var c) || i + 1 < to && g.TryName(w + " " + Speakers.StripPossessive(_t[toks[i + 1].S..toks[i + 1].E]), out c))) continue;
            if (only is not null && only != c) return null;
            only = c;
        }
        return only;
    }

    string? MainCountry(List<(Paragraph P, List<Tok> Toks)> paras)
    {
        var counts = new Dictionary<string, int>();
        var g = Gazetteer.Countries.Default;
        foreach (var (_, toks) in paras)
            for (int i = 0; i < toks.Count; i++)
            {
                if (toks[i].Kind != TokKind.Word || !char.IsUpper(_t[toks[i].S])) continue;
                var w = Speakers.StripPossessive(_t[toks[i].S..toks[i].E]);
                if (g.TryAny(w, out var c) || i + 1 < toks.Count && g.TryName(w + " " + Speakers.StripPossessive(_t[toks[i + 1].S..toks[i + 1].E]), out c))
                    counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        return counts.Count == 0 ? null : counts.MaxBy(kv => kv.Value).Key;
    }

    // ------------------------------------------------------------------ helpers

    ReadOnlySpan<char> W(int i) => (uint)i < (uint)_toks.Count ? _t.AsSpan(_toks[i].S, _toks[i].E - _toks[i].S) : default;
    bool IsWord(int i) => i >= _sa && i < _sb && _toks[i].Kind == TokKind.Word;
    bool Is(int i, string w) => IsWord(i) && W(i).Equals(w, StringComparison.OrdinalIgnoreCase);
    bool IsK(int i, TokKind k) => i >= _sa && i < _sb && _toks[i].Kind == k;
    bool Cap(int i) => IsWord(i) && char.IsUpper(_t[_toks[i].S]);
    bool In(int i, WordSet set) => IsWord(i) && set.Contains(W(i));
    // auxiliaries and adverbs inside a verb group are lower-case: "Pan Am said" has no auxiliary "am"
    // (1987 copy capitalises the word after "U.S.": "The U.S. Has said" still has one)
    bool InLower(int i, WordSet set) => In(i, set) && (!char.IsUpper(_t[_toks[i].S]) || i > _sa && _t[_toks[i - 1].E - 1] == '.');
    string Text(int from, int to) => from < to ? _t[_toks[from].S.._toks[to - 1].E] : "";
    bool EndsPossessive(int i) => IsWord(i) && (W(i).EndsWith("’s") || W(i).EndsWith("'s") || W(i).EndsWith("s’"));

    static bool IsMonthWord(ReadOnlySpan<char> w)
    {
        foreach (var m in new[] { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" })
            if (w.Equals(m, StringComparison.Ordinal)) return true;
        return false;
    }

    static bool IsTimeWord(ReadOnlySpan<char> w) =>
        Lexicon.Weekdays.Contains(w) || w.Equals("today", StringComparison.OrdinalIgnoreCase) || w.Equals("yesterday", StringComparison.OrdinalIgnoreCase)
        || w.Equals("tonight", StringComparison.OrdinalIgnoreCase);

    // ------------------------------------------------------------------ per sentence

    sealed class Site
    {
        public int Cue;                // index of the cue verb
        public int CueFirst;           // first token of the cue group (auxiliaries, adverbs)
        public int CueLast;            // last token of the cue group (particles: "out", "on", "for", recipient)
        public Cue Info;
        public int SubjS = -1, SubjE = -1;   // speaker phrase tokens
        public int RegionStart;        // where this attribution's clause starts (cuts earlier content)
        public string Kind = "";       // forward, trailing, inversion, participle, relative, according, quoted, shared
        public string? Medium;
        public string? Via;
        public int AntS = -1, AntE = -1;     // antecedent of who/which
        public string? Apposition;
        public bool Valid = true;
        public int PhraseEnd = -1;     // token after a multi-word cue ("summed up", "raised the specter of")
        public int ContentEnd = -1;    // "reduced": end of the gapped noun phrase (its content)
        public int ContentStart = -1;  // "reduced" passives: where the content starts (else RegionStart)
        public string? CueText;        // a discontinuous cue as the guidelines write it ("was described by ... as")
        public bool AnswersAccusation; // a relative denial kept only because it may answer the accusation before it
        public bool Refusal;            // "did not say when ...": governs what follows but reports nothing
        public bool PronounAfterObject; // "X introduced a tax package he said ...": the pronoun's subject phrase was cut from its object
        public bool AfterWhile;         // "... while calling for ...": a participle that a trailing attribution still governs
    }

    void Sentence()
    {
        var sites = new List<Site>();
        for (int i = _sa; i < _sb; i++)
        {
            if (_toks[i].Kind != TokKind.Word || _in[i]) continue;
            var w = W(i);
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && Is(i + 1, "to"))
            {
                if (Is(i - 1, "said") || Is(i - 1, "says")) continue;
                sites.Add(new Site { Cue = i, CueFirst = i, CueLast = i + 1, Kind = "according", Info = new Cue(CueKind.Say, "according", false, false) });
                continue;
            }
            if (ReducedAccusation(i) is { } reduced) { sites.Add(reduced); continue; }
            if (!Lexicon.Lookup.TryGetValue(w, out var cue)) continue;
            // a capitalised cue word inside a sentence is part of a name ("the Good Hope Refinery", "Says Corp");
            // 1987 copy capitalises the word after "U.S." ("the U.S. Said"), which stays a cue
            if (char.IsUpper(w[0]) && i > _sa && _toks[i - 1].Kind == TokKind.Word && _t[_toks[i - 1].E - 1] != '.') continue;
            var s = Analyse(i, cue);
            if (s is not null)
            {
                s.Refusal = IsRefusal(i, cue);
                sites.Add(s);
            }
        }

        if (sites.Count == 0)
        {
            Continuation();
            NoteNarrationSubject();
            return;
        }
        sites.Sort((x, y) => x.Cue.CompareTo(y.Cue));
        // Drop sites nested in the complement of an earlier forward site without a clause boundary.
        for (int k = 1; k < sites.Count; k++)
        {
            var s = sites[k];
            // "a campaign that it says must be accelerated": an attribution inside a relative clause, whose
            // complement has its subject gapped, is its own statement and ends the content before it
            if (s.Kind == "forward" && (Is(s.RegionStart - 1, "that") || Is(s.RegionStart - 1, "which")) && IsGappedVerb(s.Cue + 1))
            {
                s.RegionStart--;
                continue;
            }
            if (s.Kind is "forward" or "relative" or "reduced" && (!BoundaryBefore(s.RegionStart) || s.Kind == "forward" && IntegratedSubordinate(s.RegionStart)
                    // "... and not 25.5 mln dlrs as it announced yesterday": a comparative clause with nothing after its cue
                    // is part of the complement it compares with
                    || s.Kind == "forward" && (Is(s.RegionStart - 1, "as") || Is(s.RegionStart - 1, "than")) && !IsK(s.RegionStart - 2, TokKind.Comma) && EndsAfterCue(s))
                || s.Kind == "forward" && sites.Take(k).Any(p => p.Valid && p.Kind == "forward" && (OpensComplement(p, s.RegionStart) || AdjunctAfterThatOpens(p, s.RegionStart))))
            {
                for (int m = k - 1; m >= 0; m--)
                {
                    var prev = sites[m];
                    // a gapped accusation ends at its own boundary; "blamed X on rebels, who deny it" answers the accusation
                    if (prev.Kind == "reduced" || s.Kind == "relative" && s.Info.Lemma is "deny" or "reject" && AccusationLemmas.Contains(prev.Info.Lemma)
                        && BareDenialObject(s.Cue + 1) > 0) { s.AnswersAccusation = prev.Kind != "reduced"; continue; }
                    // "He criticised the report, which said ...": a noun-phrase complement ends at its comma, so a
                    // relative after it is the report's own statement
                    if (s.Kind == "relative" && NounComplementLemmas.Contains(prev.Info.Lemma) && IsK(s.RegionStart, TokKind.Comma)
                        && !CommaBetween(prev.Cue, s.RegionStart)) break;
                    if (prev.Valid && prev.Kind is not "inversion" and not "relative" && prev.Cue < s.RegionStart) { s.Valid = false; break; }
                }
            }
        }
        // A trailing attribution ("..., a union representative said.") governs everything before it.
        for (int k = sites.Count - 1; k > 0; k--)
        {
            var t = sites[k];
            if (!t.Valid || t.Refusal || t.Kind != "forward" || t.SubjS <= _sa) continue;
            if (!(IsK(t.SubjS - 1, TokKind.Comma) || IsK(t.SubjS - 1, TokKind.CloseQ))) continue;
            if (!EndsAfterCue(t)) continue;
            for (int m = 0; m < k; m++)
                if (sites[m].Cue < t.SubjS && (sites[m].Kind is "forward" or "shared" or "relative" or "reduced" || sites[m].AfterWhile) && !ColonBetween(sites[m].Cue, t.SubjS)) sites[m].Valid = false;
            break;
        }
        // a participle that opens the sentence takes the subject of the main clause after its comma
        for (int k = 0; k < sites.Count; k++)
        {
            var p = sites[k];
            if (!p.Valid || p.Kind != "participle-lead") continue;
            var main = sites.Skip(k + 1).FirstOrDefault(t => t.Valid);
            if (main is { Kind: "forward" } && main.SubjS > p.Cue && IsK(main.SubjS - 1, TokKind.Comma)) { p.SubjS = main.SubjS; p.SubjE = main.SubjE; }
            else p.Valid = false;
        }
        var valid = sites.Where(s => s.Valid).ToList();
        int prevEnd = _sa;
        bool any = false;
        for (int k = 0; k < valid.Count; k++)
        {
            var s = valid[k];
            if (s.Refusal) { prevEnd = Math.Max(prevEnd, s.Cue + 1); continue; }
            int cutoff = k + 1 < valid.Count ? valid[k + 1].RegionStart : _sb;
            if (cutoff <= s.Cue) cutoff = valid[k + 1].CueFirst;
            _lastEmitEnd = -1;
            int made = Build(s, prevEnd, cutoff, k > 0 ? valid[k - 1] : null);
            if (made > 0) any = true;
            int end = s.Cue + 1;
            if (made > 0 && _lastEmitEnd > end) end = _lastEmitEnd;
            if (s.SubjE > end && s.Kind == "inversion") end = s.SubjE;
            // "According to terms, holders would receive ..., it said": an according-to that names no source is part
            // of the next statement's content
            if (made == 0 && s.Kind == "according") continue;
            prevEnd = Math.Max(prevEnd, end);
        }
        if (!any) Continuation();
    }

    /// <summary>A sentence without attribution still introduces who "they" is: "Chevron officials declined to comment."</summary>
    void NoteNarrationSubject()
    {
        if (_toks[_sa].Kind == TokKind.OpenQ) return;
        var (s, e) = MainSubject();
        if (s < 0 || e - s > 8) return;
        var head = W(e - 1).ToString();
        if (Lexicon.CollectiveNouns.Contains(head) && head is not "sources") _spk.Resolve(Text(s, e));
    }

    bool IsGappedVerb(int k) => IsWord(k) && W(k).ToString() is "must" or "will" or "would" or "could" or "can" or "may" or "might"
        or "should" or "has" or "have" or "had" or "is" or "are" or "was" or "were";

    bool ColonBetween(int a, int b)
    {
        for (int m = a; m < b; m++) if (_toks[m].Kind is TokKind.Colon or TokKind.Semi || _toks[m].Kind == TokKind.OpenQ && m > a) return true;
        return false;
    }

    /// <summary>True when nothing but adjuncts, a recipient or a participle clause follows the cue.</summary>
    bool EndsAfterCue(Site t)
    {
        int k = t.Cue + 1;
        if (t.Info.Kind == CueKind.Tell) k = Recipient(k, trailing: true);
        var dummy = new Draft();
        string cue = "";
        k = SkipAdjuncts(k, dummy, ref cue, t);
        if (k >= _sb) return true;
        if (IsK(k, TokKind.Stop) && k + 1 >= _sb) return true;
        if (IsK(k, TokKind.Comma)) return true;
        if (IsWord(k) && W(k).ToString() is "after" or "at" or "during" or "before" or "near" or "in" or "on" or "while" or "when" or "with" or "as" or "using" or "without" or "ahead" or "via" or "to" or "from")
            return true;
        return false;
    }

    /// <summary>"... could double compared to a year ago when the company reported income of ...": a subordinate
    /// clause run into the complement without a comma belongs to it; a cue inside it is nested.</summary>
    bool IntegratedSubordinate(int i)
    {
        int j = i - 1;
        return j - 1 >= _sa && In(j, Subordinators) && !Cap(j) && IsWord(j - 1) && !_in[j]
               && !(Is(j - 1, "but") || Is(j - 1, "and") || Is(j - 1, "or") || Is(j - 1, "yet"));
    }

    /// <summary>"X said that while they believe ..., the shock will ease": a subordinate clause that opens an earlier
    /// cue's complement (right after the cue, its recipient or its "that") is inside that complement, so a cue in it is
    /// nested; unlike "X said ..., while Y said ...", where the subordinator joins two reports.</summary>
    bool OpensComplement(Site governing, int regionStart)
    {
        int j = regionStart - 1;
        if (!In(j, ComplementSubordinators) || Cap(j) || j <= governing.CueLast) return false;
        int b = j - 1;
        if (Is(b, "even")) b--;
        bool that = Is(b, "that");
        if (that) b--;
        if (b < governing.CueLast || b - governing.CueLast > 5) return false;
        for (int m = governing.Cue + 1; m < j; m++)
            if (_in[m] || !IsWord(m)) return false;
        if (that) return true;
        // without "that": not a time clause ("X said after the company announced results" times the saying) and not
        // after a trailing attribution, whose content came before it
        if (In(j, TimeSubordinators) || governing.SubjS > _sa && (IsK(governing.SubjS - 1, TokKind.Comma) || IsK(governing.SubjS - 1, TokKind.CloseQ))) return false;
        // straight after the cue; a told-recipient may come between ("told Reuters while ...")
        return b == governing.CueLast || governing.Info.Kind == CueKind.Tell;
    }

    /// <summary>"Baker said that for its part, Japan announced ...": a short prepositional adjunct between "that" and a
    /// comma opens the earlier cue's complement, so the clause after the comma (and a cue in it) is inside it.</summary>
    bool AdjunctAfterThatOpens(Site governing, int regionStart)
    {
        int comma = regionStart - 1, that = governing.Cue + 1, a = that + 1;
        if (!IsK(comma, TokKind.Comma) || !Is(that, "that") || _in[that] || !IsWord(a) || !Lexicon.Prepositions.Contains(W(a))) return false;
        if (comma - a < 2 || comma - a > 6) return false;
        for (int m = a; m < comma; m++) if (!IsWord(m) || _in[m]) return false;
        return true;
    }

    static readonly WordSet ComplementSubordinators = new(["while", "although", "though", "whereas", "because", "since", "before",
        "after", "once", "until", "unless", "if", "when", "as"]);
    static readonly WordSet TimeSubordinators = new(["since", "before", "after", "once", "until", "when", "as"]);

    /// <summary>Cues whose noun-phrase complement ends at the first comma ("welcomed the plan, which ...").</summary>
    static readonly WordSet NounComplementLemmas = new(["voice", "see little chance", "hold out hope", "float the idea of", "raise the specter of",
        "cite", "welcome", "reject", "question", "applaud", "criticise", "propose", "oppose", "praise"]);

    bool CommaBetween(int a, int b)
    {
        for (int m = a + 1; m < b; m++) if (_toks[m].Kind == TokKind.Comma || _in[m]) return true;
        return false;
    }

    static readonly WordSet Subordinators = new(["when", "unless", "if"]);

    bool BoundaryBefore(int i)
    {
        int j = i - 1;
        if (j < _sa) return true;
        var k = _toks[j].Kind;
        if (k is TokKind.Comma or TokKind.Semi or TokKind.Colon or TokKind.Dash or TokKind.CloseQ or TokKind.CloseParen) return true;
        if (Is(j, "but") || Is(j, "and") || Is(j, "while") || Is(j, "whereas") || Is(j, "as") || Is(j, "although") || Is(j, "after")
            || Is(j, "before") || Is(j, "since") || Is(j, "because") || Is(j, "until") || Is(j, "unless") || Is(j, "when") || Is(j, "what")
            || Is(j, "though")) return true;
        if (Is(j, "which") || Is(j, "who")) return BoundaryBefore(j);
        return false;
    }

    static readonly WordSet PostModifiers = new(["involved", "close", "closest", "familiar", "connected", "associated", "linked", "attending", "participating"]);

    /// <summary>"declined to", "refused to", "gave no", "did/would not elaborate|comment|give|disclose|identify|name|say".</summary>
    bool RefusalAt(int m) =>
        (Is(m, "declined") || Is(m, "refused")) && Is(m + 1, "to")
        || Is(m, "gave") && Is(m + 1, "no")
        || (Is(m, "did") || Is(m, "would")) && Is(m + 1, "not") && IsWord(m + 2)
           && W(m + 2).ToString() is "elaborate" or "comment" or "give" or "disclose" or "identify" or "name" or "say";

    /// <summary>Agreements and plans: what they "call for" is a term, not a demand.</summary>
    static readonly WordSet ArrangementNouns = new([
        "terms", "term", "agreement", "agreements", "accord", "accords", "deal", "deals", "contract", "contracts", "plan", "plans",
        "proposal", "proposals", "bill", "bills", "budget", "treaty", "package", "program", "programme", "merger", "offer",
        "rules", "regulations", "legislation", "law", "scheme", "schedule", "pact", "arrangement", "formula", "measure",
        "amendment", "settlement", "restructuring", "version", "transaction", "reorganization"]);

    static readonly WordSet SubjectPronouns = new(["he", "she", "it", "they", "we"]);

    static readonly WordSet WhWords = new(["when", "whether", "how", "what", "why", "where", "who", "which", "if"]);

    /// <summary>"did not say when ...", "would not disclose how much ...", "would not confirm the report": a refusal with no
    /// content (GUIDELINES A4), reported as nothing, though what it governs stays nested in it ("did not say when he thought
    /// ..."); "did not deny that ...", "does not expect ..." still report a proposition.</summary>
    bool IsRefusal(int i, Cue cue) =>
        (cue.Lemma is "say" or "explain" or "indicate" && In(i + 1, WhWords)
         || cue.Lemma is "disclose" or "reveal" or "confirm" or "estimate" or "announce" && !Is(i + 1, "that")) && Negated(i - 1);

    /// <summary>A negation in the verb group that ends at <paramref name="b"/> ("did not", "would not immediately", "never").</summary>
    bool Negated(int b)
    {
        for (int m = b; m >= _sa && m > b - 4 && InLower(m, Lexicon.AuxAdverbs); m--)
            if (Is(m, "not") || Is(m, "never") || W(m).EndsWith("n't", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Decides whether a lexicon word is a cue here, and finds its speaker phrase.</summary>
    Site? Analyse(int i, Cue cue)
    {
        string lw = W(i).ToString().ToLowerInvariant();
        int prev = i - 1, next = i + 1;

        // Passives and reduced relatives: "is widely viewed", "were expected to", "believed to be", "billed as"
        if (IsWord(prev) && (Is(prev, "the") || Is(prev, "a") || Is(prev, "an") || Is(prev, "its") || Is(prev, "his") || Is(prev, "her") || Is(prev, "their") || Is(prev, "our") || Is(prev, "this"))) return null;
        // "It was described by the countries that took part as a rare success", "was described as sound by analysts"
        if (cue.Lemma == "describe" && lw == "described" && InLower(prev, Lexicon.BeForms)) return DescribedPassive(i, prev, cue);
        bool ed = lw.EndsWith("ed") || lw is "thought" or "told" or "said";
        if (cue.Lemma == "worried")
        {
            if (!In(prev, Lexicon.BeForms) && !In(prev, Lexicon.AuxAdverbs)) return null;
        }
        else if (ed && !cue.Participle)
        {
            int b = prev;
            while (b >= _sa && InLower(b, Lexicon.AuxAdverbs) && !In(b, Lexicon.BeForms)) b--;
            // "X was quoted by RIA as saying ..." is the passive of "RIA quoted X as saying": handled below
            if (InLower(b, Lexicon.BeForms) && !(lw is "told") && !(cue.Kind == CueKind.Quote && Is(next, "by"))) return null;
            if (lw is not "said" and not "told" && Is(next, "to") && (Is(next + 1, "be") || Is(next + 1, "have"))) return null;
            if (Is(next, "by") && lw != "quoted") return null;
        }
        if (lw is "told" or "informed" or "notified" or "assured" or "advised" && InLower(prev, Lexicon.BeForms)) return null;   // "was told"
        // an infinitive is a plan, not a report: "plans to announce", "would allow the bank to announce"
        if (Is(prev, "to") && cue.Kind is not CueKind.Thought && !cue.Participle) return null;
        // verbs that report speech only with a "that" clause: "maintained that ...", not "maintained its dividend"
        if (Lexicon.NeedThat.Contains(cue.Lemma))
        {
            int t = next;
            if (cue.Lemma == "point out") { if (!Is(t, "out")) return null; t++; }
            if (cue.Kind == CueKind.Tell) { int r = ThatAfterRecipient(t, pronounClause: true); if (r <= t) return null; t = r; }
            // "wrote on Twitter that ...", "stated in a letter to shareholders that ...": a short phrase on where it was said
            else if ((Is(t, "on") || Is(t, "in") || Is(t, "to")) && !Is(t + 1, "that"))
                for (int m = t + 1; m < _sb && m < t + 7 && IsWord(m); m++)
                    if (Is(m, "that")) { t = m; break; }
                    else if (_in[m] || Lexicon.Lookup.ContainsKey(W(m))) break;
            // or with a quotation: "Howard replied, “We find ...”" / "“...,” he recalled."
            bool quoteAfter = cue.Kind != CueKind.Tell && (IsK(t, TokKind.Comma) || IsK(t, TokKind.Colon)) && IsK(t + 1, TokKind.OpenQ);
            bool quoteBefore = false;
            if (cue.Kind != CueKind.Tell && (t >= _sb || IsK(t, TokKind.Stop)))
                for (int b = prev; b >= _sa && b > prev - 8; b--)
                    if (IsK(b, TokKind.CloseQ)) { quoteBefore = true; break; }
                    else if (!IsWord(b) && !IsK(b, TokKind.Comma)) break;
            if (!Is(t, "that") && !(cue.Kind == CueKind.Tell && In(t, SubjectPronouns)) && !quoteAfter && !quoteBefore) return null;
        }
        if (lw == "ruled" && !Is(next, "out")) return null;
        // "There are worries that ...", "is in doubt": a noun after a form of "be", not a thought
        if (cue.Lemma is "worry" or "doubt" && (InLower(prev, Lexicon.BeForms) || Is(prev, "no") || Is(prev, "little"))) return null;
        // "doubt" reports a clause ("doubt there is enough", "doubt whether ...", "doubt the plan will work"), not a thing
        // ("doubted their accuracy")
        if (cue.Lemma == "doubt" && !(Is(next, "that") || Is(next, "whether") || Is(next, "if") || Is(next, "there") || In(next, SubjectPronouns)
                                      || Enumerable.Range(next + 1, 5).Any(m => InLower(m, Lexicon.BeForms) || In(m, FiniteAux)))) return null;
        if (cue.Lemma == "press" && Is(next, "for")) { }
        if (cue.Lemma == "call" && !(Is(next, "on") || Is(next, "for") || (Is(next, "again") && (Is(next + 1, "for") || Is(next + 1, "on"))))) return null;
        if (cue.Lemma == "press" && !PressedDirective(i)) return null;
        if (cue.Lemma is "describe" && !Is(next, "as") && !HasAsLater(i)) return null;
        if (cue.Lemma is "express" && !cue.Participle) return null;
        // "export buying added support to rapeseed", "added fuel to the debate": "add" with a bare object and "to" adds
        // a thing, it reports nothing
        if (cue.Lemma == "add" && !cue.Participle && IsWord(next) && char.IsLower(_t[_toks[next].S]) && !Is(next, "that")
            && !In(next, Lexicon.Determiners) && !In(next, Lexicon.Pronouns) && Is(next + 1, "to")) return null;
        // "Terms call for ...", "the agreement calls for ...": an arrangement "calls for" what it requires; only a source
        // calls for something it wants
        if (cue.Lemma == "call" && Is(next, "for"))
        {
            int h = prev;
            while (h > _sa && InLower(h, Lexicon.AuxAdverbs)) h--;
            if (IsWord(h) && ArrangementNouns.Contains(W(h))) return null;
        }
        if (cue.Ambiguous && cue.Lemma is not ("have concerns" or "voice"))
        {
            if (In(prev, Lexicon.Determiners) || EndsPossessive(prev) || In(prev, Lexicon.Prepositions) || Is(prev, "of")) return null;
            if (Is(next, "of") || Is(next, "by") || (Is(next, "for") && cue.Lemma != "call") || IsK(next, TokKind.Stop)) return null;
            // "... 100 shares of its stock, notes worth 1.8 mln dlrs": a noun in a list, unless a "that" clause follows
            if (IsK(prev, TokKind.Comma) && !Is(next, "that") && !(cue.Lemma == "call" && (Is(next, "on") || Is(next, "for")))) return null;
            if (prev >= _sa && _toks[prev].Kind == TokKind.Word && !Cap(prev) && !In(prev, Lexicon.AuxAdverbs) && !In(prev, Lexicon.Pronouns)
                && !Lexicon.CollectiveNouns.Contains(W(prev)) && !Is(prev, "who") && !Is(prev, "which") && !Is(prev, "that")) return null;
        }
        if (cue.Kind == CueKind.Thought)
        {
            // belief reports need a propositional complement
            if (IsK(next, TokKind.Stop) || IsK(next, TokKind.Comma) || Is(next, "for") && cue.Lemma != "worried") return null;
            if (cue.Lemma == "expect" && Is(next, "to")) return null;
            if (cue.Lemma == "hope" && Is(next, "to")) return null;
        }
        if (cue.Lemma is "warn" && lw == "warning" && !Is(prev, ",") && !IsK(prev, TokKind.Comma) && !Is(next, "of") && !Is(next, "that")) { }

        int phraseEnd = PhraseCue(i, cue.Lemma);
        if (phraseEnd == -2) return null;
        if (cue.Lemma == "have concerns")
        {
            // "The United States has long-standing concerns that ...": the verb group is "has long-standing concerns"
            int b = i - 1;
            if (IsWord(b) && W(b).Contains('-')) b--;
            var site0 = new Site { Cue = i, CueFirst = b, CueLast = i, Info = cue, PhraseEnd = -1, Kind = "forward" };
            var (hs, he) = SubjectBefore(b, out _);
            if (hs < 0) return null;
            site0.SubjS = hs; site0.SubjE = he; site0.RegionStart = hs;
            return site0;
        }
        var site = new Site { Cue = i, CueFirst = i, CueLast = i, Info = cue, PhraseEnd = phraseEnd };

        // "X quoted Y as saying"
        if (cue.Kind == CueKind.Quote && Is(next, "by"))
        {
            // the passive: the speaker before the verb group, the relaying outlet after "by"
            int b = prev;
            while (b >= _sa && InLower(b, Lexicon.AuxAdverbs) && !In(b, Lexicon.BeForms)) b--;
            if (!InLower(b, Lexicon.BeForms)) return null;
            int k = next + 1;
            while (k < _sb && k < next + 14 && !(Is(k, "as") && (Is(k + 1, "saying") || Is(k + 1, "telling")))) k++;
            if (!(Is(k, "as") && k < next + 14)) return null;
            var (qs, qe) = SubjectBefore(b, out _);
            if (qs < 0) return null;
            site.Kind = "quoted";
            site.SubjS = qs; site.SubjE = qe;
            site.CueFirst = b; site.CueLast = k + 1;
            int last = k - 1;
            while (last > next && !Cap(last)) last--;
            if (last > next) site.Via = W(last).ToString();   // "by RIA news agency" -> RIA
            site.RegionStart = qs;
            return site;
        }
        if (cue.Kind == CueKind.Quote)
        {
            int k = next;
            while (k < _sb && k < next + 14 && !(Is(k, "as") && (Is(k + 1, "saying") || Is(k + 1, "telling")))) k++;
            if (!(Is(k, "as") && k < next + 14)) return null;
            site.Kind = "quoted";
            site.SubjS = next; site.SubjE = k;
            site.CueLast = k + 1;
            var (vs, ve) = SubjectBefore(i, out _);
            if (vs >= 0)
            {
                int last = ve - 1;
                while (last > vs && !Cap(last)) last--;
                site.Via = W(last).ToString();
                site.RegionStart = vs;
            }
            else site.RegionStart = i;
            return site;
        }

        // Participles: ", saying ...", ", adding ...", "with X saying ..."
        if (cue.Participle && In(prev, Lexicon.BeForms) && !Is(prev, "being")) cue = cue with { Participle = false };
        if (cue.Participle)
        {
            if (Is(prev, "as")) return null;
            // "protest and warning strikes", "warning signs": "warning" before a bare noun is an adjective
            if (lw == "warning" && IsWord(next) && char.IsLower(_t[_toks[next].S]) && !In(next, Lexicon.Determiners) && !In(next, Lexicon.Pronouns)
                && !Is(next, "that") && !Is(next, "of") && !Is(next, "against") && !Is(next, "about") && !Is(next, "on")) return null;
            int w = FindWith(i);
            // "stands with a yellow-brown cast indicating damage": the noun after "with" must be able to speak
            if (w >= 0 && !LooksLikeSpeaker(w + 1, i)) w = -1;
            if (w >= 0)
            {
                site.Kind = "participle-with";
                site.SubjS = w + 1; site.SubjE = i;
                site.RegionStart = w;
                return site;
            }
            // "Noting that X was studying an offer, Y said ...": a participle that opens the sentence reports for the
            // main clause's subject (found once all cues are known); it needs "that" ("Citing" its NP) to be a report
            if ((prev < _sa || prev == _sa && (Is(prev, "but") || Is(prev, "and"))) && cue.Kind == CueKind.Say
                && (Is(next, "that") || cue.Lemma == "cite" && !CitesASource(next)))
            {
                site.Kind = "participle-lead";
                site.RegionStart = i;
                return site;
            }
            // "..., however, by saying the ..." is a participle of the main clause's subject too
            if (!IsK(prev, TokKind.Comma) && !Is(prev, "and") && !IsK(prev, TokKind.Dash) && !(Is(prev, "also") && IsK(prev - 1, TokKind.Comma))
                && !(Is(prev, "while") && !IsK(prev - 1, TokKind.Comma) && cue.Kind is CueKind.Directive)
                && !(Is(prev, "by") && cue.Lemma is "say" or "warn" or "claim" or "argue" or "insist" or "suggest"))
                return null;
            site.Kind = "participle";
            site.RegionStart = prev;
            site.AfterWhile = Is(prev, "while");
            return site;
        }

        // Finite cue: auxiliaries and adverbs join the cue ("has always said")
        int j = prev;
        while (j >= _sa && (InLower(j, Lexicon.AuxAdverbs) && !Is(j, "that")))
        {
            if (Is(j, "all") && !Cap(j - 1) && !Lexicon.CollectiveNouns.Contains(W(j - 1))) break;
            j--;
        }
        int cueFirst = j + 1;
        // time phrases before the cue are not part of it: "Fabius on Wednesday questioned"
        int jj = j;
        // "the chairman today in a statement reiterated": the medium before the cue is not its subject either
        if (In(jj, MediumBeforeCue) && (Is(jj - 1, "a") || Is(jj - 1, "an")) && Is(jj - 2, "in") && jj - 3 >= _sa && IsWord(jj - 3) && !_in[jj]) jj -= 3;
        if (IsWord(jj) && IsTimeWord(W(jj)) && Is(jj - 1, "on")) jj -= 2;
        else if (IsWord(jj) && (Is(jj, "week") || Is(jj, "month") || Is(jj, "year")) && (Is(jj - 1, "this") || Is(jj - 1, "last"))) jj -= 2;
        // "a Texas court this morning said", "the union late yesterday said"
        else if ((Is(jj, "morning") || Is(jj, "afternoon") || Is(jj, "evening") || Is(jj, "night")) && (Is(jj - 1, "this") || Is(jj - 1, "last") || IsWord(jj - 1) && IsTimeWord(W(jj - 1))))
            jj -= Is(jj - 2, "late") || Is(jj - 2, "early") ? 3 : 2;
        else if (IsWord(jj) && IsTimeWord(W(jj))) jj -= 1;
        bool timeBeforeCue = jj != j;
        if (jj != j)
        {
            // keep adverbs only when contiguous to the cue
            j = jj;
            while (j >= _sa && InLower(j, Lexicon.AuxAdverbs) && !Is(j, "that")) j--;
        }
        site.CueFirst = Is(cueFirst, "all") ? cueFirst + 1 : cueFirst;
        if (site.CueFirst > i) site.CueFirst = i;

        // relative clause: "..., who said", "which denies it"
        if (Is(j, "who") || Is(j, "which"))
        {
            if (!IsK(j - 1, TokKind.Comma) && j - 1 >= _sa) return null;
            site.Kind = "relative";
            site.SubjS = j; site.SubjE = j + 1;
            var (asx, aex) = NounPhraseBefore(j - 1);
            if (asx < 0) return null;
            // "bills of Sen. X, R-Miss., which call for ...": a party tag or a state is no antecedent
            if (aex - asx == 1 && (IsPartyTag(asx) || IsStateAbbreviation(asx))) return null;
            // "an attack police blame on rebels, which deny it" / "blamed the blast on rebels, who": the antecedent is
            // the target of the accusation, after the verb's preposition
            for (int m = Math.Max(_sa, asx - 2); m < aex; m++)
                if (In(m, GappedAccusationVerbs) && !Cap(m))
                {
                    for (int p = Math.Max(m + 1, asx); p < aex - 1; p++)
                        if (Is(p, "on") || Is(p, "to")) { asx = p + 1; break; }
                    break;
                }
            site.AntS = asx; site.AntE = aex;
            site.RegionStart = j - 1;
            return site;
        }

        // Inversion: "“...,” said Jan Egeland" / "..., said the spokesman."
        if ((j < _sa || IsK(j, TokKind.Comma) || IsK(j, TokKind.CloseQ)) && !(IsK(j, TokKind.Comma) && SubjectBefore(i, out _, cueFirst - 1).S >= 0))
        {
            if (cue.Kind is CueKind.Say && (lw is "said" or "says" or "added" or "adds" or "warned" or "warns" or "asked"))
            {
                int k = next;
                int e = InvertedSubject(k);
                if (e > k && j >= _sa)
                {
                    site.Kind = "inversion";
                    site.SubjS = k; site.SubjE = e;
                    site.RegionStart = i;
                    site.Apposition = AppositionAfter(e);
                    site.CueLast = i;
                    return site;
                }
            }
            // shared subject after "but"/"and": handled below; otherwise nothing
        }
        if (Is(j, "and") || Is(j, "but") || (IsK(j, TokKind.Comma) && (Is(j - 1, "but") || Is(j + 0, "but"))))
        {
            site.Kind = "shared";
            site.RegionStart = j;
            return site;
        }

        // "a Texas court this morning said": the time phrase is not part of the subject
        var (ss, se) = SubjectBefore(i, out int boundary, timeBeforeCue && IsWord(j) && !Is(j, "on") ? j : cueFirst - 1);
        if (ss < 0) return null;
        site.SubjS = ss; site.SubjE = se;
        site.RegionStart = boundary >= 0 ? boundary : ss;
        site.PronounAfterObject = _pronounAfterObject;
        site.Kind = "forward";
        // "Kerry, who was in Munich, told" / "Asseri, a military spokesman, said": apposition between subject and cue
        return site;
    }

    /// <summary>The agentive passive of "describe": the agent after "by" is the speaker, the phrase after "as" (to the
    /// first comma or preposition) the content; the cue is written "was described by ... as" / "was described as ... by".</summary>
    Site? DescribedPassive(int i, int be, Cue cue)
    {
        int first = be;
        while (first - 1 >= _sa && InLower(first - 1, Lexicon.AuxAdverbs) && !Is(first - 1, "that")) first--;
        int asAt = -1, byAt = -1;
        for (int m = i + 1; m < _sb && m < i + 30; m++)
        {
            if (_in[m] || _toks[m].Kind is TokKind.Stop or TokKind.Semi or TokKind.Colon) break;
            if (Is(m, "as") && asAt < 0) asAt = m;
            else if (Is(m, "by") && byAt < 0) byAt = m;
        }
        if (asAt < 0 || byAt < 0) return null;
        var site = new Site { Cue = i, CueFirst = first, CueLast = i, Info = cue, Kind = "reduced", RegionStart = first };
        string verb = Text(first, i + 1);
        if (byAt == i + 1 && asAt > byAt + 1)
        {
            site.SubjS = byAt + 1; site.SubjE = asAt;
            site.ContentStart = asAt + 1; site.ContentEnd = PhraseEnd(asAt + 1);
            site.CueText = verb + " by ... as";
        }
        else if (asAt == i + 1 && byAt > asAt + 1)
        {
            site.ContentStart = asAt + 1; site.ContentEnd = byAt;
            int e = byAt + 1;
            while (e < _sb && _toks[e].Kind is TokKind.Word && !_in[e]) e++;
            site.SubjS = byAt + 1; site.SubjE = e;
            site.CueText = verb + " as ... by";
        }
        else return null;
        if (site.SubjE <= site.SubjS || site.ContentEnd <= site.ContentStart || !LooksLikeSpeaker(site.SubjS, site.SubjE)) return null;
        for (int m = site.ContentStart; m < site.ContentEnd; m++) if (_toks[m].Kind == TokKind.Comma) return null;
        return site;
    }

    /// <summary>End of a noun or adjective phrase: the first comma, stop or preposition that opens a modifier.</summary>
    int PhraseEnd(int k)
    {
        int m = k;
        while (m < _sb && _toks[m].Kind is TokKind.Word or TokKind.OpenQ or TokKind.CloseQ && !(m > k && In(m, PhraseStoppers))) m++;
        return m;
    }

    static readonly WordSet PhraseStoppers = new(["in", "by", "at", "during", "after", "before", "since", "with", "for", "because", "while", "when", "amid"]);

    static readonly WordSet Chances = new(["chance", "chances", "hope", "prospect", "prospects", "sign", "signs", "reason", "risk", "need", "threat", "danger"]);

    /// <summary>Multi-word cues: -1 when the lemma is a plain verb, -2 when the phrase is absent, else the index after
    /// the phrase (content starts there).</summary>
    int PhraseCue(int i, string lemma)
    {
        switch (lemma)
        {
            case "sum up": return Is(i + 1, "up") ? i + 2 : -2;
            case "point out": return Is(i + 1, "out") ? i + 2 : -2;
            case "raise the specter of":
                return Is(i + 1, "the") && (Is(i + 2, "specter") || Is(i + 2, "spectre")) && Is(i + 3, "of") ? i + 4 : -2;
            case "float the idea of": return Is(i + 1, "the") && Is(i + 2, "idea") && Is(i + 3, "of") ? i + 4 : -2;
            case "voice":
                if (IsWord(i + 1) && W(i + 1).ToString() is "support" or "concern" or "concerns" or "opposition" or "doubts" or "fears" or "hope" or "optimism" or "skepticism" or "scepticism") return -1;
                // "voiced its comprehension for ...", "voiced serious reservations about ...", "voiced confidence that ...":
                // the past form names what was expressed, whatever the noun (not "voiced by", "voiced at the meeting")
                return W(i).Equals("voiced", StringComparison.OrdinalIgnoreCase) && IsWord(i + 1) && char.IsLower(_t[_toks[i + 1].S])
                       && !In(i + 1, Lexicon.Prepositions) && !Is(i + 1, "again") && !Is(i + 1, "that") && !_in[i + 1] ? -1 : -2;
            case "see little chance":
            {
                int k = i + 1;
                if (Is(k, "virtually") || Is(k, "very")) k++;
                if (!(Is(k, "little") || Is(k, "no") || Is(k, "some") || Is(k, "a") || Is(k, "every") || Is(k, "few") || Is(k, "growing"))) return -2;
                for (int m = k + 1; m <= k + 2; m++) if (IsWord(m) && Chances.Contains(W(m))) return -1;
                return -2;
            }
            case "hold out hope":
            {
                if (!Is(i + 1, "out")) return -2;
                for (int m = i + 2; m <= i + 4; m++) if (Is(m, "hope") || Is(m, "hopes") || Is(m, "prospect")) return i + 2;
                return -2;
            }
            case "have concerns":
            {
                // "has long-standing concerns that ...", "have doubts that ..."
                if (!Is(i + 1, "that")) return -2;
                int b = i - 1;
                if (IsWord(b) && W(b).Contains('-')) b--;
                if (!(Is(b, "has") || Is(b, "have") || Is(b, "had") || Is(b, "expressed") || Is(b, "voiced"))) return -2;
                return -1;
            }
        }
        return -1;
    }

    bool PressedDirective(int i)
    {
        if (Is(i + 1, "on") || Is(i + 1, "ahead")) return false;
        if (Is(i + 1, "for")) return true;
        for (int k = i + 1; k < _sb && k < i + 10; k++)
        {
            if (Is(k, "to")) return true;
            if (_toks[k].Kind is TokKind.Comma or TokKind.Stop) return false;
        }
        return false;
    }

    bool HasAsLater(int i)
    {
        for (int k = i + 1; k < _sb && k < i + 8; k++) if (Is(k, "as")) return true;
        return false;
    }

    int FindWith(int i)
    {
        for (int k = i - 1; k >= _sa && k > i - 8; k--)
        {
            if (_toks[k].Kind != TokKind.Word) return -1;
            if (Is(k, "with")) return k + 1 < i ? k : -1;
        }
        return -1;
    }

    /// <summary>The speaker phrase after an inverted cue: up to a comma, stop or quote. Returns its end or the start.</summary>
    int InvertedSubject(int k)
    {
        if (!IsWord(k)) return k;
        if (!(Cap(k) || In(k, Lexicon.Determiners) || In(k, Lexicon.Pronouns) || char.IsLower(_t[_toks[k].S]))) return k;
        if (Is(k, "that") || Is(k, "it")) return k;
        int e = k;
        bool relative = false;
        while (e < _sb && _toks[e].Kind is TokKind.Word or TokKind.OpenParen or TokKind.CloseParen && e - k < 14)
        {
            // "said one analyst who heard the rumors but doubted their accuracy": verbs inside the speaker's own
            // relative clause
            if (Is(e, "who") && e > k) relative = true;
            if (!relative && IsWord(e) && e > k && (Lexicon.Lookup.ContainsKey(W(e)) || In(e, Lexicon.BeForms) || Is(e, "has") || Is(e, "had") || Is(e, "have") || Is(e, "will") || Is(e, "would"))) return k;
            e++;
        }
        if (e < _sb && _toks[e].Kind is not (TokKind.Comma or TokKind.Stop or TokKind.Semi or TokKind.Dash)) return k;
        // "said on Friday" is not an inversion
        if (IsTimeWord(W(k)) || Is(k, "on") || Is(k, "in") || Is(k, "at") || Is(k, "last") || Is(k, "this") || Is(k, "after")) return k;
        // "said Carew Bank Ltd as lead manager.": the capacity after "as" is not part of the source's name
        for (int m = k + 1; m < e - 1; m++)
            if (Is(m, "as") && Cap(m - 1) && !Cap(m + 1)) { e = m; break; }
        // the phrase should name a source: capitalised, a pronoun, or a person/collective noun
        bool ok = false;
        for (int m = k; m < e; m++)
        {
            if (Cap(m) || In(m, Lexicon.Pronouns) || In(m, Lexicon.PersonNouns) || In(m, Lexicon.CollectiveNouns)) { ok = true; break; }
        }
        // "said a lobbyist for a commodity group": an indefinite agent noun heads the phrase (as in LooksLikeSpeaker)
        if (!ok && (Is(k, "a") || Is(k, "an")))
        {
            int h = k + 1;
            while (h + 1 < e && !In(h + 1, Lexicon.Prepositions) && !Is(h + 1, "of")) h++;
            ok = h < e && h - k <= 4 && IsWord(h) && char.IsLower(_t[_toks[h].S]) && W(h).Length > 4 && IsAgentNoun(W(h)) && !Lexicon.DocumentNouns.Contains(W(h));
        }
        return ok ? e : k;
    }

    string? AppositionAfter(int e)
    {
        if (!IsK(e, TokKind.Comma)) return null;
        int k = e + 1;
        if (!(Is(k, "the") || Is(k, "a") || Is(k, "an"))) return null;
        int m = k;
        while (m < _sb && _toks[m].Kind is TokKind.Word or TokKind.OpenParen or TokKind.CloseParen && !Is(m, "who") && !Is(m, "which")) m++;
        return Text(k, m);
    }

    // Set by SubjectBefore: the subject is a pronoun cut from the object of its relative ("a move he said ...").
    bool _pronounAfterObject;

    /// <summary>Scans back from a cue over the subject noun phrase; skips one appositive ", a spokesman," / ", who ...,".
    /// <paramref name="boundary"/>: where the subject's clause starts when that is not the subject's first token
    /// ("a move he said ...": at "a move"), else -1.</summary>
    (int S, int E) SubjectBefore(int cue, out int boundary, int from = -2)
    {
        int j = from == -2 ? cue - 1 : from;
        boundary = -1;
        _pronounAfterObject = false;
        // "Sen. John Smith, D-Ark., said": a party tag after the name is an appositive; the name (and title) speaks
        // "Acme Inc, of Irvine, Calif., said", "The company, based in Dallas, Tex., said": a state after its own comma
        // belongs to the place before it, so the appositive closes at the comma before the state
        if (IsK(j, TokKind.Comma) && IsK(j - 2, TokKind.Comma) && j - 3 >= _sa && IsWord(j - 3) && !_in[j - 1])
        {
            if (IsPartyTag(j - 1))
            {
                var (ps, pe) = NounPhraseBefore(j - 2);
                if (ps >= 0 && pe == j - 2 && Cap(pe - 1)) return (ps, pe);
            }
            else if (IsStateAbbreviation(j - 1))
            {
                var inner = SubjectBefore(cue, out boundary, j - 2);
                if (inner.S >= 0) return inner;
                boundary = -1;
                // "Acme Inc of Irvine, Calif., said": the place is the subject's own post-modifier when the phrase opens
                // the clause; "... a plant in Elkton, Md., said Gov. X" has no subject before the cue
                var (ns0, ne0) = NounPhraseBefore(j - 2);
                return ns0 >= 0 && ne0 == j - 2 && OpensClauseAt(ns0) ? (ns0, j) : (-1, -1);
            }
        }
        // appositive right before the cue: ", a military spokesman," / ", who met Kerry ...,"
        if (IsK(j, TokKind.Comma))
        {
            int c2 = j - 1;
            while (c2 >= _sa && _toks[c2].Kind != TokKind.Comma && _toks[c2].Kind != TokKind.Stop && !(_toks[c2].Kind is TokKind.OpenQ or TokKind.CloseQ)) c2--;
            // "Joseph Hale, a Fremont, Calif., investor, said": the state's commas are inside the appositive;
            // "Sen. Tom Hale, D-Okla., chairman of the panel, said": the party tag closes the name, which speaks
            for (int guard = 0; guard < 3 && IsK(c2, TokKind.Comma) && IsK(c2 - 2, TokKind.Comma) && c2 - 3 >= _sa; guard++)
            {
                if (IsPartyTag(c2 - 1))
                {
                    var (ps, pe) = NounPhraseBefore(c2 - 2);
                    if (ps >= 0 && pe == c2 - 2 && Cap(pe - 1)) return (ps, pe);
                    break;
                }
                if (!IsStateAbbreviation(c2 - 1)) break;
                c2 -= 3;
                while (c2 >= _sa && _toks[c2].Kind != TokKind.Comma && _toks[c2].Kind != TokKind.Stop && !(_toks[c2].Kind is TokKind.OpenQ or TokKind.CloseQ)) c2--;
            }
            // "Tom Hale, who founded the Cupertino, Calif.-based company, said": the comma before "Calif.-based" is the place's
            for (int guard = 0; guard < 3 && IsK(c2, TokKind.Comma) && IsWord(c2 + 1) && c2 > _sa && Cap(c2 - 1) && IsStateCompound(c2 + 1); guard++)
            {
                c2--;
                while (c2 >= _sa && _toks[c2].Kind != TokKind.Comma && _toks[c2].Kind != TokKind.Stop && !(_toks[c2].Kind is TokKind.OpenQ or TokKind.CloseQ)) c2--;
            }
            if (IsK(c2, TokKind.Comma) && c2 + 1 < j)
            {
                bool appositive = In(c2 + 1, Lexicon.Determiners) || Is(c2 + 1, "who") || Is(c2 + 1, "which") || Is(c2 + 1, "speaking")
                                  || Is(c2 + 1, "whose") || Is(c2 + 1, "noting") || Is(c2 + 1, "facing") || Is(c2 + 1, "faced")
                                  || IsWord(c2 + 1) && (char.IsDigit(_t[_toks[c2 + 1].S]) || char.IsLower(_t[_toks[c2 + 1].S]));
                // ", is raising 200 mln dlrs ..., said lead manager X": a predicate, not an appositive (the speaker follows the cue)
                if (In(c2 + 1, Lexicon.BeForms) || Is(c2 + 1, "has") || Is(c2 + 1, "have") || Is(c2 + 1, "had") || Is(c2 + 1, "will")) appositive = false;
                // "bonds due April 15, 1993 carrying a coupon ..., said X": the comma of a date, not an appositive's
                if (IsWord(c2 + 1) && W(c2 + 1).Length == 4 && char.IsDigit(_t[_toks[c2 + 1].S]) && IsWord(c2 - 1)
                    && char.IsDigit(_t[_toks[c2 - 1].S]) && IsWord(c2 - 2) && IsMonthWord(W(c2 - 2))) appositive = false;
                bool nameApp = !appositive && Cap(c2 + 1);
                // "the group, which includes A, the firm, and investor B, said": the comma before the cue closes a
                // relative clause that holds a list; the subject is the noun phrase before ", which"
                if (Is(c2 + 1, "and") || Is(c2 + 1, "or"))
                    for (int m = c2 - 1; m >= _sa && m > c2 - 40; m--)
                    {
                        if (_in[m] || _toks[m].Kind is TokKind.Stop or TokKind.Semi or TokKind.OpenQ or TokKind.CloseQ) break;
                        if ((Is(m, "which") || Is(m, "who")) && IsK(m - 1, TokKind.Comma))
                        {
                            var (rs, re) = NounPhraseBefore(m - 1);
                            if (rs >= 0 && re == m - 1 && LooksLikeSpeaker(rs, re)) return (rs, re);
                            break;
                        }
                    }
                if (appositive)
                {
                    var (s, e) = NounPhraseBefore(c2);
                    // "Turkey's second biggest bank, the private Turkiye Is Bankasi, announced": a body described, then
                    // named in apposition; the phrase runs through the name (the name speaks)
                    if (s >= 0 && e == c2 && IsWord(e - 1) && char.IsLower(_t[_toks[e - 1].S]) && In(e - 1, Lexicon.OrgNouns) && NamedAppositive(c2 + 1, j))
                        return (s, j);
                    // "Ameritech Publishing, a unit of Ameritech, the telephone company, said": the company before "a unit of" speaks
                    if (CompanyBeforeRelation(s, out var s3, out var e3)) return (s3, e3);
                    // a second appositive: "Tom Hale, president of Brenner Ltd, the Canadian unit of Orvis, said": the
                    // phrase found is itself a lower-case title after a comma, and a name stands before it
                    // (also "Jan Wolski, a deputy director of Polcuk, the state sugar enterprise, said": an indefinite title)
                    if (s > _sa && IsK(s - 1, TokKind.Comma) && IsWord(s) && char.IsLower(_t[_toks[s].S])
                        && (!In(s, Lexicon.Determiners) || (Is(s, "a") || Is(s, "an")) && IsWord(s + 1) && (In(s + 1, Lexicon.TitleWords) || In(s + 1, Lexicon.PersonNouns) || In(s + 2, Lexicon.TitleWords) || In(s + 2, Lexicon.PersonNouns))))
                    {
                        var (s2, e2) = NounPhraseBefore(s - 1);
                        if (s2 >= 0 && e2 == s - 1 && IsNameRun(s2, e2)) return (s2, e2);
                    }
                    return (s, e);
                }
                if (nameApp)
                {
                    // "Peter Vane, U.K. economist at brokers Lyle and Co, said": a name followed by its title (the
                    // appositive holds lower-case words); the name is the subject
                    var (ns0, ne0) = NounPhraseBefore(c2);
                    if (ns0 >= 0 && ne0 == c2 && IsNameRun(ns0, ne0) && HasLowerWord(c2 + 1, j)) return (ns0, ne0);
                    // "the head of the ICRC in Syria, Marianne Gasser, said" / "One rebel commander, Zekeriya Karsli from ..., said"
                    var (s, _) = NounPhraseBefore(c2);
                    if (s >= 0) return (s, j);
                    return (c2 + 1, j);
                }
            }
            return (-1, -1);
        }
        var (ns, ne) = NounPhraseBefore(j + 1);
        // "Sears, Roebuck and Co said": the comma is inside the firm's name
        if (ns > _sa + 1 && IsK(ns - 1, TokKind.Comma) && Cap(ns - 2) && ne > ns && _spk.IsOrgName(Speakers.StripPossessive(Text(ns - 2, ne)))) ns -= 2;
        else if (ns > _sa + 2 && IsK(ns - 1, TokKind.Comma) && Cap(ns - 2) && Cap(ns - 3) && ne > ns && _spk.IsOrgName(Speakers.StripPossessive(Text(ns - 3, ne)))) ns -= 3;
        // "A group led by investor Sam Ortiz said": the head is the noun phrase before "led by"
        int byAt = ns - 1;
        while (byAt > _sa && byAt > ns - 6 && IsWord(byAt) && !Is(byAt, "by") && !_in[byAt]) byAt--;   // an adjunct cut may have dropped "investor"
        if (ns > _sa + 1 && Is(byAt, "by") && In(byAt - 1, LedBy))
        {
            var (hs, he) = NounPhraseBefore(byAt - 1);
            if (hs >= 0 && he == byAt - 1 && (In(he - 1, Lexicon.OrgNouns) || In(he - 1, Lexicon.CollectiveNouns) || In(he - 1, Lexicon.CompanyNouns)
                || Is(he - 1, "consortium") || Is(he - 1, "team") || Is(he - 1, "delegation")))
                return (hs, ne);
        }
        // "Officials involved in the talks said", "sources close to the bank said": a participle or adjective with its
        // preposition after a source noun is a restrictive modifier; the source heads the subject
        if (ns > _sa + 1 && In(ns - 1, Lexicon.Prepositions) && PostModifiers.Contains(W(ns - 2)))
        {
            var (hs, he) = NounPhraseBefore(ns - 2);
            if (hs >= 0 && he == ns - 2 && ContainsPersonNoun(hs, he) || hs >= 0 && he == ns - 2 && In(he - 1, Lexicon.CollectiveNouns)) return (hs, ne);
        }
        // restrictive relative inside the subject: "a Russian diplomat who declined to be identified said"
        for (int w = j; w >= _sa && w > j - 12; w--)
        {
            if (!IsWord(w) || _in[w]) break;
            if (Is(w, "who") && !IsK(w - 1, TokKind.Comma))
            {
                var (rs, _) = NounPhraseBefore(w);
                if (rs >= 0 && ContainsPersonNoun(rs, w)) return (rs, j + 1);
                break;
            }
        }
        // "Hughes Solar Corp, a unit of Hughes Capital Corp said": the appositive's closing comma is missing; the company
        // named before it speaks, not "a unit of ..."
        if (CompanyBeforeRelation(ns, out var cs, out var ce)) return (cs, ce);
        if (ns >= 0 && IsK(ns - 1, TokKind.Comma))
        {
            // "Syria’s national reconciliation minister, Ali Haidar, suggested" is handled above; here
            // "the head of the ICRC in Syria, Marianne Gasser said" (no second comma)
            int c2 = ns - 1;
            if (Cap(ns) && !In(ns, Lexicon.Determiners))
            {
                var (ps, _) = NounPhraseBefore(c2);
                if (ps >= 0 && ps == _sa && ContainsPersonNoun(ps, c2)) return (ps, ne);
            }
            // "Gail Martell, chief meteorologist for Hutton Corp said": the title's closing comma is missing; the name
            // before it, opening the clause, speaks, not the title ("... in Soviet Tadzhikistan, the official agency" is no such name)
            if (IsWord(ns) && char.IsLower(_t[_toks[ns].S]) && !In(ns, Lexicon.Determiners)
                && (In(ns, Lexicon.TitleWords) || In(ns, Lexicon.PersonNouns) || W(ns).StartsWith("vice-")) && HasTitlePreposition(ns, ne))
            {
                var (ps, pe) = NounPhraseBefore(c2);
                if (ps >= 0 && pe == c2 && IsNameRun(ps, pe) && OpensClauseAt(ps)) return (ps, pe);
                // "... 1.5 pct, Helmut Kramer, head of the institute said.": the same after the content of a trailing
                // attribution, when the cue ends the sentence
                if (ps > _sa + 1 && pe == c2 && IsNameRun(ps, pe) && IsK(ps - 1, TokKind.Comma) && IsWord(ps - 2)
                    && (cue + 1 >= _sb || IsK(cue + 1, TokKind.Stop) && cue + 2 >= _sb)) return (ps, pe);
            }
        }
        // "a liquidity shortage it estimated at ...", "a tax package he said aims at ...": a subject pronoun closing the
        // phrase is the subject of an object relative; the noun before it is what was estimated, not who did
        if (ns >= 0 && ne - ns > 1 && IsWord(ne - 1) && W(ne - 1).ToString() is "he" or "she" or "it" or "they" or "we" or "I"
            && IsWord(ne - 2) && !(Is(ne - 2, "and") || Is(ne - 2, "or") || Is(ne - 2, "nor")))
        {
            // the clause still starts at the object ("-- a move he said could ...": its own statement, not nested),
            // unless that noun ends an adjunct ("said before the meeting they would ...": the subject's clause is nested)
            if (!(ns > _sa && (In(ns - 1, Lexicon.Prepositions) || In(ns - 1, ComplementSubordinators)))) boundary = ns;
            _pronounAfterObject = true;
            return (ne - 1, ne);
        }
        return (ns, ne);
    }

    /// <summary>"the private Turkiye Is Bankasi", "the FNSEA": "the"/"its", lower-case modifiers, then capitalised words to
    /// <paramref name="end"/>.</summary>
    bool NamedAppositive(int from, int end)
    {
        int m = from;
        if (!(Is(m, "the") || Is(m, "its"))) return false;
        m++;
        while (m < end && IsWord(m) && char.IsLower(_t[_toks[m].S]) && !In(m, Lexicon.Prepositions) && !Is(m, "of") && !Is(m, "and")) m++;
        if (m >= end || !Cap(m)) return false;
        for (int q = m; q < end; q++)
            if (!(Cap(q) || IsK(q, TokKind.OpenParen) || IsK(q, TokKind.CloseParen) || IsK(q, TokKind.Other))) return false;
        return true;
    }

    /// <summary>"D-Ark.", "R-Kan", "I-Conn.": a legislator's party and state.</summary>
    bool IsPartyTag(int k)
    {
        if (!IsWord(k)) return false;
        var w = W(k);
        return w.Length is >= 4 and <= 9 && w[0] is 'D' or 'R' or 'I' && w[1] == '-' && char.IsUpper(w[2]) && w[3..].TrimEnd('.').Length >= 1
               && !w[3..].TrimEnd('.').ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    }

    /// <summary>"Calif.-based": a state abbreviation joined to a participle.</summary>
    bool IsStateCompound(int k)
    {
        if (!Cap(k)) return false;
        var w = W(k);
        int dot = w.IndexOf(".-", StringComparison.Ordinal);
        return dot is >= 2 and <= 5 && !w[..dot].Contains('.');
    }

    /// <summary>"Calif.", "Mass.", "Tex.": a short capitalised word closed by its period (one dot: not "U.S.").</summary>
    bool IsStateAbbreviation(int k)
    {
        if (!Cap(k)) return false;
        var w = W(k);
        if (w.Length is < 3 or > 6 || w[^1] != '.' || w[..^1].Contains('.')) return false;
        return !(w[..^1].ToString() is "Inc" or "Corp" or "Co" or "Ltd" or "Jr" or "Sr" or "Bros" or "Plc" or "Mr" or "Mrs" or "Ms" or "Dr");
    }

    /// <summary>A bare title: lower-case words up to "of/for/at" ("chief meteorologist for X"), not a title before a
    /// name ("analyst Daniel Lee of X", which names its own speaker).</summary>
    bool HasTitlePreposition(int s, int e)
    {
        for (int m = s + 1; m < e; m++)
        {
            if (Is(m, "of") || Is(m, "for") || Is(m, "at")) return true;
            if (Cap(m)) return false;
        }
        return false;
    }

    /// <summary>A subject can start at <paramref name="p"/>: the sentence's start, after a quotation, or after a
    /// leading adjunct ("In testimony today, Tom Cook ...").</summary>
    bool OpensClauseAt(int p) =>
        p == _sa || IsK(p - 1, TokKind.CloseQ)
        || IsK(p - 1, TokKind.Comma) && (IsK(p - 2, TokKind.CloseQ) || LeadingAdjunctOnly(_sa, p - 1));

    /// <summary>
    /// "Shell Canada, a wholly owned subsidiary of X": when the phrase at <paramref name="s"/> (with the determiner and
    /// "wholly owned" the noun-phrase scan may have left before it) follows a comma and describes a company by its
    /// owner or holding, the company's name before that comma.
    /// </summary>
    bool CompanyBeforeRelation(int s, out int cs, out int ce)
    {
        cs = ce = -1;
        if (s < 0) return false;
        int rel = s;
        while (rel > _sa + 1 && (Is(rel - 1, "owned") || Is(rel - 1, "wholly") || In(rel - 1, Lexicon.Determiners))) rel--;
        if (rel <= _sa || !IsK(rel - 1, TokKind.Comma) || !IsCorporateRelation(rel)) return false;
        (cs, ce) = NounPhraseBefore(rel - 1);
        return cs >= 0 && ce == rel - 1 && Cap(cs);
    }

    /// <summary>"a unit of", "the parent of", "a wholly-owned subsidiary of": a company described by its owner or holding.</summary>
    bool IsCorporateRelation(int k)
    {
        if (In(k, Lexicon.Determiners)) k++;
        while (Is(k, "wholly") || Is(k, "owned") || Is(k, "wholly-owned") || Is(k, "majority-owned")) k++;
        return (Is(k, "unit") || Is(k, "subsidiary") || Is(k, "division") || Is(k, "affiliate") || Is(k, "parent") || Is(k, "arm"))
               && Is(k + 1, "of");
    }

    /// <summary>Two or more capitalised words and nothing else but name particles: "Peter Vane", "Carla del Ponte".</summary>
    bool IsNameRun(int s, int e)
    {
        if (e - s < 2 || !Cap(s)) return false;
        for (int k = s; k < e; k++)
            if (!(Cap(k) && !In(k, Lexicon.TitleWords) || In(k, Lexicon.NameParticles))) return false;
        return true;
    }

    bool HasLowerWord(int s, int e)
    {
        for (int k = s; k < e; k++)
            if (IsWord(k) && char.IsLower(_t[_toks[k].S]) && !In(k, Lexicon.NameParticles)) return true;
        return false;
    }

    bool ContainsPersonNoun(int s, int e)
    {
        for (int k = s; k < e; k++) if (In(k, Lexicon.PersonNouns)) return true;
        return false;
    }

    /// <summary>The noun phrase ending right before token <paramref name="end"/> (exclusive), scanning back.</summary>
    (int S, int E) NounPhraseBefore(int end)
    {
        int k = end - 1;
        int e = end;
        int n = 0;
        while (k >= _sa && n < 22)
        {
            var t = _toks[k];
            if (t.Kind == TokKind.Word)
            {
                if (_in[k]) break;
                var w = W(k).ToString();
                // "Britain and France said" joins; "talks began in December and unions are hopeful" does not (a date ends a clause)
                // "traders and analysts said", "economists and money market dealers said": two plural source nouns join
                // ("economists and industrialists say": a plural agent noun outside the lists joins too)
                bool joinsSources = w is "and" && (In(k - 1, Lexicon.CollectiveNouns) || In(k - 1, Lexicon.Pronouns) && k - 1 == e - 3
                                                   || IsWord(k - 1) && char.IsLower(_t[_toks[k - 1].S]) && IsPluralAgentNoun(W(k - 1).ToString()))
                                    && (In(e - 1, Lexicon.CollectiveNouns) || IsWord(e - 1) && char.IsLower(_t[_toks[e - 1].S]) && IsPluralAgentNoun(W(e - 1).ToString()))
                                    && k + 1 < e && !_in[k - 1];   // "he and others said"
                if (Lexicon.SubjectStoppers.Contains(w) && !joinsSources && !(w is "and" && k - 1 >= _sa && (Cap(k - 1) || Cap(k + 1)) && k + 1 < e
                    && !(IsWord(k - 1) && (IsMonthWord(W(k - 1)) || IsTimeWord(W(k - 1)))))) break;
                if (Lexicon.Lookup.TryGetValue(w, out var c) && !c.Ambiguous && !(c.Participle && w is "working") && n > 0 && char.IsLower(w[0])) break;
                if (w.Equals("who", StringComparison.OrdinalIgnoreCase) || w.Equals("which", StringComparison.OrdinalIgnoreCase)) break;
                if (char.IsLower(w[0]) && (w.EndsWith("ed") && !Lexicon.PersonNouns.Contains(w) && w is not "armed" and not "united" && !(k > _sa && Is(k - 1, "the")) && w.Length > 4 && !w.Contains('-'))) break;
                if (w is "towards" or "toward" or "against" or "despite" or "amid" && n > 0) break;
                if (w is "has" or "have" or "had" or "is" or "are" or "was" or "were" or "will" or "would" or "to" or "not" or "in" or "by" && n > 0
                    && !(w is "in" && IsDescriptorIn(k)) && !(w is "to" && (In(k - 1, Lexicon.PersonNouns) || In(k - 1, Lexicon.CollectiveNouns) || In(k - 1, Lexicon.DocumentNouns))))
                    break;
                k--; n++;
                continue;
            }
            if (t.Kind is TokKind.OpenParen or TokKind.CloseParen) { k--; continue; }
            if (t.Kind == TokKind.Other && _t[t.S] is '<' or '>') { k--; continue; }
            // "The Irvine, Calif.-based company": the comma inside a place
            if (t.Kind == TokKind.Comma && k + 1 < e && IsStateCompound(k + 1) && Cap(k - 1) && !_in[k - 1]) { k--; continue; }
            break;
        }
        int s = k + 1;
        // trim leading connectives and prepositional openers
        while (s < e && (Is(s, "but") || Is(s, "and") || Is(s, "however") || Is(s, "yet") || Is(s, "so") || Is(s, "also") || Is(s, "then")
                         || IsWord(s) && IsTimeWord(W(s)) && s + 1 < e))   // "Yesterday a spokesman for the workers said"
            s++;
        if (s >= e) return (-1, -1);
        // an adjunct without its comma: "After the talks Smith told", "... between the two sides officials Lawson said":
        // a plain lower-case word (not a title, source noun, determiner or joiner) right before a closing name
        // ends the adjunct, and the name is the subject
        int r = e;
        while (r > s && (Cap(r - 1) || In(r - 1, Lexicon.NameParticles) && r < e)) r--;
        if (r > s && r < e && IsWord(r - 1) && !_in[r - 1] && char.IsLower(_t[_toks[r - 1].S]) && !EndsPossessive(r - 1)
            && !In(r - 1, Lexicon.TitleWords) && !In(r - 1, Lexicon.PersonNouns) && !In(r - 1, Lexicon.Determiners)
            && !Is(r - 1, "of") && !Is(r - 1, "and") && !Is(r - 1, "for") && !Is(r - 1, "to") && !Is(r - 1, "at") && !Is(r - 1, "in")
            // (the name may open with its particle: "Late last month de Graaf said")
            && !W(r - 1).Contains('-') && (Cap(r) || In(r, Lexicon.NameParticles) && Cap(r + 1)) && HasNameWord(r, e) && LeadsWithAdjunct(s, r - 1))
            s = r;
        // "In New Delhi an Indian spokesman said", "At the meeting the minister said": a sentence-initial
        // prepositional phrase without its comma ends before the subject's own article
        if (s == _sa && IsWord(s) && Lexicon.Prepositions.Contains(W(s)) && !Is(s, "according"))
            for (int m = e - 2; m > s + 1; m--)
                if (Is(m, "a") || Is(m, "an") || Is(m, "the")) { s = m; break; }
        if (IsWord(s) && Lexicon.Prepositions.Contains(W(s)) && !Is(s, "according") && char.IsUpper(_t[_toks[s].S]) && !Cap(s + 1)) return (-1, -1);
        return (s, e);
    }

    /// <summary>A person-like name run: two or more capitalised words (not only titles, months or weekdays), or one
    /// that is the surname of a person named in the article.</summary>
    bool HasNameWord(int s, int e)
    {
        int names = 0;
        for (int m = s; m < e; m++)
            if (Cap(m) && !In(m, Lexicon.TitleWords) && !IsMonthWord(W(m)) && !IsTimeWord(W(m)) && !Lexicon.Weekdays.Contains(W(m))) names++;
        if (names >= 2) return true;
        return names == 1 && e - s == 1 && _spk.IsKnownSurname(Speakers.StripPossessive(W(s).ToString())) || names == 1 && e - s > 1;
    }

    /// <summary>True when the phrase [s, end) opens like an adjunct: a preposition or a bare plural noun run.</summary>
    bool LeadsWithAdjunct(int s, int end)
    {
        // "After the talks Smith": the scan stopped at a subordinator; "Following talks ... Lawson": it opens the phrase
        if (s > _sa && _toks[s - 1].Kind == TokKind.Word && (Lexicon.Prepositions.Contains(W(s - 1)) || Lexicon.SubjectStoppers.Contains(W(s - 1)))) return true;
        return IsWord(s) && Lexicon.Prepositions.Contains(W(s)) && !Is(s, "according");
    }

    bool IsDescriptorIn(int k) => k > _sa && (In(k - 1, Lexicon.PersonNouns) || In(k - 1, Lexicon.CollectiveNouns) || In(k - 1, Lexicon.OrgNouns) || Cap(k - 1)) && Cap(k + 1);

    // ------------------------------------------------------------------ accusations in a gapped noun phrase, and their denials

    static readonly WordSet GappedAccusationVerbs = new(["blame", "blames", "blamed", "attribute", "attributes", "attributed",
        "accuse", "accuses", "accused"]);
    static readonly WordSet EventDeterminers = new(["a", "an", "the", "another"]);
    static readonly WordSet AccusationLemmas = new(["blame", "accuse", "allege", "attribute"]);
    static readonly WordSet DeniedPronouns = new(["it", "this", "that", "them"]);
    static readonly WordSet AccusationNouns = new(["charge", "charges", "accusation", "accusations", "allegation", "allegations", "claim", "claims"]);
    static readonly WordSet AccusationNounDeterminers = new(["the", "that", "this", "these", "those", "such"]);

    /// <summary>A reduced object relative with an accusation verb: "an attack police blame on rebels", "a fire the
    /// company attributed to arson", "a massacre rights groups accuse the army of". No "that"/"which" opens it, so the
    /// subject sits between the head noun phrase and the verb, and the verb's object is the gap: the preposition follows
    /// the verb directly. The whole noun phrase is the content (it spans the speaker, so it stays an exact substring).
    /// Tight on purpose: a determiner-led lower-case noun phrase, a speaker-like subject, and a complement that ends at
    /// punctuation; "X blamed Y on Z" and passives ("an attack blamed on rebels") do not match.</summary>
    Site? ReducedAccusation(int v)
    {
        if (!In(v, GappedAccusationVerbs) || Cap(v) || _in[v]) return null;
        string lw = W(v).ToString().ToLowerInvariant();
        int c = v + 1, end;
        if (lw.StartsWith("accuse"))
        {
            int of = c;
            while (of < _sb && of < c + 7 && IsWord(of) && !_in[of] && !Is(of, "of") && !In(of, Lexicon.BeForms)) of++;
            if (!Is(of, "of") || of == c) return null;
            end = of + 1;
        }
        else
        {
            if (!Is(c, lw.StartsWith("blame") ? "on" : "to")) return null;
            end = c + 1;
            while (end < _sb && end < c + 12 && IsWord(end) && !_in[end] && !GapComplementStops(end)) end++;
            if (end == c + 1) return null;
        }
        if (end < _sb && !(_toks[end].Kind is TokKind.Comma or TokKind.Stop or TokKind.Semi or TokKind.Colon or TokKind.Dash or TokKind.CloseParen))
            return null;
        // the verb group: "have long blamed"
        int b = v - 1;
        while (b >= _sa && InLower(b, Lexicon.AuxAdverbs) && !Is(b, "that") && !In(b, Lexicon.BeForms)) b--;
        if (In(b, Lexicon.BeForms)) return null;   // "an attack (that) was blamed on": a passive, no speaker
        int subjE = b + 1;
        // the shortest speaker-like subject preceded by a determiner-led lower-case noun phrase
        for (int s = subjE - 1; s >= _sa && s >= subjE - 6; s--)
        {
            if (!GappedSubject(s, subjE)) continue;
            int h = s - 1;
            while (h >= _sa && h > s - 5 && IsWord(h) && !_in[h] && char.IsLower(_t[_toks[h].S]) && !EndsPossessive(h) && !EventDeterminers.Contains(W(h))
                   && !In(h, Lexicon.Determiners) && !In(h, Lexicon.Prepositions) && !In(h, Lexicon.SubjectStoppers) && !In(h, Lexicon.BeForms)
                   && !In(h, Lexicon.Pronouns) && !In(h, Lexicon.AuxAdverbs) && !Lexicon.Lookup.ContainsKey(W(h)) && !Is(h, "of")) h--;
            if (h == s - 1 || !IsWord(h) || !EventDeterminers.Contains(W(h))) continue;
            var cue = Lexicon.Lookup.TryGetValue(W(v), out var known) ? known with { Ambiguous = false, Participle = false }
                : new Cue(CueKind.Say, lw.StartsWith("blame") ? "blame" : lw.StartsWith("attribute") ? "attribute" : "accuse", false, false);
            return new Site
            {
                Cue = v, CueFirst = subjE, CueLast = v, Info = cue, Kind = "reduced",
                SubjS = s, SubjE = subjE, RegionStart = h, ContentEnd = end,
            };
        }
        return null;
    }

    bool GapComplementStops(int m) =>
        char.IsLower(_t[_toks[m].S]) && (W(m).EndsWith("ed") && W(m).Length > 3 || In(m, Lexicon.Prepositions) || In(m, Lexicon.AuxAdverbs))
        || In(m, Lexicon.BeForms) || Lexicon.Lookup.ContainsKey(W(m)) || Is(m, "which") || Is(m, "who") || Is(m, "that") || Is(m, "whom")
        || Is(m, "has") || Is(m, "have") || Is(m, "had") || Is(m, "will") || Is(m, "would") || Is(m, "but");

    /// <summary>The subject of a gapped relative: a name, a determiner phrase, a pronoun or a source noun ("police").</summary>
    bool GappedSubject(int s, int e)
    {
        if (e <= s) return false;
        bool anyCap = false;
        for (int m = s; m < e; m++)
        {
            if (!IsWord(m) || _in[m]) return false;
            if (In(m, Lexicon.Prepositions) && !Is(m, "of") || In(m, Lexicon.SubjectStoppers) || In(m, Lexicon.BeForms)
                || Lexicon.Lookup.ContainsKey(W(m)) || Is(m, "which") || Is(m, "who")) return false;
            if (Cap(m)) anyCap = true;
        }
        if (In(e - 1, Lexicon.Determiners)) return false;
        bool first = Cap(s) || In(s, Lexicon.Determiners) || In(s, Lexicon.Pronouns) || SourceNoun(s);
        if (!first) return false;
        if (!anyCap && !In(e - 1, Lexicon.Pronouns) && !SourceNoun(e - 1)) return false;
        if (In(s, Lexicon.Pronouns) && e - s > 1) return false;
        return LooksLikeSpeaker(s, e);
    }

    bool SourceNoun(int m)
    {
        if (!IsWord(m)) return false;
        var w = W(m).ToString().ToLowerInvariant();
        return Lexicon.PersonNouns.Contains(w) || Lexicon.CollectiveNouns.Contains(w) || Lexicon.OrgNouns.Contains(w)
               || w.EndsWith('s') && Lexicon.PersonNouns.Contains(w[..^1]);
    }

    int BuildReduced(Site s)
    {
        var d = new Draft
        {
            Paragraph = _para, CueS = _toks[s.CueFirst].S, CueE = _toks[s.Cue].E, Cue = s.CueText ?? Text(s.CueFirst, s.Cue + 1), Lemma = s.Info.Lemma,
            SpkS = _toks[s.SubjS].S, SpkE = _toks[s.SubjE - 1].E, EvidS = _toks[_sa].S, EvidE = _toks[_sb - 1].E,
        };
        d.SpeakerText = _t[d.SpkS..d.SpkE];
        var speaker = _spk.Resolve(d.SpeakerText);
        if (speaker.Final.Name == "unknown") return 0;
        d.Speaker = speaker;
        _lastEmitEnd = -1;
        int made = Emit(d, s.ContentStart >= 0 ? s.ContentStart : s.RegionStart, s.ContentEnd, s);
        _lastEmitEnd = s.ContentEnd;
        if (made > 0) { _governing = _drafts[^1]; _governingPara = _para; }
        return made;
    }

    /// <summary>The end of a bare denied object at <paramref name="k"/> ("it", "the charges") closed by a comma, a
    /// semicolon or the sentence end, else -1.</summary>
    int BareDenialObject(int k)
    {
        int e = In(k, DeniedPronouns) && !_in[k] ? k + 1
            : In(k, AccusationNounDeterminers) && In(k + 1, AccusationNouns) && !_in[k + 1] ? k + 2
            : In(k, AccusationNouns) && char.IsLower(_t[_toks[k].S]) && !_in[k] ? k + 1 : -1;
        if (e < 0) return -1;
        if (e >= _sb || IsK(e, TokKind.Comma) || IsK(e, TokKind.Semi) || IsK(e, TokKind.Stop) && e + 1 >= _sb) return e;
        return -1;
    }

    /// <summary>"which denies it" / "rejected the charges" right after an accusation in the same sentence: the
    /// accusation statement it answers, or null (then the content stays as written).</summary>
    Draft? DeniedAccusation(int k, int ce, Draft denial)
    {
        int e = BareDenialObject(k);
        if (e <= k || e > ce) return null;
        if (_drafts.Count == 0) return null;
        var acc = _drafts[^1];
        if (acc.EvidS != _toks[_sa].S || acc.Paragraph != _para || acc.SharesContent || !AccusationLemmas.Contains(acc.Lemma)) return null;
        if (acc.ContentE > denial.CueS || denial.CueS - acc.ContentE > 60) return null;
        // unambiguous: the only accusation of the sentence, and nothing but a short link (", which", ", but the army") between
        int accusations = 0;
        foreach (var x in _drafts) if (x.EvidS == acc.EvidS && x.Paragraph == _para && AccusationLemmas.Contains(x.Lemma)) accusations++;
        if (accusations != 1) return null;
        var between = _t.AsSpan(acc.ContentE, denial.CueS - acc.ContentE);
        if (between.IndexOfAny(".;:") >= 0 || between.IndexOfAny("“”\"") >= 0) return null;
        return acc;
    }

    // ------------------------------------------------------------------ building statements

    int Build(Site s, int prevEnd, int cutoff, Site? before)
    {
        if (s.Kind == "reduced") return BuildReduced(s);
        int made = 0;
        var d = new Draft { Paragraph = _para, CueS = _toks[s.CueFirst].S, CueE = _toks[s.Cue].E, Lemma = s.Info.Lemma };
        string cueText = Text(s.CueFirst, s.Cue + 1);
        int k = s.Cue + 1;
        string lw = W(s.Cue).ToString().ToLowerInvariant();

        // speaker
        Entity? speaker = null;
        string speakerText = "";
        int spS = 0, spE = 0;
        switch (s.Kind)
        {
            case "according":
                {
                    int ns = s.Cue + 2, ne = ns;
                    while (ne < _sb && _toks[ne].Kind is TokKind.Word or TokKind.OpenParen or TokKind.CloseParen && !_in[ne])
                    {
                        if (ne > ns && (IsDocOrSourceNoun(ne - 1)) && !Cap(ne) && !(In(ne - 1, Lexicon.DocumentNouns) && (Is(ne, "from") || Is(ne, "by") || Is(ne, "of")))) break;
                        // "a study by the watchdog body COB in January": the date of the document is not its author
                        if (ne > ns + 1 && Is(ne, "in") && IsWord(ne + 1) && (IsMonthWord(W(ne + 1)) || IsTimeWord(W(ne + 1)))) break;
                        ne++;
                    }
                    if (ne == ns) return 0;
                    s.SubjS = ns; s.SubjE = ne;
                    cueText = Text(s.Cue, s.Cue + 2);
                    d.CueE = _toks[s.Cue + 1].E;
                    break;
                }
            case "participle":
                {
                    var main = _drafts.Count > 0 && _drafts[^1].Paragraph == _para && _drafts[^1].EvidS == _toks[_sa].S ? _drafts[^1] : null;
                    if (main is not null)
                    {
                        speaker = main.Speaker; speakerText = main.SpeakerText; spS = main.SpkS; spE = main.SpkE;
                        d.Medium = main.Medium;
                    }
                    else
                    {
                        var (ms, me) = ClauseSubject(s.Cue);
                        if (ms < 0) (ms, me) = MainSubject();
                        if (ms < 0) return 0;
                        s.SubjS = ms; s.SubjE = me;
                    }
                    break;
                }
            case "shared":
                {
                    var main = _drafts.Count > 0 && _drafts[^1].Paragraph == _para && _drafts[^1].EvidS == _toks[_sa].S ? _drafts[^1] : null;
                    if (main is not null) { speaker = main.Speaker; speakerText = main.SpeakerText; spS = main.SpkS; spE = main.SpkE; }
                    else
                    {
                        var (ms, me) = MainSubject();
                        if (ms < 0) return 0;
                        s.SubjS = ms; s.SubjE = me;
                    }
                    break;
                }
        }
        if (speaker is null)
        {
            if (s.SubjS < 0) return 0;
            // "Minister Richard Hu introduced a tax package he said aims at ...": "he" is the person who opens the
            // sentence, whom no earlier statement may have named
            if (s.PronounAfterObject && (Is(s.SubjS, "he") || Is(s.SubjS, "she")) && MainSubject() is var (ms0, me0) && ms0 >= 0)
            {
                // only the capitalised name opening the sentence ("Minister Richard Hu in his speech introduced ...",
                // "Vice Minister Makoto Kuroda leaves ...")
                int end = ms0;
                while (end < me0 && end < s.SubjS && (Cap(end) || In(end, Lexicon.NameParticles))) end++;
                if (end - ms0 >= 2 && Cap(end - 1) && !In(ms0, Lexicon.Pronouns) && !In(ms0, Lexicon.Determiners)) _spk.Resolve(Text(ms0, end));
            }
            spS = _toks[s.SubjS].S; spE = _toks[s.SubjE - 1].E;
            speakerText = _t[spS..spE];
            if (s.Kind == "relative")
            {
                string ant = Text(s.AntS, s.AntE);
                speaker = _spk.Resolve(ant);
            }
            else
            {
                if (!LooksLikeSpeaker(s.SubjS, s.SubjE)) return 0;
                speaker = _spk.Resolve(speakerText, s.Apposition ?? AppositionAfterSubject(s));
                // "Gazprom, which supplies a third of Europe's gas, said": a one-word name the text calls "which", not
                // "who", is a body, not a person known by one name
                if (speaker.Final is { Type: SpeakerTypes.Person } one && !one.Name.Contains(' ') && s.SubjE == s.SubjS + 1 && Cap(s.SubjS)
                    && IsK(s.SubjE, TokKind.Comma) && Is(s.SubjE + 1, "which") && s.SubjE + 1 < s.Cue)
                    one.Type = SpeakerTypes.Organization;
            }
        }
        if (speaker.Final.Name == "unknown") return 0;
        d.SpeakerText = speakerText; d.SpkS = spS; d.SpkE = spE; d.Speaker = speaker;
        d.Via = s.Via;
        // documents as speakers: "the report said" -> medium "report"; "a ... statement said" -> "a statement"
        if (s.SubjS >= 0 && s.SubjE > s.SubjS && IsWord(s.SubjE - 1) && Lexicon.DocumentNouns.Contains(W(s.SubjE - 1)) && s.Kind != "relative")
        {
            string doc = W(s.SubjE - 1).ToString();
            d.Medium = doc is "statement" ? "a statement" : doc;
        }
        else if (s.SubjS >= 0 && s.Kind != "relative" && DocumentBeforeAuthor(s.SubjS, s.SubjE) is { } docB) d.Medium = docB;

        // cue extensions and the recipient: "told Reuters", "said in a statement", "called on", "ruled out"
        if (s.Kind is "forward" or "shared" or "participle" or "relative" or "participle-with" or "inversion" or "quoted")
        {
            if (s.Kind == "quoted") { k = s.CueLast + 1; cueText = (s.CueFirst < s.Cue ? W(s.CueFirst).ToString() + " " : "") + "quoted ... as saying"; d.CueE = _toks[s.CueLast].E; }
            if (lw == "ruled" && Is(k, "out")) { cueText = Text(s.CueFirst, k + 1); d.CueE = _toks[k].E; k++; }
            if (s.Info.Lemma == "call")
            {
                int m = k;
                if (Is(m, "again")) m++;
                if (Is(m, "on") || Is(m, "for")) { cueText = Text(s.CueFirst, m + 1); d.CueE = _toks[m].E; k = m + 1; }
            }
            if (lw == "warning" && Is(k, "of") || lw is "warned" && Is(k, "against") || s.Info.Lemma == "warn" && Is(k, "against"))
            { cueText = Text(s.CueFirst, k + 1); d.CueE = _toks[k].E; k++; }
            if (s.Info.Kind == CueKind.Tell && s.Kind != "inversion")
            {
                int re = Lexicon.NeedThat.Contains(s.Info.Lemma) ? ThatAfterRecipient(k, pronounClause: true)
                    : Recipient(k, trailing: s.SubjS > _sa && (IsK(s.SubjS - 1, TokKind.Comma) || IsK(s.SubjS - 1, TokKind.CloseQ)));
                if (re > k)
                {
                    d.Medium = Speakers.ShortMedium(Text(k, re));
                    cueText = Text(s.CueFirst, re);
                    d.CueE = _toks[re - 1].E;
                    k = re;
                }
            }
        }
        if (s.PhraseEnd > k)
        {
            cueText = Text(s.CueFirst, s.PhraseEnd);
            d.CueE = _toks[s.PhraseEnd - 1].E;
            k = s.PhraseEnd;
        }
        k = SkipAdjuncts(k, d, ref cueText, s);
        if (InterruptedQuotation(s, k, prevEnd, cutoff, d, cueText, ref made)) return made;
        if (IsK(k, TokKind.Comma) && IsK(k + 1, TokKind.OpenQ) && s.Kind is not "inversion" && !(s.SubjS > _sa && IsK(s.SubjS - 1, TokKind.CloseQ))) k++;
        if (s.Kind == "inversion") k = Math.Max(k, s.SubjE);
        bool skippedThat = false;
        // "told the National People's Congress, China's parliament, that ...": an appositive to the recipient
        if (IsK(k, TokKind.Comma) && s.Info.Kind == CueKind.Tell && s.Kind != "inversion")
            for (int m = k + 1; m < _sb && m < k + 10 && !_in[m]; m++)
            {
                if (IsK(m, TokKind.Comma)) { if (Is(m + 1, "that")) k = m + 1; break; }
                if (!IsWord(m)) break;
            }
        // "told reporters that was not good enough": "that" before a verb is the demonstrative subject, not a complementizer
        if (Is(k, "that") && s.Kind != "inversion" && !(In(k + 1, Lexicon.BeForms) || In(k + 1, FiniteAux))) { k++; skippedThat = true; }
        // "said that, contrary to ..., the tax was not touched": the complement starts after the comma
        if (skippedThat && IsK(k, TokKind.Comma) && k + 1 < cutoff) k++;
        if (s.Kind == "according")
        {
            k = s.SubjE;
            // "According to a document seen by Reuters, the group ...": a participle phrase on the source, up to the
            // comma, is not what it says
            string? onSource = null;
            if (IsWord(k) && char.IsLower(_t[_toks[k].S]) && !_in[k] && (W(k).EndsWith("ed") || SourceParticiples.Contains(W(k))))
            {
                int m = k + 1;
                while (m < _sb && m < k + 10 && (IsWord(m) || _toks[m].Kind is TokKind.OpenParen or TokKind.CloseParen) && !_in[m]) m++;
                if (IsK(m, TokKind.Comma) && m + 1 < _sb) { onSource = Text(k, m); k = m; }
            }
            if (Is(k, "in") && IsWord(k + 1) && (IsMonthWord(W(k + 1)) || IsTimeWord(W(k + 1))))
            {
                k += 2;
                if (IsWord(k) && char.IsDigit(_t[_toks[k].S])) k++;   // "in February 1986"
            }
            if (IsK(k, TokKind.Comma)) k++;
            d.SpeakerText = Text(s.SubjS, s.SubjE);
            var docEnt = _spk.Resolve(d.SpeakerText, onSource);
            d.Speaker = docEnt;
            speaker = docEnt;
            if (IsWord(s.SubjE - 1) && Lexicon.DocumentNouns.Contains(W(s.SubjE - 1))) d.Medium = W(s.SubjE - 1).ToString();
            else if (DocumentBeforeAuthor(s.SubjS, s.SubjE) is { } docA) d.Medium = docA;
        }

        int evS = _toks[_sa].S, evE = _toks[_sb - 1].E;
        d.EvidS = evS; d.EvidE = evE;
        d.Cue = cueText;

        // content: forward (after the cue) or trailing (before the speaker)
        bool hasPrefix = s.SubjS > _sa && s.SubjS - 1 >= prevEnd && (IsK(s.SubjS - 1, TokKind.Comma) || IsK(s.SubjS - 1, TokKind.CloseQ))
                         && s.Kind is "forward" && !LeadingAdjunctOnly(prevEnd, s.SubjS - 1);
        bool forwardContent = k < cutoff && !(IsK(k, TokKind.Stop) && k + 1 >= _sb) && !IsK(k, TokKind.Comma)
                              && !(hasPrefix && !skippedThat && StartsAdjunct(k))
                              // "..., they said but the larger the contract, ...": a trailing attribution before a coordinator
                              && !(hasPrefix && !skippedThat && (Is(k, "but") || Is(k, "and") || Is(k, "while") || Is(k, "whereas")) && !_in[k])
                              && s.Kind is not "inversion";
        if (!forwardContent && s.Kind is "participle" or "participle-lead" or "participle-with" or "shared" or "relative" or "quoted") return 0;
        if (s.Kind == "according" && s.Cue > _sa && s.Cue - 1 >= prevEnd && IsK(s.Cue - 1, TokKind.Comma))
            forwardContent = false;
        if (forwardContent && IsK(k, TokKind.Colon))
        {
            // "X said: “...”" -> one direct statement; "X said Y: “...”" handled by colon cut below
            k++;
            if (hasPrefix)
            {
                var d0 = Clone(d);
                made += Emit(d0, Math.Max(prevEnd, _sa), s.SubjS, s);
            }
            // "In a statement at the meeting, he said: “...”": the leading venue is the medium
            else if (s.SubjS > _sa && IsK(s.SubjS - 1, TokKind.Comma)) MediumAdjunct(Math.Max(prevEnd, _sa), s.SubjS - 1, d);
            if (k >= cutoff)
            {
                // "Asked about ..., he said:" -> the quote in the next paragraph is the statement
                _pendingColon = d;
                _governing = d; _governingPara = _para;
                return 0;
            }
        }
        if (forwardContent)
        {
            int end = Math.Min(cutoff, _sb);
            // stop at a colon that introduces a quotation: the quote is its own statement
            int colon = -1;
            for (int m = k; m < end; m++)
                if (_toks[m].Kind == TokKind.Colon && !_in[m] && IsK(m + 1, TokKind.OpenQ)) { colon = m; break; }
            int ce = colon >= 0 ? colon : end;
            // "summed up the outlook: “...”": the phrase before the colon names the quote, it is not a paraphrase
            if (colon >= 0 && s.Info.Lemma == "sum up") ce = k;
            if (s.SubjS > _sa && Is(s.SubjS - 1, "what") && In(k, Lexicon.BeForms))
            {
                k++;
                for (int m = k; m < ce; m++) if (_toks[m].Kind == TokKind.Comma) { ce = m; break; }
            }
            // "criticised the decision but the unions gave it qualified approval": a contrast ends the noun phrase too
            if (NounComplementLemmas.Contains(s.Info.Lemma))
                for (int m = k + 1; m < ce; m++)
                    if ((_toks[m].Kind is TokKind.Comma or TokKind.Semi || (Is(m, "but") || Is(m, "whereas")) && !In(m + 1, NounPhraseContrast)
                         // "voiced its understanding for the strike while calling for a halt": a participle after "while" is the
                         // speaker's next act
                         || Is(m, "while") && IsWord(m + 1) && W(m + 1).EndsWith("ing", StringComparison.Ordinal)) && !_in[m]) { ce = m; break; }
            for (int m = k + 1; m + 1 < ce; m++)
                if (_toks[m].Kind is TokKind.Comma or TokKind.Semi && !_in[m] && Is(m + 1, "but") && IsWord(m + 2)
                    && Is(m + 2, "there"))
                { ce = m; break; }
            // "said it was in talks, but declined to give details" / "but gave no reason": the speaker's refusal, coordinated
            // with the cue, is narration, not part of what was said
            // (also with the speaker's pronoun: "..., but he gave no time-scale")
            for (int m = k + 1; m + 2 < ce; m++)
                if ((Is(m, "but") || Is(m, "and")) && !_in[m] && (RefusalAt(m + 1) || In(m + 1, SubjectPronouns) && RefusalAt(m + 2)))
                { ce = IsK(m - 1, TokKind.Comma) ? m - 1 : m; break; }
            // ", which Hauri said had been planned for years, was given ...": the gapped relative ends at its comma
            if (s.Kind == "forward" && (Is(s.SubjS - 1, "which") || Is(s.SubjS - 1, "that")) && IsK(s.SubjS - 2, TokKind.Comma) && IsGappedVerb(k))
                for (int m = k + 1; m < ce; m++)
                    if (_toks[m].Kind == TokKind.Comma && !_in[m]) { ce = m; break; }
            if (s.Info.Lemma is "deny" or "reject" && colon < 0 && DeniedAccusation(k, ce, d) is { } accusation)
            {
                // "..., an attack police blame on rebels, which deny it": what is denied is the accusation itself
                d.ContentS = accusation.ContentS; d.ContentE = accusation.ContentE; d.Mode = accusation.Mode;
                d.SharesContent = true;
                _lastEmitEnd = ce;
                _drafts.Add(d);
                made++;
            }
            else if (s.AnswersAccusation) return 0;   // no unambiguous accusation: nested as before, not reported
            else made += Emit(d, k, ce, s);
            if (colon >= 0)
            {
                // a quote after the colon with no cue of its own: same cue, direct
                int qs = colon + 1;
                bool ownCue = false;
                for (int m = qs; m < _sb; m++) if (!_in[m] && _toks[m].Kind == TokKind.Word && Lexicon.Lookup.ContainsKey(W(m)) && (Is(m, "said") || Is(m, "says") || Is(m, "added"))) ownCue = true;
                if (!ownCue)
                {
                    var d2 = Clone(d);
                    made += Emit(d2, qs, _sb, s);
                }
            }
        }
        else
        {
            int cs = Math.Max(prevEnd, _sa);
            int ce = s.Kind == "inversion" ? s.Cue : (s.SubjS >= 0 ? s.SubjS : s.Cue);
            if (s.Kind == "according") ce = s.Cue;
            if (s.Kind == "relative") return 0;
            // "On a store basis, the company said, sales rose.": the content runs on after the cue, so it spans the
            // interrupting attribution (an exact substring); "In a statement, X said, ..." names the medium instead
            if (s.Kind == "forward" && IsK(k, TokKind.Comma) && cutoff >= _sb && WordsBetween(k + 1, _sb) >= 3 && !IsK(k + 1, TokKind.OpenQ)
                && (OpensClause(k + 1) && (ce <= cs || OnlyOpener(cs, s.SubjS - 1)) || s.SubjS - 1 > cs && ContinuesBareOpener(cs, s.SubjS - 1, k + 1)))
            {
                // "He added, a planned reform ... was an important step": nothing before the subject, the content follows
                if (ce <= cs || LeadingAdjunctOnly(cs, s.SubjS - 1) && s.SubjS - 1 <= cs) cs = k + 1;
                else if (MediumAdjunct(cs, s.SubjS - 1, d)) cs = k + 1;
                // "In addition, she said, many nations ...": only the narrator's connective stands before the attribution
                else if (NarratorConnective(cs) >= s.SubjS) cs = k + 1;
                ce = _sb;
            }
            // leading adjunct of the sentence is not content: "In a speech, X said ..." has none
            made += Emit(d, cs, ce, s);
        }
        if (made > 0)
        {
            _governing = _drafts[^1];
            _governingPara = _para;
        }
        return made;
    }

    /// <summary>“A,” he said, “B.” (also "A," said X, "B." and "If ..., it said, “B”"): an attribution that interrupts
    /// one statement whose second part is a quotation running to the end of the sentence. The content spans the
    /// interruption so that it stays an exact substring (guidelines A.8): direct when both parts are quoted, else mixed.</summary>
    bool InterruptedQuotation(Site s, int k, int prevEnd, int cutoff, Draft d, string cueText, ref int made)
    {
        if (s.Kind is not ("forward" or "inversion") || cutoff < _sb) return false;
        int attrS = s.Kind == "inversion" ? Math.Min(s.CueFirst, s.SubjS) : s.SubjS;
        if (s.Kind == "inversion") k = Math.Max(k, s.SubjE);
        int before = attrS - 1, cs = Math.Max(prevEnd, _sa);
        if (attrS <= _sa || before <= cs || !(IsK(before, TokKind.Comma) || IsK(before, TokKind.CloseQ))) return false;
        if (!IsK(k, TokKind.Comma) || !IsK(k + 1, TokKind.OpenQ)) return false;
        // the second part is a quotation that ends the sentence (an unclosed one runs to the end of the paragraph)
        int open2 = k + 1, close2 = _close[open2];
        if (close2 == _toks.Count ? _sb != _toks.Count : close2 < _sb - 2 || close2 >= _sb || close2 == _sb - 2 && _toks[_sb - 1].Kind != TokKind.Stop) return false;
        if (WordsBetween(open2, Math.Min(close2, _sb)) < 1) return false;
        // the first part: a quotation closed just before the attribution ("“A,” he said" or "“A”, he said"), or an
        // unquoted clause that is not the attribution's own setting ("In a statement, he said, “...”")
        bool quotedA = IsK(cs, TokKind.OpenQ) && (_close[cs] == before || _close[cs] == before - 1 && IsK(before, TokKind.Comma));
        if (!quotedA)
        {
            for (int m = cs; m < before; m++) if (_toks[m].Kind is TokKind.OpenQ or TokKind.CloseQ) return false;
            if (!IsK(before, TokKind.Comma) || WordsBetween(cs, before) < 3 || LeadingAdjunctOnly(cs, before) || MediumAdjunct(cs, before, new Draft())) return false;
            // the quotation goes on with the sentence (a lower-case word), and what stands before the attribution is a clause
            // of the statement, not the setting of the remark: no participle ("Commenting on ...,", "Pressed for comment,",
            // "When asked ...,"), no prepositional phrase, no name with its appositive ("X, analyst with Y, said")
            if (!IsWord(open2 + 1) || !char.IsLower(_t[_toks[open2 + 1].S])) return false;
            int f = cs;
            if (Is(f, "but") || Is(f, "and") || Is(f, "yet")) f++;
            if (IsK(f, TokKind.Comma)) f++;
            for (int m = f; m < before; m++) if (_toks[m].Kind != TokKind.Word) return false;
            if (!IsWord(f)) return false;
            var w0 = W(f).ToString().ToLowerInvariant();
            if (w0.EndsWith("ing") || w0 is "when" or "while" or "after" or "before" or "asked" or "regarding" or "concerning" or "despite"
                || Lexicon.Prepositions.Contains(w0) && w0 is not ("this" or "last" or "next" or "late" or "early" or "earlier" or "later")) return false;
            if (w0.EndsWith("ed") && (In(f + 1, Lexicon.Prepositions) || Is(f + 1, "that") || Is(f + 1, "whether") || Is(f + 1, "if") || In(f + 1, Lexicon.Determiners))) return false;
        }
        d.EvidS = _toks[_sa].S; d.EvidE = _toks[_sb - 1].E;
        d.Cue = cueText;
        if (quotedA)
        {
            int ce = close2 == _toks.Count ? _sb : close2;
            while (ce > open2 + 1 && _toks[ce - 1].Kind is TokKind.Comma or TokKind.Semi or TokKind.Dash) ce--;
            d.ContentS = _toks[cs + 1].S; d.ContentE = _toks[ce - 1].E;
            d.Mode = StatementMode.Direct;
            _drafts.Add(d);
            _lastEmitEnd = _sb;
            made++;
        }
        else made += Emit(d, cs, _sb, s);
        if (made > 0) { _governing = _drafts[^1]; _governingPara = _para; }
        return true;
    }

    /// <summary>A word that can open a main clause after ", X said," (not "alluding to", "without", "but", "adding").</summary>
    bool OpensClause(int m)
    {
        if (!IsWord(m) || _in[m]) return false;
        var w = W(m).ToString();
        if (char.IsLower(w[0]) && (w.EndsWith("ing") || w.EndsWith("ly") || w.EndsWith("ed"))) return false;
        if (Lexicon.Prepositions.Contains(w) || Lexicon.SubjectStoppers.Contains(w) || w is "which" or "who" or "whose" or "citing" or "according") return false;
        return true;
    }

    /// <summary>"Refiners, he said, appeared to ...", "But, he said, proposed cuts would ...": before the attribution only
    /// a bare noun phrase or a connective (no verb), so a lower-case -ed / -ly word after it goes on with the same clause,
    /// where after a full clause ("Sales rose, it said, adding ...") OpensClause rightly refuses it.</summary>
    bool ContinuesBareOpener(int from, int comma, int m)
    {
        if (!IsWord(m) || _in[m] || Cap(m) || WordsBetween(from, comma) > 4 || Lexicon.Prepositions.Contains(W(from))) return false;
        var w = W(m).ToString();
        if (!(w.EndsWith("ed") || w.EndsWith("ly"))) return false;
        for (int x = from; x < comma; x++)
        {
            if (!IsWord(x) || _in[x] || In(x, Lexicon.BeForms) || In(x, FiniteAux)) return false;
            if (!Cap(x) && W(x).EndsWith("ed")) return false;
        }
        return true;
    }

    /// <summary>True when [from, comma) only opens a sentence (an adjunct, a subordinate clause or a few words) so the
    /// main clause follows the attribution: "Last year, the report noted, ..." but not "“Quote,” she added, a reference to ...".</summary>
    bool OnlyOpener(int from, int comma)
    {
        if (comma <= from) return true;
        for (int m = from; m < comma; m++) if (_toks[m].Kind is TokKind.OpenQ or TokKind.CloseQ) return false;
        if (LeadingAdjunctOnly(from, comma)) return true;
        if (IsWord(from) && W(from).ToString().ToLowerInvariant() is "if" or "when" or "although" or "though" or "while" or "since"
                or "because" or "once" or "unless" or "whether" or "until" or "nevertheless" or "still" or "instead") return true;
        return WordsBetween(from, comma) <= 4;
    }

    int WordsBetween(int a, int b)
    {
        int n = 0;
        for (int m = a; m < b; m++) if (_toks[m].Kind == TokKind.Word) n++;
        return n;
    }

    /// <summary>"In a statement ...", "In an interview with ...": a leading phrase that names the venue in its first words.</summary>
    bool OpensWithVenue(int from)
    {
        if (!Is(from, "in") || !(Is(from + 1, "a") || Is(from + 1, "an"))) return false;
        for (int m = from + 2; m <= from + 4 && IsWord(m) && !_in[m]; m++)
        {
            if (In(m, VenueNouns)) return true;
            if (In(m, Lexicon.Prepositions) || Is(m, "of")) return false;
        }
        return false;
    }

    /// <summary>"In an earlier statement," before the subject: the venue of the attribution (sets the medium), not content.</summary>
    bool MediumAdjunct(int from, int comma, Draft d)
    {
        if (comma > from + 8 && OpensWithVenue(from) && IsK(comma, TokKind.Comma))
        {
            int v = from + 2;
            while (!In(v, VenueNouns)) v++;
            d.Medium ??= W(v).Equals("statement", StringComparison.OrdinalIgnoreCase) ? "a statement" : Text(from + 1, v + 1);
            return true;
        }
        if (comma <= from || comma - from > 8 || !Is(from, "in") || !IsK(comma, TokKind.Comma)) return false;
        var last = W(comma - 1).ToString().ToLowerInvariant();
        if (last is not ("statement" or "speech" or "interview" or "letter" or "communique")) return false;
        d.Medium ??= last is "statement" ? "a statement" : Text(from + 1, comma);
        return true;
    }

    /// <summary>"In a speech," / "On Tuesday evening," / "Asked about ...," before the subject: not content.</summary>
    bool LeadingAdjunctOnly(int from, int comma)
    {
        if (comma <= from) return true;
        if (!IsWord(from)) return false;
        if (Is(from, "asked")) return true;
        // "In a statement at a White House meeting with Senate Republicans on the bill, he said: ...": a venue
        // phrase may run long
        if (comma - from > 12 && !(comma - from <= 30 && OpensWithVenue(from))) return false;
        for (int m = from; m < comma; m++) if (_toks[m].Kind is TokKind.OpenQ or TokKind.CloseQ) return false;
        var w = W(from).ToString();
        return Lexicon.Prepositions.Contains(w) || w is "Asked" or "Speaking" or "Separately" or "Earlier" or "Later" or "However" or "Meanwhile" or "Compounding" or "Last" or "Since";
    }

    /// <summary>"a statement from the union" / "figures from the bureau": the document noun as medium, else null.</summary>
    string? DocumentBeforeAuthor(int s, int e)
    {
        for (int k = s; k < e - 2 && k < s + 5; k++)
        {
            if (!In(k, Lexicon.DocumentNouns)) continue;
            int a = k + 1;
            if (Is(a, "issued") || Is(a, "released") || Is(a, "published")) a++;
            if (!(Is(a, "from") || Is(a, "by") || Is(a, "of")) || a + 1 >= e) return null;
            string doc = W(k).ToString().ToLowerInvariant();
            return doc is "statement" ? "a statement" : doc;
        }
        return null;
    }

    bool IsDocOrSourceNoun(int i) => IsWord(i) && (Lexicon.DocumentNouns.Contains(W(i)) || Is(i, "sources") || Is(i, "officials"));

    string? AppositionAfterSubject(Site s)
    {
        if (s.SubjE < s.Cue && IsK(s.SubjE, TokKind.Comma))
        {
            // "The report, published on Monday by the energy agency, said": the phrase on a document names its author
            if (IsWord(s.SubjE - 1) && Lexicon.DocumentNouns.Contains(W(s.SubjE - 1)) && IsWord(s.SubjE + 1) && W(s.SubjE + 1).EndsWith("ed"))
            {
                int m = s.SubjE + 1;
                while (m < s.Cue && IsWord(m) && !_in[m]) m++;
                return Text(s.SubjE + 1, m);
            }
            return AppositionAfter(s.SubjE);
        }
        return null;
    }

    static bool IsAgentNoun(ReadOnlySpan<char> w) => Lexicon.IsAgentNoun(w);

    bool LooksLikeSpeaker(int s, int e)
    {
        if (e - s > 22) return false;
        // "Some believe ...", "Many expect ...": a quantifier standing for people
        if (e - s == 1 && (Is(s, "some") || Is(s, "many") || Is(s, "most") || Is(s, "others"))) return true;
        // "a cocoa merchant", "an industry lobbyist": one person described by a noun outside the lists; the
        // indefinite article and a lower-case agent noun (-er, -or, -ist, -ant, -ent, -ian, -man) make it a source
        if (e - s is >= 2 and <= 5 && (Is(s, "a") || Is(s, "an") || Is(s, "the")) && IsWord(e - 1) && char.IsLower(_t[_toks[e - 1].S])
            && W(e - 1) is { Length: > 4 } last && IsAgentNoun(last) && !Lexicon.DocumentNouns.Contains(last)) return true;
        // needs a capitalised word, a pronoun, or a source noun
        for (int k = s; k < e; k++)
        {
            if (Cap(k) && !(k == s && (In(k, Lexicon.Determiners) || Is(k, "but") || Is(k, "and")))) return true;
            if (In(k, Lexicon.Pronouns) || Is(k, "who") || Is(k, "which")) return true;
            var w = W(k).ToString();
            if (Lexicon.PersonNouns.Contains(w) || Lexicon.CollectiveNouns.Contains(w) || Lexicon.DocumentNouns.Contains(w)) return true;
            if (w.EndsWith('s') && Lexicon.PersonNouns.Contains(w[..^1])) return true;
            // "According to several reports", "several newspapers said": plural documents and bodies as the head
            if (k == e - 1 && w.EndsWith('s') && w.Length > 3 && (Lexicon.DocumentNouns.Contains(w[..^1]) || Lexicon.OrgNouns.Contains(w[..^1]))) return true;
            if (Lexicon.OrgNouns.Contains(w)) return true;
            // "businessmen said", "Some industrialists said", "underwriters said": a plural agent noun outside the
            // lists heads an unnamed group
            if (k == e - 1 && k > s - 1 && char.IsLower(w[0]) && IsPluralAgentNoun(w)) return true;
        }
        return false;
    }

    /// <summary>"businessmen", "seamen", "underwriters", "growers", "arbitragers": plural nouns for people by their ending.</summary>
    static bool IsPluralAgentNoun(string w) =>
        w.Length > 5 && w.EndsWith("men", StringComparison.Ordinal) && !w.EndsWith("ments", StringComparison.Ordinal)
        || w.Length > 5 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && IsAgentNoun(w.AsSpan(0, w.Length - 1));

    /// <summary>The subject of the sentence's main clause (for participles with no attribution before them).</summary>
    (int, int) MainSubject()
    {
        int s = _sa;
        if (Is(s, "however") || Is(s, "but") || Is(s, "and") || Is(s, "meanwhile") || Is(s, "still")) { s++; if (IsK(s, TokKind.Comma)) s++; }
        // skip a leading adjunct "On Tuesday," / "In a speech,"
        if (IsWord(s) && Lexicon.Prepositions.Contains(W(s)))
        {
            int c = s;
            while (c < _sb && _toks[c].Kind != TokKind.Comma) c++;
            if (c < _sb && c - s < 8) s = c + 1;
        }
        int e = s;
        while (e < _sb && _toks[e].Kind is TokKind.Word or TokKind.OpenParen or TokKind.CloseParen && !_in[e])
        {
            var w = W(e).ToString();
            // "Others who run bond funds agreed ... and said": a restrictive relative runs to the main verb
            if (e > s && w is "who")
            {
                int m = e + 2;
                while (m < _sb && m < e + 10 && IsWord(m) && !_in[m] && char.IsLower(_t[_toks[m].S])
                       && !(W(m).EndsWith("ed") || Lexicon.Lookup.ContainsKey(W(m)) || In(m, FiniteAux) || In(m, Lexicon.BeForms))) m++;
                if (m < _sb && m < e + 10 && IsWord(m) && m > e + 1) e = m;
                break;
            }
            if (e > s && char.IsLower(w[0]) && !Lexicon.Determiners.Contains(w) && !Lexicon.PersonNouns.Contains(w) && !Lexicon.CollectiveNouns.Contains(w)
                && !(w is "of" or "the" or "and" or "for") && !Cap(e - 1 + 0) ) break;
            if (e > s && char.IsLower(w[0]) && (Lexicon.AuxAdverbs.Contains(w) || w.EndsWith("ed"))) break;
            e++;
        }
        return e > s && LooksLikeSpeaker(s, e) ? (s, e) : (-1, -1);
    }

    /// <summary>The subject of the nearest finite clause before a participle: a capitalised phrase (or pronoun)
    /// right before a past-tense or present verb ("France delivered a rebuke ..., demanding").</summary>
    (int, int) ClauseSubject(int participle)
    {
        for (int v = participle - 2; v > _sa; v--)
        {
            if (!IsWord(v) || _in[v]) continue;
            var w = W(v).ToString();
            if (!char.IsLower(w[0])) continue;
            bool verb = (w.EndsWith("ed") && w.Length > 4 && !Lexicon.PersonNouns.Contains(w)) || Lexicon.Lookup.ContainsKey(w);
            if (!verb) continue;
            int b = v - 1;
            while (b >= _sa && In(b, Lexicon.AuxAdverbs)) b--;
            if (IsK(b, TokKind.Comma)) { b--; while (b >= _sa && In(b, Lexicon.AuxAdverbs)) b--; }
            if (!(Cap(b) || In(b, Lexicon.Pronouns))) continue;
            var (s, e) = NounPhraseBefore(b + 1);
            if (s >= 0 && LooksLikeSpeaker(s, e)) return (s, e);
        }
        return (-1, -1);
    }

    /// <summary>Whether the cue at <paramref name="cue"/> heads a main clause: its subject opens the sentence or follows a
    /// comma, a quotation or "and"/"but", not a subordinator ("after the authorities assured ...").</summary>
    bool MainClauseCue(int cue)
    {
        int b = cue - 1;
        while (b >= _sa && InLower(b, Lexicon.AuxAdverbs)) b--;
        var (ns, _) = NounPhraseBefore(b + 1);
        if (ns < 0) return false;
        int before = ns - 1;
        return before < _sa || IsK(before, TokKind.Comma) || IsK(before, TokKind.CloseQ) || Is(before, "and") || Is(before, "but");
    }

    /// <summary>"informed the Securities and Exchange Commission that": the "that" after a short recipient, else -1.</summary>
    int ThatAfterRecipient(int k, bool pronounClause = false)
    {
        for (int m = k; m < _sb && m < k + 10; m++)
        {
            if (Is(m, "that")) return m > k ? m : -1;
            // "assured a meeting of trade ministers it is ready ...", "informed its creditors it had ...": the clause may
            // start with its subject pronoun and a finite verb, without "that"
            // (not after "me"/"us", a sign of speech quoted, nor in a clause that hangs on a time word: "after the
            // authorities assured them they would ...", nested in the report around it)
            if (pronounClause && m > k && In(m, SubjectPronouns) && !Cap(m) && (In(m + 1, FiniteAux) || InLower(m + 1, Lexicon.BeForms))
                && !(Is(k, "me") || Is(k, "us")) && MainClauseCue(k - 1))
                return m;
            if (!IsWord(m) || _in[m]) return -1;
            if (Is(m, "to") && IsWord(m + 1) && char.IsLower(_t[_toks[m + 1].S])) return -1;   // "told the banks to stop ..." is a directive
        }
        return -1;
    }

    int Recipient(int k, bool trailing = false)
    {
        int r0 = RecipientRun(k);
        if (trailing && In(k, Lexicon.Determiners))
        {
            // "“...,” he told the daily question period.": a short recipient that ends the sentence
            int end = k + 1;
            while (end < _sb && IsWord(end) && !_in[end] && end - k < 6) end++;
            if (end > r0 && end - k <= 5 && (end >= _sb || IsK(end, TokKind.Stop) && end + 1 >= _sb)) return end;
        }
        if (r0 > k && !Is(r0, "of")) return r0;
        // "the House of Commons": a capitalised name with its own "of"
        if (r0 > k && Is(r0, "of") && Cap(r0 + 1))
        {
            int m = r0;
            while (Is(m, "of") && Cap(m + 1)) { m += 2; while (Cap(m)) m++; }
            return m;
        }
        if (r0 > k || !IsWord(k) || Is(k, "that") || In(k, Lexicon.Pronouns) && !Is(k, "him") && !Is(k, "her")) return r0;
        // "told the annual meeting of shareholders that ...": a short recipient closed by "that"
        int th = ThatAfterRecipient(k);
        if (th > k) return th;
        if (In(k, Lexicon.Determiners))
        {
            // "told the annual shareholders meeting turnover rose": up to the last of adjacent medium nouns
            for (int q = k + 1; q < _sb && q <= k + 4 && IsWord(q) && !_in[q]; q++)
                if (In(q, Lexicon.MediumNouns))
                {
                    while (In(q + 1, Lexicon.MediumNouns)) q++;
                    // "told the foreign ministers of Brunei, Indonesia, ..." runs on past any safe end: leave it
                    return Is(q + 1, "of") ? r0 : q + 1;
                }
        }
        return r0;
    }

    int RecipientRun(int k)
    {
        if (!IsWord(k) || Is(k, "that") || In(k, Lexicon.Pronouns) && !Is(k, "him") && !Is(k, "her")) return k;
        int m = k;
        // proper name run: "Reuters", "Congress", "Germany’s Handelsblatt newspaper", "Dubai-based Orient TV";
        // or an outlet known by its reach: "state television", "local radio" (it must end in a medium noun, below)
        if (Cap(m) || In(m, Lexicon.Determiners) || W(m).Contains('-') || OutletByReach(m))
        {
            int start = m;
            if (In(m, Lexicon.Determiners)) m++;
            while (m < _sb && IsWord(m) && m - start < 8)
            {
                var w = W(m).ToString();
                if (Cap(m) || w.Contains('-') || Lexicon.MediumNouns.Contains(w) || (w is "news" or "state" or "television" or "evening") || OutletByReach(m)) { m++; continue; }
                // "Javier Perez de Cuellar": a name particle between capitalised words
                if (m > start && Cap(m - 1) && Cap(m + 1) && Lexicon.NameParticles.Contains(w)) { m++; continue; }
                // "the Securities and Exchange Commission": "and" inside a capitalised name
                if (w is "and" && m > start && Cap(m - 1) && Cap(m + 1)) { m++; continue; }
                break;
            }
            if (m == start) return k;
            // "the Economic and Social Council (CES)": the body's initials in brackets are part of the recipient
            if (IsK(m, TokKind.OpenParen) && IsWord(m + 1) && Speakers.IsAllCaps(W(m + 1)) && IsK(m + 2, TokKind.CloseParen) && Cap(m - 1)) m += 3;
            // a lower-case group must end in a medium noun
            bool anyCap = false;
            for (int q = start; q < m; q++) if (Cap(q)) anyCap = true;
            if (!anyCap && !In(m - 1, Lexicon.MediumNouns)) return k;
            // "reporters traveling with him"
            if (Is(m, "traveling") || Is(m, "travelling")) { m++; while (m < _sb && IsWord(m) && (Is(m, "with") || In(m, Lexicon.Pronouns) || Is(m, "him") || Is(m, "her") || Is(m, "them"))) m++; }
            return m;
        }
        // "told foreign reporters", "told security analysts": one or two lower-case modifiers before a medium noun
        for (int q = m + 1; q <= m + 2 && IsWord(q) && !_in[q] && !_in[m] && char.IsLower(_t[_toks[m].S]); q++)
        {
            if (In(q - 1, Lexicon.Determiners) || In(q - 1, Lexicon.Prepositions) || Is(q - 1, "that") || Is(q - 1, "and") || In(q - 1, Lexicon.BeForms)
                || In(q - 1, FiniteAux) || Lexicon.Lookup.ContainsKey(W(q - 1)) || In(q - 1, Lexicon.MediumNouns)) break;
            if (!In(q, Lexicon.MediumNouns)) continue;
            int e = q + 1;
            while (In(e, Lexicon.MediumNouns)) e++;
            return e;
        }
        if (In(m, Lexicon.MediumNouns))
        {
            m++;
            if (Is(m, "traveling") || Is(m, "travelling")) { m++; while (m < _sb && IsWord(m) && (Is(m, "with") || Is(m, "him") || Is(m, "her") || Is(m, "them"))) m++; }
            return m;
        }
        return k;
    }

    /// <summary>Skips time phrases and venue phrases after the cue; "in a statement"/"in a speech" join the cue.</summary>
    int SkipAdjuncts(int k, Draft d, ref string cueText, Site s)
    {
        for (int guard = 0; guard < 6; guard++)
        {
            if (Is(k, "on") && IsWord(k + 1) && IsTimeWord(W(k + 1))) { k += 2; if (Is(k, "evening") || Is(k, "morning") || Is(k, "night")) k++; continue; }
            // "on (Friday,) May 5(,)": a date after the cue
            if ((Is(k, "on") || k > s.Cue + 1 && IsK(k, TokKind.Comma)) && IsWord(k + 1) && IsMonthWord(W(k + 1)) && IsWord(k + 2) && char.IsDigit(_t[_toks[k + 2].S]))
            { k += 3; if (IsK(k, TokKind.Comma) && Is(k + 1, "that")) k++; continue; }
            if (IsWord(k) && IsMonthWord(W(k)) && k > s.Cue + 1 && IsWord(k + 1) && char.IsDigit(_t[_toks[k + 1].S]) && _toks[k + 1].E - _toks[k + 1].S <= 2)
            { k += 2; if (IsK(k, TokKind.Comma) && Is(k + 1, "that")) k++; continue; }
            if ((Is(k, "this") || Is(k, "last") || Is(k, "next")) && (Is(k + 1, "week") || Is(k + 1, "month") || Is(k + 1, "year") || Is(k + 1, "weekend"))) { k += 2; continue; }
            if (IsWord(k) && IsTimeWord(W(k))) { k++; continue; }
            if (Is(k, "in") && IsWord(k + 1) && (IsMonthWord(W(k + 1)) || char.IsDigit(_t[_toks[k + 1].S]) && W(k + 1).Length == 4)) { k += 2; continue; }
            if (Is(k, "late") || Is(k, "earlier") || Is(k, "again") || Is(k, "also") || Is(k, "publicly") || Is(k, "repeatedly") || Is(k, "here")) { k++; continue; }
            // "said, however, that ..." / "said, though, he ...": an interjected adverb between commas
            if (IsK(k, TokKind.Comma) && IsK(k + 2, TokKind.Comma) && IsWord(k + 1) && Interjections.Contains(W(k + 1))) { k += 3; continue; }
            // "said then that ...", "said privately that ...": an adverb right before the complementizer
            if (IsWord(k) && Is(k + 1, "that") && char.IsLower(_t[_toks[k].S]) && (W(k).EndsWith("ly") || Is(k, "then") || Is(k, "later") || Is(k, "too")))
            { k++; continue; }
            // "he said according to a German translation of his words, “...”": the rendering the words came through
            // joins the cue, it is not what was said
            if (k == s.Cue + 1 && Is(k, "according") && Is(k + 1, "to"))
            {
                int m = k + 2;
                bool rendering = false;
                while (m < _sb && m < k + 12 && IsWord(m) && !_in[m])
                {
                    if (TranslationNouns.Contains(W(m))) rendering = true;
                    m++;
                }
                if (rendering && IsK(m, TokKind.Comma))
                {
                    cueText = Text(s.CueFirst, m);
                    d.CueE = _toks[m - 1].E;
                    k = m;
                    continue;
                }
            }
            if (Is(k, "in") && (Is(k + 1, "a") || Is(k + 1, "an")) && IsWord(k + 2))
            {
                int m = k + 2;
                // "in a radio interview", "in a television speech": a medium noun may qualify the venue noun after it
                // ("in a telex message": the last of two venue nouns)
                while (m < _sb && IsWord(m) && m < k + 6 && !(Lexicon.MediumNouns.Contains(W(m)) && !In(m + 1, VenueNouns))
                       && !(In(m, VenueNouns) && !In(m + 1, VenueNouns)) && !In(m, Lexicon.Prepositions) && !Is(m, "of")) m++;
                if (IsWord(m) && In(m, VenueNouns))
                {
                    d.Medium = Text(k + 1, m + 1);
                    if (k == s.Cue + 1) { cueText = Text(s.CueFirst, m + 1); d.CueE = _toks[m].E; }
                    k = m + 1;
                    // "said in a field report dated March 27 the crop ...": the document's date is not content
                    // "said in a letter to shareholders it ...", "in a letter to Secretary-General Javier Perez de Cuellar.":
                    // whom the letter or address went to is part of the medium, not the content
                    if (Is(k, "to") && !_in[k] && RecipientRun(k + 1) is var rr && rr > k + 1
                        && (rr >= _sb || IsK(rr, TokKind.Stop) && rr + 1 >= _sb || IsK(rr, TokKind.Comma)
                            // (not a relative "that appeared in the report")
                            || Is(rr, "that") && !(IsWord(rr + 1) && char.IsLower(_t[_toks[rr + 1].S]) && W(rr + 1).EndsWith("ed", StringComparison.Ordinal))
                            || In(rr, Lexicon.Pronouns) || IsWord(rr) && W(rr).EndsWith("ing", StringComparison.Ordinal)))
                        k = rr;
                    if (Is(k, "dated") && IsWord(k + 1) && IsMonthWord(W(k + 1)))
                    {
                        k += 2;
                        if (IsWord(k) && char.IsDigit(_t[_toks[k].S])) k++;
                    }
                    // "said in a published speech delivered to a party congress.": a participle phrase on the medium
                    // that ends the sentence is not content
                    // (also "said in a speech celebrating the 40th anniversary of the plan.")
                    // ("in a letter made public by the company.": one word may stand between the participle and its preposition)
                    if (IsWord(k) && char.IsLower(_t[_toks[k].S]) && ((W(k).EndsWith("ed") || Is(k, "given") || Is(k, "made"))
                        && IsWord(k + 1) && (Lexicon.Prepositions.Contains(W(k + 1))
                                             || char.IsLower(_t[_toks[k + 1].S]) && IsWord(k + 2) && Lexicon.Prepositions.Contains(W(k + 2)) && !In(k + 1, Lexicon.Determiners))
                        || W(k).EndsWith("ing") && W(k).Length > 5 && IsWord(k + 1) && !FiniteClauseFollows(k + 1)))
                    {
                        int q = k + 1;
                        while (q < _sb && _toks[q].Kind is TokKind.Word or TokKind.OpenParen or TokKind.CloseParen && !_in[q]) q++;
                        if (q >= _sb || IsK(q, TokKind.Stop) && q + 1 >= _sb) k = q;
                    }
                    continue;
                }
            }
            // "announced last Tuesday that ...", "repeated to the panel that ...", "said at the end of a debate on the
            // budget that ...": a prepositional or time phrase with no verb in it, then the complementizer
            int pe = ThatAfterAdjunct(k);
            if (pe > k)
            {
                if (Is(k, "to") && d.Medium is null && k == s.Cue + 1) d.Medium = Speakers.ShortMedium(Text(k + 1, pe));
                k = pe;
                continue;
            }
            break;
        }
        return k;
    }

    /// <summary>A "that" or an auxiliary before the sentence ends: "said in a statement accompanying results that
    /// ...", "said in a statement spending on the fund would rise" carry a clause, not a phrase on the medium.</summary>
    bool FiniteClauseFollows(int k)
    {
        for (int q = k; q < _sb && !IsK(q, TokKind.Stop); q++)
            if (IsWord(q) && (Is(q, "that") || InLower(q, Lexicon.BeForms) || FiniteAux.Contains(W(q)))) return true;
        return false;
    }


    /// <summary>What "said in a ..." names as the medium: "in a statement", "in a parliamentary debate", "in a radio address".</summary>
    static readonly WordSet VenueNouns = new(["statement", "speech", "interview", "letter", "communique", "report", "debate", "address",
        "broadcast", "testimony", "briefing", "message", "commentary", "editorial", "article", "telex", "telegram",
        // present-day venues: "a post on Facebook", "a note to clients", "an email", "a regulatory filing", "a press release"
        "post", "note", "email", "e-mail", "memo", "column", "op-ed", "blog", "tweet", "podcast", "filing", "release"]);

    static readonly WordSet TranslationNouns = new(["translation", "version", "transcript", "text", "interpreter", "rendering", "recording"]);

    static readonly WordSet LedBy = new(["led", "headed", "backed", "controlled", "owned", "formed", "chaired", "organised", "organized"]);
    static readonly WordSet FiniteAux = new(["has", "had", "have", "will", "would", "could", "can", "may", "might", "should", "must", "does", "did", "do"]);
    static readonly WordSet AdjunctOpeners = new(["on", "in", "at", "after", "before", "during", "from", "to", "by", "for", "with",
        "over", "through", "about", "following", "last", "this", "earlier", "late", "early", "under", "near", "upon", "among"]);

    /// <summary>Index of "that" when the words from <paramref name="k"/> form a verbless adjunct ending right before a
    /// complementizer "that" (not a relative "that was ..."); else -1.</summary>
    int ThatAfterAdjunct(int k)
    {
        if (!IsWord(k) || !char.IsLower(_t[_toks[k].S]) || !In(k, AdjunctOpeners) || _in[k]) return -1;
        for (int m = k + 1; m < _sb && m < k + 16; m++)
        {
            if (_toks[m].Kind is TokKind.OpenParen or TokKind.CloseParen) continue;   // "a Senate (upper house) debate"
            if (!IsWord(m) || _in[m]) return -1;
            if (Is(m, "that"))
            {
                if (m == k + 1) return -1;
                int n = m + 1;
                if (!IsWord(n) || In(n, Lexicon.BeForms) || In(n, FiniteAux) || Lexicon.Lookup.ContainsKey(W(n))) return -1;
                // "in reference to the recession that pushed unemployment ...": a relative "that" before a past-tense verb
                if (char.IsLower(_t[_toks[n].S]) && W(n).EndsWith("ed") && W(n).Length > 3) return -1;
                return m;
            }
            if (Is(m, "who") || Is(m, "which") || In(m, Lexicon.BeForms) || Lexicon.Lookup.ContainsKey(W(m))) return -1;
            if (In(m, FiniteAux)) return -1;
        }
        return -1;
    }

    static readonly WordSet Interjections = new(["however", "though", "moreover", "nevertheless", "nonetheless", "meanwhile",
        "furthermore", "therefore", "also", "too", "again", "separately", "instead", "still", "earlier", "later", "previously"]);

    // "limiting but not banning", "cost of living adjustments but no wage increase": a contrast inside the noun phrase
    static readonly WordSet NounPhraseContrast = new(["not", "no", "only", "also", "rather", "just", "never"]);

    static readonly WordSet MediumBeforeCue = new(["statement", "interview", "speech", "letter", "communique"]);

    static readonly WordSet NarratorConnectives = new(["meanwhile", "however", "separately", "additionally", "moreover",
        "furthermore", "also", "elsewhere", "likewise", "similarly"]);

    /// <summary>The token after a sentence-opening connective and its comma ("Meanwhile,", "However,", "In addition,",
    /// "At the same time,"), else the same token.</summary>
    int NarratorConnective(int i)
    {
        if (In(i, NarratorConnectives) && IsK(i + 1, TokKind.Comma)) return i + 2;
        if (Is(i, "in") && Is(i + 1, "addition") && IsK(i + 2, TokKind.Comma)) return i + 3;
        if (Is(i, "at") && Is(i + 1, "the") && Is(i + 2, "same") && Is(i + 3, "time") && IsK(i + 4, TokKind.Comma)) return i + 5;
        return i;
    }

    bool StartsAdjunct(int k)
    {
        if (!IsWord(k)) return false;
        var w = W(k).ToString();
        if (w is "after" or "at" or "during" or "before" or "near" or "from" or "in" or "on" or "by" or "while" or "when" or "with" or "as" or "using" or "without" or "ahead" or "to" or "of" or "about" or "outside" or "inside" or "via")
        {
            // "in" can also open the content ("said in a residential area ..."): treat as adjunct only before the end
            for (int m = k; m < _sb; m++) if (_toks[m].Kind == TokKind.Comma || _toks[m].Kind == TokKind.Stop) return true;
            return true;
        }
        return false;
    }

    Draft Clone(Draft d) => new()
    {
        Paragraph = d.Paragraph, CueS = d.CueS, CueE = d.CueE, Cue = d.Cue, SpkS = d.SpkS, SpkE = d.SpkE,
        SpeakerText = d.SpeakerText, Speaker = d.Speaker, Medium = d.Medium, Via = d.Via, EvidS = d.EvidS, EvidE = d.EvidE,
    };

    /// <summary>Sets content span and mode from tokens [from, to) and records the draft.</summary>
    int _lastEmitEnd;

    int Emit(Draft d, int from, int to, Site? s)
    {
        _lastEmitEnd = to;
        if (d.Medium is { } med && d.Speaker is { } author && med.LastIndexOf(' ') is var sp && sp > 0 && Lexicon.DocumentNouns.Contains(med.AsSpan(sp + 1)))
            _spk.NoteDocument(med[(sp + 1)..], author);
        // trim punctuation at both ends, keep . ? ! inside closing quotes
        while (from < to && _toks[from].Kind is TokKind.Comma or TokKind.Colon or TokKind.Semi or TokKind.Dash) from++;
        while (to > from && _toks[to - 1].Kind is TokKind.Comma or TokKind.Semi or TokKind.Dash or TokKind.Colon) to--;
        if (to > from && _toks[to - 1].Kind == TokKind.Stop && !(to - 2 >= from && _in[to - 1])) to--;
        while (to > from && _toks[to - 1].Kind is TokKind.Comma or TokKind.Semi) to--;
        // "Meanwhile, output rose, the bank said": the narrator's connective that opens the sentence links it to the
        // story, it is not part of what the source said
        if (from == _sa && !_in[from] && NarratorConnective(from) is var after && after > from && after < to) from = after;
        // the next attribution's conjunction is not content: "estimated damage at 10 mln dlrs and [a spokesman said ...]"
        while (to - 1 > from && !_in[to - 1] && (Is(to - 1, "and") || Is(to - 1, "but") || Is(to - 1, "or") || Is(to - 1, "while") || Is(to - 1, "whereas")))
        {
            to--;
            while (to > from && _toks[to - 1].Kind is TokKind.Comma or TokKind.Semi) to--;
        }
        if (to <= from) return 0;
        int q0 = from;
        bool direct = _toks[from].Kind == TokKind.OpenQ && (_close[from] >= to - 1 || _close[from] == _toks.Count);
        if (direct)
        {
            int closeAt = Math.Min(_close[from], to);
            int cs = from + 1, ce = closeAt;
            while (ce > cs && _toks[ce - 1].Kind is TokKind.Comma) ce--;
            if (ce <= cs) return 0;
            d.ContentS = _toks[cs].S; d.ContentE = _toks[ce - 1].E;
            d.Mode = StatementMode.Direct;
        }
        else
        {
            if (_toks[to - 1].Kind == TokKind.Stop && _in[to - 1]) { }
            d.ContentS = _toks[from].S; d.ContentE = _toks[to - 1].E;
            bool quotes = false;
            for (int m = from; m < to; m++) if (_toks[m].Kind is TokKind.OpenQ or TokKind.CloseQ) { quotes = true; break; }
            d.Mode = quotes ? StatementMode.Mixed : StatementMode.Indirect;
            // a content that is a quote followed by trailing text
        }
        if (d.ContentE - d.ContentS < 2) return 0;
        _drafts.Add(d);
        return 1;
    }

    /// <summary>A sentence with no cue that opens with a quotation continues the last attribution (same speaker,
    /// cue, medium) when that attribution is in this paragraph or the one before.</summary>
    void Continuation()
    {
        if (_toks[_sa].Kind != TokKind.OpenQ) return;
        var g = _pendingColon ?? _governing;
        if (g is null) return;
        if (_para - _governingPara > 1) return;
        _pendingColon = null;
        int close = _close[_sa];
        var d = Clone(g);
        d.Paragraph = _para;
        d.Inherited = true;
        d.EvidS = _toks[_sa].S; d.EvidE = _toks[_sb - 1].E;
        if (close >= _sb - 2 || close == _toks.Count)
        {
            int ce = Math.Min(close, _sb);
            int cs = _sa + 1;
            while (ce > cs && _toks[ce - 1].Kind is TokKind.Comma) ce--;
            if (ce <= cs) return;
            d.ContentS = _toks[cs].S; d.ContentE = _toks[ce - 1].E;
            d.Mode = StatementMode.Direct;
        }
        else
        {
            int to = _sb;
            if (_toks[to - 1].Kind == TokKind.Stop) to--;
            d.ContentS = _toks[_sa + 1].S; d.ContentE = _toks[to - 1].E;
            d.Mode = StatementMode.Mixed;
        }
        _drafts.Add(d);
        _governing = d; _governingPara = _para;
    }

    // ------------------------------------------------------------------ article-level passes

    void Finish(List<AttributedStatement> output)
    {
        // anonymous sources named later: "a senior adviser to ..." ... "Assad adviser Bouthaina Shaaban"
        foreach (var anon in _spk.Unnamed)
        {
            // "one analyst" is one of several; and with two named analysts the unnamed one is neither for sure
            if (anon.Plural || anon.Head is null || anon.OneOfMany) continue;
            var named = _spk.Persons.Where(p => p.Role is { } r && p.Name.Contains(' ') && Contains(r, anon.Head) && _drafts.Any(x => x.Speaker.Final == p)
                                                && SameBody(anon, p)).Take(2).ToList();
            if (named.Count == 1) anon.NamedAs = named[0];
        }
        // an office or unnamed source whose very next attribution (next paragraph) introduces a new full name,
        // written without a title, is that person: "The Governor of ... urged ..." / "Abdoulaye Fadiga told reporters ..."
        for (int i = 0; i + 1 < _drafts.Count; i++)
        {
            var d = _drafts[i];
            var f = d.Speaker.Final;
            if (f.Plural || f.Type is not (SpeakerTypes.Anonymous or SpeakerTypes.Person) || f.Name.Contains(' ') == false) continue;
            if (f.Type == SpeakerTypes.Person && _spk.Persons.Contains(f)) continue;   // already a named person
            var next = _drafts.Skip(i + 1).FirstOrDefault(x => x.Speaker.Final != f);
            if (next is null || next.Paragraph != d.Paragraph + 1) continue;
            var p = next.Speaker.Final;
            if (p.Type != SpeakerTypes.Person || !p.Name.Contains(' ') || !next.SpeakerText.StartsWith(p.Name, StringComparison.Ordinal)) continue;
            // a name, not an office described: "Norway's fisheries minister" introduces nobody
            if (!LooksLikeFullName(p.Name)) continue;
            // nor is "a Customs spokesman" the person introduced next as "the U.S. attorney in Greensboro"
            if (f.Head is { } head && p.Role is { } role && !Contains(role, head)) continue;
            if (_t.IndexOf(p.Name, _a.Paragraphs[0].Start, StringComparison.Ordinal) < next.SpkS) continue;           // named before: not an introduction
            f.NamedAs = p;
            p.Role ??= f.Role;
            p.Affiliation ??= f.Affiliation;
        }
        // anonymity reasons, carried to every statement of the same source
        foreach (var d in _drafts)
        {
            var f = d.Speaker.Final;
            if (!f.Anonymous || f.Reason is not null) continue;
            var ev = _t.AsSpan(d.EvidS, d.EvidE - d.EvidS);
            var reason = AnonymityReason(ev);
            if (reason is not null) f.Reason = reason;
        }
        // medium carried forward through a run of the same speaker
        for (int i = 1; i < _drafts.Count; i++)
        {
            var d = _drafts[i];
            var p = _drafts[i - 1];
            if (d.Medium is null && p.Medium is not null && p.Speaker.Final == d.Speaker.Final && !d.Inherited) d.Medium = p.Medium;
        }
        // ordered by position, duplicates (same content span) removed
        var ordered = _drafts.OrderBy(d => d.ContentS).ThenBy(d => d.CueS).ToList();
        int n = 0;
        int lastS = -1, lastE = -1;
        foreach (var d in ordered)
        {
            if (d.ContentS == lastS && d.ContentE == lastE && !d.SharesContent) continue;
            lastS = d.ContentS; lastE = d.ContentE;
            var f = d.Speaker.Final;
            string? affiliation = f.Affiliation;
            if (f.Type is SpeakerTypes.Government or SpeakerTypes.Collective && affiliation == f.Name) affiliation = null;
            output.Add(new AttributedStatement
            {
                Id = $"a{_a.Ordinal}-s{++n}",
                File = _file,
                Article = _a.Ordinal,
                Headline = _a.Headline,
                Paragraph = d.Paragraph,
                Cue = d.Cue,
                Mode = d.Mode,
                Content = _t[d.ContentS..d.ContentE],
                SpeakerText = d.SpeakerText,
                Speaker = f.Name.Replace('’', '\''),
                SpeakerType = f.Type,
                Anonymous = f.Anonymous,
                Role = f.Role?.Replace('’', '\''),
                Affiliation = affiliation?.Replace('’', '\''),
                AnonymityReason = f.Anonymous ? f.Reason : null,
                Medium = d.Medium?.Replace('’', '\''),
                Via = d.Via,
                Evidence = _t[d.EvidS..d.EvidE],
                ContentStart = d.ContentS,
                ContentEnd = d.ContentE,
                CueStart = d.CueS,
                CueEnd = d.CueE,
                SpeakerStart = d.SpkS,
                SpeakerEnd = d.SpkE,
            });
        }
    }

    static bool Contains(string hay, string word) => hay.Contains(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Irregular participles that describe a document or source: "seen by Reuters", "given to lawmakers".</summary>
    static readonly WordSet SourceParticiples = new(["seen", "given", "shown", "written", "drawn", "sent", "made", "taken", "known"]);

    /// <summary>Words for an outlet's reach before its medium noun: "state television", "local radio", "national TV".</summary>
    static readonly WordSet OutletReach = new(["state", "local", "national", "public", "regional", "private", "official", "independent"]);

    bool OutletByReach(int m) => OutletReach.Contains(W(m)) && In(m + 1, Lexicon.MediumNouns);

    /// <summary>
    /// "Citing two sources, Bloomberg reported ...", "citing people familiar with the matter": the phrase up to the
    /// comma names who the report rests on, not something said.
    /// </summary>
    bool CitesASource(int k)
    {
        // the noun phrase's own words only: "citing rising costs among producers" cites costs
        for (int m = k; m < _sb && m < k + 6 && IsWord(m) && !In(m, Lexicon.Prepositions); m++)
            if (Lexicon.CollectiveNouns.Contains(W(m)) || Lexicon.PersonNouns.Contains(W(m)) || Is(m, "sources") || Is(m, "people") || Is(m, "person")) return true;
        return false;
    }

    static bool LooksLikeFullName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var w && w.Length >= 2
        && w.All(x => Speakers.StripPossessive(x) == x && (char.IsUpper(x[0]) || Lexicon.NameParticles.Contains(x.TrimEnd('-')) || x.StartsWith("al-", StringComparison.Ordinal)));

    static readonly WordSet RankWords = new(["senior", "deputy", "chief", "vice", "acting", "former", "top", "assistant", "press", "principal", "lead", "head", "spokesman", "spokeswoman", "spokesperson"]);

    /// <summary>
    /// Whether an unnamed source tied to a body can be a person named later with the same descriptor: not when the
    /// person is tied to another. "a Vantor spokesman" is not "A Treasury spokesman, Erik Brandt": some capital that
    /// qualifies the person's title, or the person's affiliation, must be found in what the unnamed source is said to
    /// be, so "a senior adviser to Syrian President Bashar al-Assad" can still be "Assad adviser Bouthaina Shaaban".
    /// </summary>
    static bool SameBody(Entity anon, Entity person)
    {
        if (anon.Affiliation is null) return true;
        static IEnumerable<string> Words(string? s) => (s ?? "").Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Speakers.StripPossessive);
        var known = Words(anon.Name).Concat(Words(anon.Affiliation)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // the capitals before the descriptor that name a body ("Treasury", "Foreign Ministry"), not a rank ("Senior")
        var qualifiers = Words(person.Role).Concat(Words(person.Affiliation))
            .Where(w => char.IsUpper(w[0]) && !string.Equals(w, anon.Head, StringComparison.OrdinalIgnoreCase) && !RankWords.Contains(w)).ToList();
        return qualifiers.Count == 0 || qualifiers.Any(known.Contains);
    }

    /// <summary>The stated reason for anonymity, verbatim, if the sentence gives one.</summary>
    internal static string? AnonymityReason(ReadOnlySpan<char> s)
    {
        int at = s.IndexOf("on condition of anonymity", StringComparison.OrdinalIgnoreCase);
        if (at < 0) at = s.IndexOf("on condition of anonymity", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            int start = at;
            const string speaking = "speaking ";
            if (at >= speaking.Length && s.Slice(at - speaking.Length, speaking.Length).Equals(speaking, StringComparison.OrdinalIgnoreCase)) start = at - speaking.Length;
            int after = at + "on condition of anonymity".Length;
            var rest = s[after..];
            if (rest.StartsWith(" because", StringComparison.OrdinalIgnoreCase) || rest.StartsWith(" as ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith(" since", StringComparison.OrdinalIgnoreCase))
            {
                int end = rest.IndexOfAny(',', ';', '.');
                if (end < 0) end = rest.Length;
                return rest[1..end].ToString().Trim();
            }
            return s[start..after].ToString();
        }
        foreach (var pat in new[] { "declined to be identified", "declined to be named", "asked not to be identified", "asked not to be named",
                                     "requested anonymity", "asked for anonymity", "declined to give his name", "declined to give her name" })
        {
            int p = s.IndexOf(pat, StringComparison.OrdinalIgnoreCase);
            if (p >= 0) return s.Slice(p, pat.Length).ToString();
        }
        foreach (var pat in new[] { "not authorized to", "not authorised to", "not allowed to", "not permitted to" })
        {
            int p = s.IndexOf(pat, StringComparison.OrdinalIgnoreCase);
            if (p >= 0)
            {
                // "because he was not authorized to speak to the media"
                int st = p;
                var before = s[..p];
                int bc = before.LastIndexOf("because", StringComparison.OrdinalIgnoreCase);
                if (bc >= 0 && p - bc < 30) st = bc;
                var rest = s[st..];
                int end = rest.IndexOfAny(',', ';', '.');
                if (end < 0) end = rest.Length;
                return rest[..end].ToString().Trim();
            }
        }
        return null;
    }
}
