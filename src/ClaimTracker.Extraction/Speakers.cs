using ClaimTracker.Extraction.Gazetteer;

namespace ClaimTracker.Extraction;

/// <summary>A source as a reader tracks it through an article.</summary>
internal sealed class Entity
{
    public string Name = "";
    public string Type = SpeakerTypes.Person;
    public bool Anonymous;
    public string? Role;
    public string? Affiliation;
    public string? Head;          // descriptor noun of an unnamed source ("diplomat")
    public string? Reason;        // anonymity reason, shared by all its statements
    public Entity? NamedAs;       // an unnamed source later named in the article
    public bool Plural;
    public bool OneOfMany;        // "one analyst", "another dealer": one of several, not the named one later

    public Entity Final => NamedAs?.Final ?? this;
}

/// <summary>
/// Resolves speaker phrases to sources the way a reader does: names to the full name introduced in the article,
/// pronouns to the last fitting source, definite descriptions ("the diplomat") to the unnamed source introduced
/// earlier, capitals and seats of government to the country, initialisms and short names to the full name.
/// </summary>
internal sealed class Speakers
{
    readonly string _text;
    readonly Countries _countries = Countries.Default;
    readonly Dictionary<string, Entity> _persons = new(StringComparer.Ordinal);    // by full name
    readonly Dictionary<string, string> _surnames = new(StringComparer.Ordinal);   // surname -> full name
    Entity? _lastPublication;                                                      // "Der Spiegel magazine": what "the magazine" means
    readonly List<string> _orgNames = [];                                          // capitalised multiword names seen
    readonly HashSet<string> _orgSingles = new(StringComparer.Ordinal);            // single words seen inside org names
    readonly List<Entity> _anonymous = [];
    readonly List<Entity> _plurals = [];                                           // unnamed groups, last noted last
    readonly Dictionary<string, Entity> _others = new(StringComparer.OrdinalIgnoreCase);
    public Entity? LastPerson, LastThing, LastPlural, LastGovernment;
    public string? DatelineCountry;

    readonly string _region;   // this article's own text (a file may hold many articles)

    public Speakers(string text, int from = 0, int to = -1)
    {
        _text = text;
        _region = to < 0 ? text : text[from..to];
    }

    public IEnumerable<Entity> Persons => _persons.Values;
    public IEnumerable<Entity> Unnamed => _anonymous;

    /// <summary>A person's surname or one-word name registered in the article ("Smith" after "John Smith").</summary>
    public bool IsKnownSurname(string w) => _surnames.ContainsKey(w) || _persons.ContainsKey(w);

    // ---------- pre-scan: names and organisations mentioned anywhere in the article ----------

    /// <summary>The company a 1987 headline opens with, named before its stock ticker ("DIAMOND SHAMROCK <DIA> RAISES
    /// ..."), in capitals; null when the headline has none.</summary>
    public string? HeadlineCompany { get; set; }

    internal static string? CompanyBeforeTicker(string headline)
    {
        var m = System.Text.RegularExpressions.Regex.Match(headline, @"^\s*([A-Z0-9][A-Z0-9.&'\- ]*?)\s*<[A-Z0-9.\-]{1,10}(?: [A-Z]{1,3})?>");
        if (!m.Success) return null;
        string name = m.Groups[1].Value.Trim();
        int words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 1 and <= 5 && name.Any(char.IsLetter) ? name : null;
    }

    /// <summary>After the pre-scan: the headline's short name gives way to the story's fuller name that begins with it
    /// ("AW Computer" under "AW COMPUTER <AWCSA>" when the story writes "AW Computer Systems Inc"), so that the short
    /// form still resolves to the full name.</summary>
    public void FinishScan()
    {
        if (HeadlineCompany is null) return;
        var shortName = _orgNames.FirstOrDefault(IsHeadlineCompany);
        if (shortName is not null && _orgNames.Any(n => n.Length > shortName.Length && n.StartsWith(shortName + " ", StringComparison.Ordinal)))
            _orgNames.RemoveAll(n => n == shortName);
    }

    /// <summary>"Diamond Shamrock said" under "DIAMOND SHAMROCK <DIA> ...": the words the headline puts before a ticker
    /// name a company, not a person, wherever the story writes them without a legal suffix.</summary>
    bool IsHeadlineCompany(string name) =>
        HeadlineCompany is { } hc && name.Length == hc.Length && name.Equals(hc, StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers the capitalised runs of a paragraph: person names (title words stripped) and organisation names.</summary>
    public void Scan(List<Tok> toks, bool[] inside)
    {
        int i = 0;
        while (i < toks.Count)
        {
            if (!IsCapWord(toks[i])) { i++; continue; }
            int s = i;
            while (i < toks.Count && (IsCapWord(toks[i]) || (IsParticle(toks[i]) && i + 1 < toks.Count && IsCapWord(toks[i + 1])) ||
                   (Is(toks[i], "of") && i + 1 < toks.Count && IsCapWord(toks[i + 1]) && i > s && (OrgWordAt(toks[i - 1]) || TitleWordAt(toks[i - 1]))) ||
                   (Is(toks[i], "for") && i + 1 < toks.Count && IsCapWord(toks[i + 1]) && i > s && OrgWordAt(toks[i - 1])) ||
                   // "Merrill Lynch and Co": "and" before a closing "Co"/"Company"/"Sons" is inside the firm's name
                   (Is(toks[i], "and") && i + 1 < toks.Count && i > s && W(toks[i + 1]) is "Co" or "Co." or "Company" or "Sons"
                    && (i + 2 >= toks.Count || !IsCapWord(toks[i + 2]) || IsSuffixAfterAndCo(toks[i + 2]))) ||
                   // "London and Scottish Marine Oil Plc (Lasmo)", "Nippon Telegraph and Telephone Corp (NTT)": an "and"
                   // inside a name whose bracketed initials spell the whole name
                   (Is(toks[i], "and") && i > s && i + 1 < toks.Count && IsCapWord(toks[i + 1]) && InitialsSpanAnd(toks, s, i)) ||
                   // "Sears, Roebuck and Co", "Smith Barney, Harris Upham and Co Inc": a comma after the first name(s)
                   // of a partnership that closes with "and Co"
                   ((i == s + 1 || i == s + 2) && toks[i].Kind == TokKind.Comma && CommaInFirmName(toks, s, i))))
                i++;
            RegisterRun(toks, s, i);
            // parenthesised initialism after a name: "Organization for ... (OPCW)", also after a ticker and in mixed
            // case: "British Aerospace Plc <BAEL.L> (BAe)"
            int pa = i;
            if (pa + 2 < toks.Count && W(toks[pa]) is "<")
            {
                int gt = pa + 1;
                while (gt < toks.Count && gt < pa + 5 && W(toks[gt]) is not ">") gt++;
                if (gt < toks.Count && W(toks[gt]) is ">") pa = gt + 1;
            }
            if (pa + 2 < toks.Count && toks[pa].Kind == TokKind.OpenParen && toks[pa + 2].Kind == TokKind.CloseParen
                && (IsAllCaps(W(toks[pa + 1])) || IsMixedInitialism(W(toks[pa + 1]))
                    // "London and Scottish Marine Oil Plc (Lasmo)": a short name made of the name's initials
                    || toks[pa + 1].Kind == TokKind.Word && i - s >= 3 && IsCapWord(toks[pa + 1]) && IndexOfAnd(toks, s, i) is var and && and > s && InitialsSpanAnd(toks, s, and)))
            {
                string acr = W(toks[pa + 1]).ToString();
                string full = _text[toks[s].S..toks[i - 1].E];
                _aliases.TryAdd(acr, StripPossessive(full));
            }
        }
    }

    readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    int IndexOfAnd(List<Tok> toks, int s, int e)
    {
        for (int k = s + 1; k < e - 1; k++) if (Is(toks[k], "and")) return k;
        return -1;
    }

    /// <summary>True when the capitalised run from <paramref name="s"/> through the "and" at <paramref name="and"/> and on
    /// to a bracketed initialism is one name: the initials of its words (with or without the "and" and a last legal
    /// suffix) spell the initialism, from the run's start or a later word of it.</summary>
    bool InitialsSpanAnd(List<Tok> toks, int s, int and)
    {
        int e = and + 1;
        while (e < toks.Count && IsCapWord(toks[e])) e++;
        if (e + 2 >= toks.Count || toks[e].Kind != TokKind.OpenParen || toks[e + 2].Kind != TokKind.CloseParen || toks[e + 1].Kind != TokKind.Word) return false;
        string acr = W(toks[e + 1]).ToString().ToUpperInvariant();
        if (acr.Length < 3 || !acr.All(char.IsLetter)) return false;
        for (int f = s; f < and; f++)
        {
            var withAnd = new System.Text.StringBuilder();
            var withoutAnd = new System.Text.StringBuilder();
            for (int k = f; k < e; k++)
            {
                char c = char.ToUpperInvariant(_text[toks[k].S]);
                withAnd.Append(c);
                if (k != and) withoutAnd.Append(c);
            }
            foreach (var ini in new[] { withAnd.ToString(), withoutAnd.ToString() })
                if (ini == acr || ini.Length > 1 && CompanySuffixes.Contains(W(toks[e - 1]).ToString()) && ini[..^1] == acr) return true;
        }
        return false;
    }

    /// <summary>"Sears, Roebuck and Co", "Kidder, Peabody and Co": one name word, a comma, one to three capitalised
    /// words and a closing "and Co/Company/Sons"; not "Meanwhile, Morgan Stanley and Co" nor "In Tokyo, ...".</summary>
    bool CommaInFirmName(List<Tok> toks, int s, int comma)
    {
        // one or two name words before the comma ("Sears,", "Smith Barney,")
        for (int k = s; k < comma; k++)
        {
            var first = W(toks[k]).ToString();
            if (StripPossessive(first) != first || first.Contains('.') || IsAllCaps(first) || Lexicon.SentenceOpeners.Contains(first)
                || Lexicon.Prepositions.Contains(first) || Lexicon.Determiners.Contains(first) || Lexicon.Pronouns.Contains(first)
                || Lexicon.TitleWords.Contains(first) || Lexicon.Weekdays.Contains(first) || IsMonth(first) || IsWestern(first)
                || _countries.TryAny(first, out _) || _countries.TryName(first, out _)) return false;
        }
        int m = comma + 1, caps = 0;
        while (m < toks.Count && caps < 3 && IsCapWord(toks[m]) && !Is(toks[m], "and")) { m++; caps++; }
        // after two words ("Smith Barney, Harris Upham and Co") two more before "and Co": "Thomas Kerr, Kerr and Co"
        // is a man and his firm
        return caps >= (comma - s == 2 ? 2 : 1) && m + 1 < toks.Count && Is(toks[m], "and") && W(toks[m + 1]) is "Co" or "Co." or "Company" or "Sons"
               && (m + 2 >= toks.Count || !IsCapWord(toks[m + 2]) || IsSuffixAfterAndCo(toks[m + 2]));
    }

    /// <summary>"Harris Upham and Co Inc": a legal suffix after the closing "and Co" is part of the name.</summary>
    bool IsSuffixAfterAndCo(Tok t) => t.Kind == TokKind.Word && W(t) is "Inc" or "Inc." or "Ltd" or "Ltd." or "Corp" or "Corp." or "Plc" or "PLC";

    static readonly WordSet RunOpeningPrepositions = new([
        "in", "at", "on", "for", "from", "by", "with", "after", "under", "during", "despite", "since", "before", "through",
        "into", "among", "against", "amid", "to", "unlike", "like", "as", "of", "without", "within", "via"]);

    static bool IsCommaFirm(string n) => n.Contains(", ") && (n.EndsWith(" and Co") || n.EndsWith(" and Co.") || n.EndsWith(" and Company") || n.EndsWith(" and Sons")
                                                              || n.EndsWith(" and Co Inc") || n.EndsWith(" and Co Inc.") || n.EndsWith(" and Co Ltd"));

    /// <summary>A name the pre-scan registered as an organisation ("Sears, Roebuck and Co").</summary>
    public bool IsOrgName(string name) => _orgNames.Contains(name);

    // organisations that have spoken in this article, for "Delta said" after "Delta Air Lines said"
    readonly List<Entity> _spokenOrgs = [];

    static bool IsPartyMemberOrTitle(string w) =>
        w is "Democrat" or "Republican" or "Democrats" or "Republicans" or "Conservative" or "Socialist" or "Liberal"
        || Lexicon.TitleWords.Contains(w) || Lexicon.PersonNouns.Contains(w.ToLowerInvariant());

    /// <summary>"Reynolds said" after "Reynolds Metals co said": the one organisation that has spoken whose name begins
    /// with this single word, when the word is known as no person's full name.</summary>
    Entity? SpokenOrgBeginningWith(string word)
    {
        Entity? found = null;
        foreach (var o in _spokenOrgs)
            if ((o.Name.StartsWith(word + " ", StringComparison.Ordinal) || o.Name.StartsWith(word + ", ", StringComparison.Ordinal) && IsCommaFirm(o.Name)) && !o.Name.Contains("'s ") && !o.Name.Contains("’s "))
            {
                if (found is not null && found != o) return null;
                found = o;
            }
        return found;
    }

    // "X said in a field report ..." -> "report": X; so "The report said" later is X's
    readonly Dictionary<string, Entity> _documentAuthors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers who spoke through a document named as the medium ("said in a statement/report/letter").</summary>
    public void NoteDocument(string noun, Entity author) => _documentAuthors[noun] = author;

    /// <summary>"BAe", "GenCorp": a short capitalised word with two or more capitals, no dots.</summary>
    static bool IsMixedInitialism(ReadOnlySpan<char> w)
    {
        if (w.Length is < 2 or > 8 || !char.IsUpper(w[0])) return false;
        int caps = 0;
        foreach (char c in w) { if (!char.IsLetter(c)) return false; if (char.IsUpper(c)) caps++; }
        return caps >= 2;
    }

    void RegisterRun(List<Tok> toks, int s, int e)
    {
        // the headline's company ("Diamond Shamrock", also at the end of "But Diamond Shamrock")
        for (int k = s; k < e && HeadlineCompany is not null; k++)
        {
            string tail = StripPossessive(_text[toks[k].S..toks[e - 1].E]);
            if (!IsHeadlineCompany(tail)) continue;
            // only after words that open a sentence ("But", "The", "In"): "Robert Salomon" is a man, whatever firm
            // the headline names "SALOMON <SB>"
            bool openersOnly = true;
            for (int m = s; m < k; m++)
            {
                var ow = W(toks[m]).ToString();
                if (!(Lexicon.SentenceOpeners.Contains(ow) || Lexicon.Determiners.Contains(ow) || Lexicon.Prepositions.Contains(ow))) openersOnly = false;
            }
            if (!openersOnly) break;
            if (!_orgNames.Contains(tail)) _orgNames.Add(tail);
            for (int m = k; m < e; m++) _orgSingles.Add(StripPossessive(W(toks[m]).ToString()));
            if (k == s) return;
            e = k;   // what precedes it may still name someone
            break;
        }
        // "Bank of Japan Governor Satoshi Sumita": a body's name, a title and a person's name; the body is an
        // organisation and the name after the title a person
        if (e - s >= 5)
        {
            int nm = e;
            while (nm > s && IsCapWord(toks[nm - 1]) && !TitleWordAt(toks[nm - 1]) && !OrgWordAt(toks[nm - 1]) && !IsAllCaps(W(toks[nm - 1]))
                   && !_countries.TryAny(StripPossessive(W(toks[nm - 1]).ToString()), out _) && StripPossessive(W(toks[nm - 1]).ToString()) == W(toks[nm - 1]).ToString()) nm--;
            int t = nm;
            // (a field word ends the body's name, not the title: "Institute of International Finance Managing Director")
            while (t > s && TitleWordAt(toks[t - 1]) && !Is(toks[t - 1], "of") && !Is(toks[t - 1], "the") && !Is(toks[t - 1], "and") && !Is(toks[t - 1], "for")
                   && !FieldWords.Contains(W(toks[t - 1]).ToString())) t--;
            // "Department of Energy Secretary": the word right after "of" names the body, not the title
            if (t > s && t + 1 < nm && (Is(toks[t - 1], "of") || Is(toks[t - 1], "for"))) t++;
            if (e - nm is >= 2 and <= 4 && t < nm && t - s >= 3 && TitleHeads.Contains(W(toks[nm - 1]).ToString())
                && Enumerable.Range(s + 1, t - 2 - s).FirstOrDefault(k => Is(toks[k], "of") || Is(toks[k], "for")) is var ofAt && ofAt > s
                && Enumerable.Range(s, ofAt - s).Any(k => OrgWordAt(toks[k])))
            {
                RegisterRun(toks, s, t);
                RegisterRun(toks, t, e);
                return;
            }
        }
        if (e - s >= 2 || (e - s == 1 && toks[s].Length > 1))
        {
            // organisation-like runs
            // an organisation name ends in an organisation word ("Norwegian Refugee Council") or has one before
            // "of"/"for" ("Organization for the Prohibition ...", "Commission of Inquiry")
            bool org = Lexicon.OrgWords.Contains(StripPossessive(W(toks[e - 1]).TrimEnd('.').ToString()));
            for (int k = s; k + 1 < e && !org; k++)
                if (Lexicon.OrgWords.Contains(W(toks[k])) && (Is(toks[k + 1], "of") || Is(toks[k + 1], "for"))) org = true;
            // "The Daily Telegraph commented", "the Financial Times urged": people take no "the"; two or more capitalised
            // words after it that end the noun phrase (a verb or punctuation follows) name a body or a publication
            if (!org)
            {
                // not "Comptroller of the Currency Robert Clarke", where "the" is inside a title
                bool the = W(toks[s]) is "The" || s > 0 && W(toks[s - 1]) is "the" && !(s > 1 && Is(toks[s - 2], "of"));
                int f = W(toks[s]) is "The" ? s + 1 : s;
                // "the Texas Democrat said" is a congressman
                if (IsPartyMemberOrTitle(StripPossessive(W(toks[e - 1]).ToString()))) the = false;
                // not "the LDP Policy Council's Chairman Masayoshi Ito": a title or a possessive inside is a person's description
                for (int k = f; k < e && the; k++)
                    if (TitleWordAt(toks[k]) || StripPossessive(W(toks[k]).ToString()) != W(toks[k]).ToString()) the = false;
                if (the && e - f >= 2 && !TitleWordAt(toks[f]) && !_countries.TryAny(StripPossessive(W(toks[f]).ToString()), out _)
                    && !IsWestern(W(toks[f]).ToString()) && !W(toks[f]).Contains('.')
                    && (e >= toks.Count || toks[e].Kind != TokKind.Word || Lexicon.Lookup.ContainsKey(W(toks[e])) || Lexicon.AuxAdverbs.Contains(W(toks[e])) || Lexicon.BeForms.Contains(W(toks[e]))))
                { org = true; s = f; }
            }
            if (org)
            {
                // "Mobil Corp's Mobil Chemical Co": the owner named before an inner possessive is an organisation too,
                // and the one a short form ("Mobil") means
                for (int k = s + 1; k < e - 1; k++)
                {
                    var wk = W(toks[k]).ToString();
                    if (StripPossessive(wk) != wk && CompanySuffixes.Contains(StripPossessive(wk).TrimEnd('.')))
                    {
                        string owner = StripPossessive(_text[toks[s].S..toks[k].E]);
                        if (!_orgNames.Contains(owner)) _orgNames.Add(owner);
                        break;
                    }
                }
                string name = StripPossessive(_text[toks[s].S..toks[e - 1].E]);
                _orgNames.Add(name);
                for (int k = s; k < e; k++)
                {
                    var single = StripPossessive(W(toks[k]).ToString());
                    _orgSingles.Add(single);
                    // "Saab-Scania AB": "Saab" alone is that company too, never a person
                    int dash = single.IndexOf('-');
                    if (k == s && dash > 1 && char.IsUpper(single[0]) && dash + 1 < single.Length && char.IsUpper(single[dash + 1])) _orgSingles.Add(single[..dash]);
                }
                return;
            }
        }
        // person: trailing name tokens after title words
        int n = e;
        while (n > s)
        {
            var w = StripPossessive(W(toks[n - 1]).ToString());
            // "K.Y. Yeung", "N.J. Nicholas": a person's dotted initials right before the surname that ends the run
            if (n == e && e - s >= 2 && IsDottedInitials(W(toks[e - 2]).ToString()) && !PlaceInitials.Contains(W(toks[e - 2]).ToString())
                && !Lexicon.OrgWords.Contains(w) && !UsedLowerCase(w) && (e - 2 == s || !IsCapWord(toks[e - 3]) || TitleWordAt(toks[e - 3]) || StripPossessive(W(toks[e - 3]).ToString()) != W(toks[e - 3]).ToString())
                && !(e < toks.Count && OrgWordAt(toks[e]))
                // not a firm named for its founder: in a headline ("A.H. ROBINS <QRAH> FILES ..."), before a ticker or a
                // legal suffix anywhere in the story, or before a description of its staff ("E.F. Hutton food analyst X")
                && !InitialledFirm(toks, e - 2, e))
            {
                n = e - 2;
                break;
            }
            if (EndsNameRun(w) && !(IsMonth(w) && MonthAsSurname(toks, s, e, n))) break;
            if (n - 1 > s && W(toks[n - 2]).EndsWith("’s") || n - 1 > s && W(toks[n - 2]).EndsWith("'s")) { n--; break; }
            // "Calif.-based Meridian": a place joined to "-based" is no first name
            if (w.EndsWith("-based", StringComparison.Ordinal) || w.EndsWith("-owned", StringComparison.Ordinal)) break;
            // "In Anacomp's fiscal 1986": a capitalised preposition that opens the sentence is no first name
            if (n - 1 == s && n < e && RunOpeningPrepositions.Contains(w)) break;
            n--;
        }
        int nameLen = e - n;
        if (nameLen >= 2 && nameLen <= 4)
        {
            // sentence-initial words like "Syrian" are filtered above; require the first name token not be a common sentence word
            string full = StripPossessive(_text[toks[n].S..toks[e - 1].E]);
            if (_countries.TryAny(full, out _)) return;   // "United States", "Saudi Arabia" are not people
            // "Del Ponte" after "Carla del Ponte": the surname of a person already met, not a new person
            if (nameLen == 2 && !_persons.ContainsKey(full) && Lexicon.NameParticles.Contains(W(toks[n]).ToString().ToLowerInvariant())
                && _surnames.TryGetValue(char.ToLowerInvariant(full[0]) + full[1..], out var owner))
            {
                _mentions.Add((toks[n].S, _persons[owner]));
                return;
            }
            if (_persons.TryGetValue(full, out var known)) _mentions.Add((toks[n].S, known));
            if (!_persons.ContainsKey(full))
            {
                _persons[full] = new Entity { Name = full, Type = SpeakerTypes.Person };
                _mentions.Add((toks[n].S, _persons[full]));
                string surname = full[(full.LastIndexOf(' ') + 1)..];
                _surnames.TryAdd(surname, full);
                // "al-Assad" is also called "Assad": a lower-case particle joined by a dash may be dropped
                int dash = surname.IndexOf('-');
                if (dash is > 0 and <= 3 && surname[..dash].All(char.IsLower) && dash + 1 < surname.Length && char.IsUpper(surname[dash + 1]))
                    _surnames.TryAdd(surname[(dash + 1)..], full);
                // "del Ponte" -> "Del Ponte" style: also the two last words when a particle precedes
                int sp = full.LastIndexOf(' ');
                int sp2 = sp > 0 ? full.LastIndexOf(' ', sp - 1) : -1;
                if (sp2 >= 0 && Lexicon.NameParticles.Contains(full[(sp2 + 1)..sp])) _surnames.TryAdd(full[(sp2 + 1)..], full);
            }
        }
    }

    readonly List<(int At, Entity Person)> _mentions = [];
    /// <summary>Where the extractor is in the text (for "he" with no earlier speaker).</summary>
    public int Position { get; set; }

    /// <summary>The only country (or capital) the current sentence names, else null; set by the extractor per sentence.</summary>
    public string? SentenceCountry { get; set; }

    Entity? MentionedBefore()
    {
        Entity? best = null;
        foreach (var (at, p) in _mentions) if (at < Position) best = p;
        return best is null ? null : Note(best);
    }

    static readonly WordSet TimeAfterDocument = new(["midday", "noon", "today", "yesterday", "night", "week", "weekend", "month", "morning", "evening", "afternoon", "midnight"]);

    /// <summary>
    /// "Prime Minister Theresa May said", "fund manager Susan June": a month that ends a run of capitals right after
    /// a given name, with no day number after it, is a surname, not a date.
    /// </summary>
    bool MonthAsSurname(List<Tok> toks, int s, int e, int n)
    {
        if (n != e || n - 2 < s || e < toks.Count && char.IsDigit(_text[toks[e].S])) return false;
        var first = StripPossessive(W(toks[n - 2]).ToString());
        return first.Length > 1 && char.IsUpper(first[0]) && char.IsLower(first[1]) && !EndsNameRun(first) && !Lexicon.Prepositions.Contains(first);
    }

    /// <summary>A capitalised word that is no part of a person's name (a title, a country, a weekday, a month ...): the
    /// pre-scan's name run stops at it.</summary>
    bool EndsNameRun(string w) =>
        Lexicon.TitleWords.Contains(w) || Lexicon.Determiners.Contains(w) || IsWestern(w) || Lexicon.Pronouns.Contains(w) || _countries.TryAny(w, out _)
        || Lexicon.OrgWords.Contains(w) || Lexicon.Weekdays.Contains(w) || Lexicon.SentenceOpeners.Contains(w) || IsMonth(w) || IsAllCaps(w.AsSpan());

    /// <summary>Whether "X.Y. Surname" (tokens [i, e)) names a firm: the headline writes it, the story follows it with a
    /// ticker or a legal suffix, or it qualifies a lower-case title right after it.</summary>
    bool InitialledFirm(List<Tok> toks, int i, int e)
    {
        string name = _text[toks[i].S..toks[e - 1].E];
        if (Headline is { } h && h.Contains(name.ToUpperInvariant(), StringComparison.Ordinal)) return true;
        if (LooksLikeOrgToken(name)) return true;
        for (int k = e; k < toks.Count && k <= e + 2; k++)
        {
            if (toks[k].Kind != TokKind.Word || !char.IsLower(_text[toks[k].S])) break;
            var w = W(toks[k]).ToString();
            // (a verb, a determiner or a preposition ends the description: "A.W. Clausen said the bank ...")
            if (Lexicon.Lookup.ContainsKey(w) || Lexicon.Determiners.Contains(w) || Lexicon.Prepositions.Contains(w) || Lexicon.AuxAdverbs.Contains(w)
                || Lexicon.SubjectStoppers.Contains(w) || w is "of") break;
            if (Lexicon.PersonNouns.Contains(w) || Lexicon.TitleWords.Contains(w)) return true;
        }
        return false;
    }

    /// <summary>The article's headline (a name written in it with initials is a firm's, "P.H. GLATFELTER CO").</summary>
    public string? Headline { get; set; }

    /// <summary>"K.Y.", "J.": one to three capital letters, each closed by a period.</summary>
    static bool IsDottedInitials(string w) => w.Length is >= 2 and <= 6 && w.Length % 2 == 0
        && Enumerable.Range(0, w.Length / 2).All(k => char.IsUpper(w[2 * k]) && w[2 * k + 1] == '.');

    /// <summary>Dotted initials of places and bodies, never a person's: "U.S. Steel", "B.C. Resources".</summary>
    static readonly HashSet<string> PlaceInitials = new(StringComparer.Ordinal)
        { "U.S.", "U.K.", "U.N.", "E.C.", "N.Z.", "B.C.", "N.J.", "N.Y.", "D.C.", "L.A.", "S.A.", "U.A.E.", "E.E.C.", "P.R.", "W.", "E.", "N.", "S.",
          // legal forms written with dots: "N.V. Philips", "P.T. Astra"
          "N.V.", "B.V.", "A.G.", "K.K.", "P.T.", "S.p.A.", "A.S.", "A.B." };

    static bool IsMonth(string w) => w is "January" or "February" or "March" or "April" or "May" or "June" or "July"
        or "August" or "September" or "October" or "November" or "December" or "Jan." or "Feb." or "Sept." or "Oct." or "Nov." or "Dec.";

    bool IsCapWord(Tok t)
    {
        if (t.Kind != TokKind.Word) return false;
        if (char.IsUpper(_text[t.S])) return true;
        // "al-Assad", "bin-Laden": a lower-case particle joined to a capitalised name
        int dash = _text.IndexOf('-', t.S, Math.Min(4, t.E - t.S));
        return dash > t.S && dash + 1 < t.E && char.IsUpper(_text[dash + 1]);
    }
    bool IsParticle(Tok t) => t.Kind == TokKind.Word && Lexicon.NameParticles.Contains(W(t));
    bool Is(Tok t, string w) => t.Kind == TokKind.Word && W(t).Equals(w, StringComparison.OrdinalIgnoreCase);
    bool TitleWordAt(Tok t) => t.Kind == TokKind.Word && Lexicon.TitleWords.Contains(W(t));
    bool OrgWordAt(Tok t) => t.Kind == TokKind.Word && Lexicon.OrgWords.Contains(W(t));
    ReadOnlySpan<char> W(Tok t) => _text.AsSpan(t.S, t.E - t.S);

    internal static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        int letters = 0;
        foreach (char c in w) { if (char.IsLetter(c)) { if (char.IsLower(c)) return false; letters++; } }
        return letters >= 2;
    }

    /// <summary>The agent of a participle phrase on a document: "published on Monday by the energy agency" -> "the energy agency".</summary>
    static string? AuthorAfterBy(string? phrase)
    {
        // only a participle of making the document: "seen by Reuters" or "obtained by the newspaper" names no author
        if (phrase is null || !AuthorshipParticiples.Contains(phrase.Split(' ')[0])) return null;
        int at = phrase.IndexOf(" by ", StringComparison.Ordinal);
        if (at < 0) return null;
        var agent = phrase[(at + 4)..].Trim().TrimEnd(',', '.');
        return agent.Length == 0 ? null : agent;
    }

    static readonly WordSet AuthorshipParticiples = new(["published", "released", "issued", "prepared", "compiled", "written",
        "produced", "drawn", "presented", "submitted", "sent", "signed", "commissioned", "posted", "filed", "conducted"]);

    /// <summary>A name whose last word is a public body's noun ("... Committee", "... Ministry") other than <paramref name="head"/>.</summary>
    static bool IsPublicBody(string name, string head)
    {
        // "the agency", "the group", "the union" may well be a department or a council; "the bank", "the company" is not
        if (head is "agency" or "group" or "union" or "exchange" or "unit" or "division" or "subsidiary" or "partnership" or "concern") return false;
        var last = name[(name.LastIndexOf(' ') + 1)..].TrimEnd('.', ',');
        return !string.Equals(last, head, StringComparison.OrdinalIgnoreCase) && PublicBodyNouns.Contains(last);
    }

    // not "association", "board" or "institute": "First Federal Savings and Loan Association" is "the company"
    static readonly WordSet PublicBodyNouns = new(["committee", "commission", "ministry", "council", "court", "parliament", "department",
        "senate", "congress", "government", "administration", "cabinet", "police", "army", "navy", "military", "embassy", "tribunal", "legislature"]);

    /// <summary>
    /// Whether a name has the word as one of its words ("the bank": "Bank of Japan", not "Senate Banking Committee";
    /// "the court": not "Courtland Ltd"), a hyphenated part counting as a word.
    /// </summary>
    internal static bool HasWord(string name, string word)
    {
        // a compound that ends in the word counts too: "Westbank AG", "RepublicBank Corp" are banks
        foreach (var w in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (StripPossessive(w).TrimEnd('.', ',').EndsWith(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    internal static string StripPossessive(string s)
    {
        if (s.EndsWith("’s", StringComparison.Ordinal) || s.EndsWith("'s", StringComparison.Ordinal)) return s[..^2];
        if (s.EndsWith("s’", StringComparison.Ordinal) || s.EndsWith("s'", StringComparison.Ordinal)) return s[..^1];
        return s;
    }

    // ---------- resolution ----------

    static readonly string[] LeadingConnectives = ["But ", "And ", "However, ", "Yet ", "So ", "Meanwhile, ", "Still, ", "Also "];

    /// <summary>A bond syndicate's role before the firm's name ("..., said lead manager X"). Longest first.</summary>
    static readonly string[] RolesBeforeAName = [
        "joint lead manager ", "co-lead manager ", "sole lead manager ", "lead manager ", "sole manager ", "co-manager ",
        "lead underwriter ", "sole underwriter ", "underwriter ", "bookrunner ", "book runner ", "lead managers "];

    /// <summary>The phrase without the first of <paramref name="prefixes"/> it opens with, when a capitalised name follows.</summary>
    static string WithoutPrefixBeforeAName(string p, string[] prefixes)
    {
        foreach (var r in prefixes)
            if (p.StartsWith(r, StringComparison.OrdinalIgnoreCase) && p.Length > r.Length + 1 && char.IsUpper(p[r.Length]))
                return p[r.Length..];
        return p;
    }

    /// <summary>
    /// "official" / "state-run" before a named news agency or paper ("the official Tanjug news agency"). Not before
    /// anything else: "official Indian figures" is the government's.
    /// </summary>
    static readonly string[] QualifiersBeforeAMedium = [
        "the official ", "the semi-official ", "the state-run ", "official ", "semi-official ", "state-run "];

    /// <summary>Resolves a speaker phrase (text as written) to an entity. <paramref name="apposition"/> is a
    /// trailing appositive ("the head of the Norwegian Refugee Council") that may give the role.</summary>
    public Entity Resolve(string phrase, string? apposition = null)
    {
        string p = phrase.Trim().TrimEnd(',');
        foreach (var c in LeadingConnectives)
            if (p.StartsWith(c, StringComparison.Ordinal)) p = p[c.Length..];
        // "lead manager First Boston Corp", "the official Xinhua News Agency": the firm or medium named after it speaks
        p = WithoutPrefixBeforeAName(p, RolesBeforeAName);
        // "metals group Boliden AB <BLDS ST>", "lead manager <DnC Ltd>": a lower-case description before a company's
        // full name (capitalised words ending in a legal suffix) is not part of it
        {
            var pw = WithoutTickers(p).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int f = 0;
            while (f < pw.Length && char.IsLower(pw[f][0]) && !Lexicon.Prepositions.Contains(pw[f]) && pw[f] is not ("of" or "and" or "or")
                   && !Lexicon.Pronouns.Contains(pw[f])) f++;
            if (f > 0 && f < pw.Length - 1 && char.IsUpper(pw[f][0]) && pw[f..].All(w => char.IsUpper(w[0]) || w is "and" or "of" or "de" or "&")
                && CompanySuffixes.Contains(pw[^1].TrimEnd(',')) && !pw[f..].Contains("and"))
                p = string.Join(' ', pw[f..]);
        }
        if (p.Split(' ')[^1].ToLowerInvariant() is "agency" or "newspaper" or "daily" or "paper" or "radio" or "television" or "weekly" or "gazette")
            p = WithoutPrefixBeforeAName(p, QualifiersBeforeAMedium);
        if (p.Length == 0) return Note(Other("unknown", SpeakerTypes.Organization, false));
        string lower = p.ToLowerInvariant();
        switch (lower)
        {
            case "he": case "she": case "i": case "him": case "her":
                return LastPerson ?? MentionedBefore() ?? Note(Other(p, SpeakerTypes.Person, false));
            case "it": case "we":
                // "..., an agent for the country said. It said ...": with no body met yet, the unnamed source before
                return LastThing ?? LastPlural ?? (LastPerson?.Final is { Type: SpeakerTypes.Anonymous } anon ? LastPerson : null)
                       ?? Note(Other(p, SpeakerTypes.Organization, false));
            case "they":
                return LastPlural ?? LastThing ?? Note(Other(p, SpeakerTypes.Collective, true));
        }

        if (lower is "some" or "many" or "most") return Note(Other(lower, SpeakerTypes.Collective, true));
        bool listedCompany = false;
        // "Polydex Pharmaceuticals Ltd <POLYXF>": a ticker after a name is not part of it
        {
            int lt = p.LastIndexOf(" <", StringComparison.Ordinal);
            if (lt > 0 && p.EndsWith('>') && !p[(lt + 2)..^1].Contains(' ') && !p[(lt + 2)..^1].Any(char.IsLower) && char.IsUpper(p[0]))
            {
                p = p[..lt].TrimEnd();
                lower = p.ToLowerInvariant();
                listedCompany = true;   // the ticker still says it is a company, not a person
            }
        }
        // "Both Jeffrey and Fellner": people met before, one statement; the pair keeps both names (guideline 17)
        {
            string pb = p.StartsWith("Both ", StringComparison.Ordinal) ? p[5..] : p;
            var parts = pb.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            // each conjunct a bare name of at most three capitalised words ("Kidder Peabody and Co analyst X" is a firm)
            if (parts.Length == 2 && parts.All(x => x.Split(' ') is { Length: <= 3 } xw && xw.All(w => w.Length > 1 && char.IsUpper(w[0])))
                && !CompanySuffixes.Contains(parts[1].Split(' ')[0].TrimEnd('.')))
            {
                var ps = parts.Select(x => FindPerson(x, x.Split(' '))).ToArray();
                if (ps.All(x => x is not null && x.Type == SpeakerTypes.Person) && ps[0] != ps[1])
                    return Note(Other(ps[0]!.Name + " and " + ps[1]!.Name, SpeakerTypes.Person, false));
            }
        }
        // "he and others": one statement typed by its first conjunct (guideline 17)
        int andAt = lower.IndexOf(" and ", StringComparison.Ordinal);
        if (andAt > 0 && lower[..andAt] is "he" or "she" or "they" or "we" && Lexicon.CollectiveNouns.Contains(lower[(andAt + 5)..]))
        {
            var first = Resolve(p[..andAt]);
            return Note(Other(first.Name + p[andAt..], first.Type, first.Anonymous));
        }

        // Drop relative clauses and trailing modifiers that restrict an unnamed source, remember them.
        string core = p;
        foreach (var rel in new[] { " who ", " which ", " whose " })
        {
            int r = core.IndexOf(rel, StringComparison.Ordinal);
            if (r > 0) core = core[..r];
        }
        core = core.Trim().TrimEnd(',');

        // "Malaysia's central bank, Bank Negara", "the farm union, the FNSEA": a body described by a lower-case noun and
        // then named in apposition is the body of that name
        {
            int lc = core.LastIndexOf(", ", StringComparison.Ordinal);
            if (lc > 0)
            {
                var head0 = core[..lc].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var tw0 = core[(lc + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int f0 = 0;
                if (f0 < tw0.Length && tw0[f0] is "the" or "its" or "a" or "an") f0++;
                while (f0 < tw0.Length && char.IsLower(tw0[f0][0])) f0++;
                // (the description's head noun, not the last word: "A commander of a ... rebel group, X" is a person)
                string hn0 = head0.Length > 0 ? head0[HeadIndex(head0)] : "";
                if (head0.Length > 0 && hn0.Length > 0 && char.IsLower(hn0[0]) && Lexicon.OrgNouns.Contains(hn0) && f0 < tw0.Length
                    && tw0[f0..].All(w => char.IsUpper(w[0]) || w[0] is '<' or '(' || w.EndsWith('>') || w.EndsWith(')')))
                {
                    // the name of a body, never a person's ("Bank Negara" is no "President Reagan")
                    string named = WithoutTickers(string.Join(' ', tw0[f0..]));
                    return Note(Other(OrgName(named), SpeakerTypes.Organization, false));
                }
            }
        }

        // "The team's report to the government": a document speaks for its owner named before the possessive
        {
            var cw = core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int po = Array.FindIndex(cw, w => w.Length > 2 && (w.EndsWith("'s") || w.EndsWith("’s")));
            if (po >= 1 && po + 1 < cw.Length && Lexicon.DocumentNouns.Contains(cw[po + 1])
                && (po + 2 == cw.Length || Lexicon.Prepositions.Contains(cw[po + 2]) || cw[po + 2] is "of")
                && Lexicon.Determiners.Contains(cw[0]) && cw[1..(po + 1)].All(w => char.IsLower(w[0])))
                return Resolve(string.Join(' ', cw[..(po + 1)])[..^2]);
        }

        // "Italy's state-owned <Banca Nazionale>": 1987 copy marks company names with angle brackets
        // (only a bracketed name that ends the phrase: "Westpac Banking Corp <WSTP.S>" is a name and its ticker)
        int ltAt = core.IndexOf('<');
        // and only after a descriptor: "Owen Evans of broker <Meares Ltd>" and "a spokesman for member <X Plc>" name others)
        if (ltAt > 0 && core.IndexOf('>', ltAt) == core.Length - 1 && core[ltAt..].Any(char.IsLower)
            && !core[..ltAt].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w is "and" or "of" or "for" or "at" or "from" or "with" or "to"
                || Lexicon.PersonNouns.Contains(w) || w.EndsWith(','))) core = core[ltAt..];

        // "Long Name (ACR)" -> keep the initialism for descriptors
        core = ReplaceParenAcronyms(core);

        var words = core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return Note(Other(p, SpeakerTypes.Organization, false));

        // "figures from the Central Bureau", "a statement by the union": the author speaks, the document is the medium
        if (DocumentAuthor(words, out int docAt) is { } docAuthor) return Resolve(docAuthor);
        // "a monthly survey of private firms": no named author, the document itself (as before the of-phrase)
        if (docAt > 0 || docAt == 0 && words.Length > 1) return Resolve(string.Join(' ', words[..(docAt + 1)]));

        // "Lyle Dawes's Vane": the firm's man; the name after the possessive is the speaker when it is a person met before
        if (words.Length >= 3 && char.IsUpper(words[^1][0]))
        {
            int pos = Array.FindLastIndex(words, w => StripPossessive(w) != w);
            if (pos >= 0 && pos < words.Length - 1 && words[(pos + 1)..].All(w => char.IsUpper(w[0])))
            {
                string after = string.Join(' ', words[(pos + 1)..]);
                if (IsKnownSurname(after) || _persons.ContainsKey(after)) return Resolve(after);
            }
        }

        // "Moody's said" after "Moody's Investors Service Inc": a one-word short form that begins an organisation's
        // name seen in the story (its "'s" is part of the name, not a possessive)
        if (words.Length == 1 && char.IsUpper(words[0][0]))
            foreach (var n in _orgNames)
                if (n.StartsWith(words[0] + " ", StringComparison.Ordinal) && StripPossessive(words[0]) != words[0])
                    return Note(Other(n.Replace('’', '\''), SpeakerTypes.Organization, false));

        // "BAe" after "British Aerospace Plc <BAEL.L> (BAe)": a mixed-case short name given in brackets is that company
        if (words.Length == 1 && !IsAllCaps(words[0]) && _aliases.TryGetValue(words[0], out var aliased))
            return Note(Other(OrgName(WithoutTickers(aliased)), SpeakerTypes.Organization, false));

        // "the official watchdog body COB", "the employers' federation CBI": a body named by its initials right after
        // its lower-case noun is that body
        if (words.Length >= 3 && words[^1].Length >= 2 && IsAllCaps(words[^1]) && words[^1].All(char.IsLetter)
            && char.IsLower(words[^2][0]) && Lexicon.OrgNouns.Contains(words[^2])
            // not "a spokesman for the shipowners' association INSA", whose head is the spokesman
            && !words[..^2].Any(w => w is "for" or "of" or "at" or "from" or "with" or "to" or "by"))
            return Note(Other(OrgName(words[^1]), SpeakerTypes.Organization, false));

        // "Der Spiegel magazine", "the newspaper Welt am Sonntag": the publication's own name, an organisation
        {
            var mw = StripDeterminer(core, out _).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "Russia's RIA news agency", "Germany's Handelsblatt newspaper": the country is not part of the name
            if (mw.Length >= 3 && StripPossessive(mw[0]) != mw[0] && _countries.TryAny(StripPossessive(mw[0]), out _)) mw = mw[1..];
            // "news agency" is one publication noun; "the state news agency SANA" keeps only the name
            int na = Array.FindIndex(mw, w => w == "news");
            if (na >= 0 && na + 1 < mw.Length && mw[na + 1] is "agency" or "service")
            {
                if (na + 2 == mw.Length && na > 0) mw = [.. mw[..na], "newspaper"];
                // "the Iranian news agency IRNA": a nationality before it is no part of the name either
                else if (mw[..na].All(w => char.IsLower(w[0]) || _countries.TryAny(w, out _))) mw = ["newspaper", .. mw[(na + 2)..]];
            }
            if (mw.Length >= 2)
            {
                string? pub = null;
                if (PublicationNouns.Contains(mw[0]) && char.IsLower(mw[0][0]) && IsTitleRun(mw[1..]))
                    pub = string.Join(' ', mw[1..]);
                else if (PublicationNouns.Contains(mw[^1]) && char.IsLower(mw[^1][0]) && IsTitleRun(mw[..^1])
                         && StripPossessive(mw[0]) == mw[0] && !_countries.TryAny(mw[0], out _)
                         && !OwnerBodies.Contains(mw[^2]))   // "the Communist Party newspaper" is the party's paper, not the party
                    pub = string.Join(' ', mw[..^1]);
                if (pub is not null && Lexicon.OrgWords.Contains(pub) == false)
                {
                    _lastPublication = Other(pub.Replace('’', '\''), SpeakerTypes.Organization, false);
                    return Note(_lastPublication);
                }
            }
        }

        // "A group led by investor Sam Ortiz": the group speaks, not its leader; named when the leader is
        foreach (var led in LedByPhrases)
        {
            int la = core.IndexOf(led, StringComparison.Ordinal);
            if (la <= 0) continue;
            var before = core[..la].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string hd = before[^1].ToLowerInvariant();
            if (!(Lexicon.OrgNouns.Contains(hd) || Lexicon.CompanyNouns.Contains(hd) || Lexicon.CollectiveNouns.Contains(hd) || hd is "consortium" or "team" or "delegation"))
                break;
            string name = StripDeterminer(core, out _);
            var after = core[(la + led.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool named = after.Length > 0 && char.IsUpper(after[^1][0]);   // "led by investor Sam Ortiz", not "by a Dutch firm"
            return Note(Other(name, SpeakerTypes.Organization, !named));
        }

        // "Bank of Japan Governor Satoshi Sumita": a person met before whose name ends the phrase after a title is that
        // person, whatever body the title names
        // (all in capitals but the joiners: not "a senior adviser to President X", "the government of President X")
        if (words.Length >= 4 && !core.Contains(", ") && words.All(w => char.IsUpper(w[0]) || w is "of" or "for" or "and" or "the"))
            foreach (var pe in _persons.Values)
                if (pe.Name.Contains(' ') && core.EndsWith(" " + pe.Name, StringComparison.Ordinal)
                    && core[..^(pe.Name.Length + 1)].Split(' ') is { Length: >= 2 } tw && TitleHeads.Contains(tw[^1]) && char.IsUpper(tw[^1][0]))
                {
                    FillRole(pe, core, apposition);
                    return Note(pe);
                }

        // 1. people: a known name or surname inside the phrase; not when the phrase is a company or body name
        //    ("Champion Home Builders Co") or the name only ever begins an organisation's name
        string headPart = core;
        foreach (var cut in new[] { " of ", ", ", " at ", " for ", " from ", " in " })
        {
            int at = headPart.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0) headPart = headPart[..at];
        }
        var hw = headPart.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Goldman, Sachs and Co": a partnership name the pre-scan saw whole is no person, whatever its comma cuts off
        bool endsOrg = listedCompany || IsCommaFirm(core) && _orgNames.Contains(StripDeterminer(core, out _)) || hw.Length > 0 && (Lexicon.OrgWords.Contains(StripPossessive(hw[^1].TrimEnd(',', '.')))
                       || hw[^1].StartsWith('<') || hw[^1].EndsWith('>') || hw.Length > 1 && hw[^1].Length > 1 && IsAllCaps(hw[^1]) && !hw[^1].Contains('.'));
        // "The Wheat Growers official", "a Reagan aide": a lower-case source noun heads the phrase, the name before
        // it only says whose; the speaker is not that name
        bool commonHead = hw.Length > 1 && hw.Length == words.Length && char.IsLower(hw[^1][0]) && (Lexicon.PersonNouns.Contains(hw[^1]) || Lexicon.CollectiveNouns.Contains(hw[^1])
                                                                                             // "The Cooper Basin producer": the story's company
                                                                                             || Lexicon.CompanyNouns.Contains(hw[^1]))
                          && !Lexicon.Determiners.Contains(hw[^2]) && char.IsUpper(hw[^2][0]) && StripPossessive(hw[^2]) == hw[^2];
        // "Officials involved in Howard's itinerary", "sources close to Smith": whom the sources are close to is not who speaks
        int pm = Array.FindIndex(words, w => w is "involved" or "close" or "closest" or "familiar" or "connected" or "associated" or "linked" or "attending" or "participating");
        bool modifiedSource = pm > 0 && pm + 1 < words.Length && Lexicon.Prepositions.Contains(words[pm + 1])
                              && (Lexicon.PersonNouns.Contains(words[pm - 1]) || Lexicon.CollectiveNouns.Contains(words[pm - 1])
                                  || words[pm - 1].EndsWith('s') && Lexicon.PersonNouns.Contains(words[pm - 1][..^1]));
        // "the Inland Revenue said": people take no "the" (the pre-scan sees most such names; this catches the ones it
        // met before a noun); not "the Texas Democrat", a person by party
        bool theName = words.Length >= 3 && words[0] is "the" or "The"
                       && words[1..].All(w => char.IsUpper(w[0]) && !w.Contains('.') && !Lexicon.TitleWords.Contains(w) && StripPossessive(w) == w)
                       && !Lexicon.TitleWords.Contains(words[1]) && !_countries.TryAny(StripPossessive(words[1]), out _) && !IsWestern(words[1])
                       && !IsPartyMemberOrTitle(StripPossessive(words[^1]));
        var person = endsOrg || commonHead || modifiedSource ? null : FindPerson(core, words);
        // ... unless a person met before ends the phrase ("the ONIC Bernard Vieux" after "Bernard Vieux")
        if (theName && person is not null && person.Name != string.Join(' ', words[1..])) theName = false;
        if (theName) person = null;
        // a bare single name that is no one's full name but begins the name of an organisation that has spoken
        if (words.Length == 1 && person is not null && person.Name == StripPossessive(words[0]) && char.IsUpper(words[0][0])
            && SpokenOrgBeginningWith(StripPossessive(words[0])) is { } spokenOrg)
            return Note(spokenOrg);
        if (person is not null && _orgNames.Any(n => n.StartsWith(person.Name + " ", StringComparison.Ordinal)
                                                    // "Smith Barney said" after "Smith Barney, Harris Upham and Co Inc"
                                                    || n.StartsWith(person.Name + ", ", StringComparison.Ordinal) && IsCommaFirm(n))) person = null;
        if (person is not null)
        {
            FillRole(person, core, apposition);
            return Note(person);
        }

        string bare = StripDeterminer(core, out string det);
        bare = StripBased(bare);
        string bareLower = bare.ToLowerInvariant();

        // 2. governments: country, capital, seat of government, "the Syrian government", "Britain and France"
        if (GovernmentOf(bare) is { } gov) return Note(Gov(gov));
        if (AllConjunctsCountries(bare)) return Note(Other(bare, SpeakerTypes.Government, false));
        bare = bare.Replace(" and the ", " and ", StringComparison.Ordinal);

        var bw = bare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (bw.Length == 0) return Note(Other(p, SpeakerTypes.Organization, false));
        int headIdx = HeadIndex(bw);
        string head = bw[headIdx].ToLowerInvariant().TrimEnd(',');
        string headSing = head.EndsWith('s') ? head[..^1] : head;

        if (head is "government" or "authorities" or "regime")
        {
            string? country = CountryIn(bw);
            // "President X's government" with no country in the phrase: a leader's government is the country the
            // sentence itself names, when it names only one
            if (country is null && SentenceCountry is not null && bw.Any(x => StripPossessive(x) != x) && bw.Any(x => char.IsUpper(x[0])))
                return Note(Gov(SentenceCountry));
            if (country is null && LastGovernment is not null) return Note(LastGovernment);
            country ??= DatelineCountry ?? MainCountry;
            if (country is not null) return Note(Gov(country));
        }
        if (bareLower is "army" or "armed forces" or "military" or "security forces")
        {
            string? cty = LastGovernment?.Name ?? DatelineCountry ?? MainCountry;
            string? dem = cty is null ? null : _countries.DemonymOf(cty);
            var e = Other(dem is null ? bare : dem + " armed forces", SpeakerTypes.Government, false);
            e.Affiliation ??= cty;
            return Note(e);
        }
        if (bareLower.Contains("opposition") && !bareLower.Contains(' ') || bareLower.EndsWith("opposition") || bareLower.Contains("opposition alliance") || bareLower.Contains("opposition coalition"))
        {
            string? cty = CountryIn(bw0(bare)) ?? MainCountry;
            string? dem = cty is null ? null : _countries.DemonymOf(cty);
            if (dem is not null) return Note(Other(dem + " opposition", SpeakerTypes.Organization, false));
        }

        bool headCapital = char.IsUpper(bw[headIdx][0])
                           && !(headIdx == 0 && (Lexicon.CollectiveNouns.Contains(bw[0]) || Lexicon.PersonNouns.Contains(bw[0])))
                           // 1987 copy capitalises the word after "U.S.": "U.S. Officials" is "U.S. officials"
                           && !(headIdx > 0 && bw[headIdx - 1].EndsWith('.') && (Lexicon.CollectiveNouns.Contains(bw[headIdx]) || Lexicon.PersonNouns.Contains(bw[headIdx])));
        // investigators, experts, a panel or its report: the inquiry body named in the article
        if (head is "investigators" or "experts" or "inspectors" or "panel" or "commission" or "report" or "investigation" or "inquiry"
            && InquiryBody() is { } body && (det.Equals("the", StringComparison.OrdinalIgnoreCase) || bw.Length > 1 || bareLower.Contains("commission")))
            return Note(Other(body, SpeakerTypes.Organization, false));

        // a body described by a common noun: "a monitoring group" (unnamed), "the union", "the newspaper" (named before)
        if (!headCapital && Lexicon.OrgNouns.Contains(head) && headIdx == bw.Length - 1
            && (bw[..headIdx].All(x => char.IsLower(x[0]) || _countries.TryAny(StripPossessive(x), out _))
                // "The Cooper Basin producer", "the Dallas retailer": a place or field before the story's company noun
                || det is "the" or "The" && Lexicon.CompanyNouns.Contains(head) && head is not ("exchange" or "agency" or "union")
                   && bw[..headIdx].All(x => StripPossessive(x) == x && !char.IsDigit(x[0])) && bw[..headIdx].Any(x => char.IsUpper(x[0]))
                   // "the Hunt group": a name right before "group" is the group's own name
                   && !(head is "group" or "partnership" && char.IsUpper(bw[headIdx - 1][0]))))
        {
            bool indefinite = det is "a" or "an" or "A" or "An" or "one" or "One";
            if (!indefinite)
            {
                if (PublicationNouns.Contains(head) && _lastPublication is not null) return Note(_lastPublication);
                if (LastThing?.Final is { } lt && lt.Type == SpeakerTypes.Organization && HasWord(lt.Name, head)) return Note(lt);
                foreach (var n in _orgNames)
                    if (HasWord(n, bw[headIdx])) return Note(Other(OrgName(n), SpeakerTypes.Organization, false));
                if (NameAfterNoun(head) is { } named) return Note(Other(named, SpeakerTypes.Organization, false));
                if (Lexicon.CompanyNouns.Contains(head))
                {
                    // "the bank" after "the Senate Banking Committee" is no committee: a public body named by its own
                    // kind of noun is not the story's company
                    if (LastThing?.Final is { Type: SpeakerTypes.Organization } org0 && !org0.Anonymous && !IsPublicBody(org0.Name, head)) return Note(org0);
                    // the story's company: the first organisation named, not an institution ("the Treasury", "Eastwood Hospital")
                    if (_orgNames.FirstOrDefault(n => !Lexicon.InstitutionWords.Contains(n[(n.LastIndexOf(' ') + 1)..])) is { } firstCo)
                        return Note(Other(OrgName(StripBased(firstCo)), SpeakerTypes.Organization, false));
                }
                if (CountryIn(bw) is { } cty && head is "ministry" or "government" or "army" or "military") 
                {
                    var sub = Other(bare.Replace('’', '\''), SpeakerTypes.Government, false);
                    sub.Affiliation = cty;
                    return Note(sub);
                }
            }
            var unnamed = Other((indefinite ? "a " : "") + bare, SpeakerTypes.Organization, indefinite);
            return Note(unnamed);
        }

        // 3. unnamed groups and plural sources
        if (!headCapital && Lexicon.CollectiveNouns.Contains(head))
        {
            // "the sources", "the officials" alone: the group introduced with that noun before ("Finance Ministry
            // sources said ... the sources added"), as "the diplomat" is the diplomat met before
            if (bw.Length == 1 && det is "the" or "The" or "these" or "These")
                for (int k = _plurals.Count - 1; k >= 0; k--)
                    if (_plurals[k].Name.EndsWith(" " + head, StringComparison.OrdinalIgnoreCase) && !_plurals[k].Name.Contains(" of ")) return Note(_plurals[k]);
            bool counted = Lexicon.CountWords.Contains(det) && det is not "several";
            bool sources = head is "sources";
            // "Texaco executives", "Community officials": a capital that opens a name of the story stays
            string name = bw.Length > 1 && (_orgSingles.Contains(StripPossessive(bw[0])) && !UsedLowerCase(bw[0]) || IsKnownSurname(StripPossessive(bw[0]))) ? bare : Lowerish(bare);
            if (headIdx + 1 < bw.Length && bw[headIdx + 1].EndsWith("ing", StringComparison.Ordinal))
                name = Lowerish(string.Join(' ', bw.Where((_, ix) => ix != headIdx + 1)));
            name = name.Replace("United Nations ", "U.N. ", StringComparison.Ordinal);
            if (det.Equals("two", StringComparison.OrdinalIgnoreCase) || det.Length > 0 && counted) name = det.ToLowerInvariant() + " " + name;
            var e = Other(name, sources || counted ? SpeakerTypes.Anonymous : SpeakerTypes.Collective, true);
            e.Plural = true;
            e.Affiliation ??= CountryIn(bw[..headIdx]) ?? OrgIn(bw[..headIdx]);
            if (sources || counted)
            {
                e.Role = RoleWords(bw, headIdx, singular: true);
                e.Head = headSing;
            }
            return Note(e);
        }

        // 4. single sources described, not named: "a diplomat", "the spokeswoman", "Turkey's foreign minister"
        if (!headCapital && Lexicon.PersonNouns.Contains(headSing) || Lexicon.PersonNouns.Contains(head))
        {
            bool indefinite = det is "a" or "an" or "one" or "another" or "A" or "An" or "One" or "Another";
            bool definite = det.Equals("the", StringComparison.OrdinalIgnoreCase) || det.Length == 0;
            if (definite && !indefinite)
            {
                // the person whose title has this noun, else the unnamed source introduced with it
                string? owner = CountryIn(bw);
                bool Fits(Entity pe) => pe.Role is { } r && (r.Contains(head, StringComparison.OrdinalIgnoreCase) || AbbreviatedTitleMeans(r, head))
                                        && (owner is null || pe.Affiliation == owner);
                if (LastPerson?.Final is { } lp && lp.Type == SpeakerTypes.Person && Fits(lp)) return Note(lp);
                for (int k = _anonymous.Count - 1; k >= 0; k--)
                    if (_anonymous[k].Head == head && !_anonymous[k].Plural && (owner is null || _anonymous[k].Affiliation == owner)) return Note(_anonymous[k]);
                foreach (var pe in _persons.Values)
                    if (Fits(pe)) return Note(pe);
                // "the investment banker said" in a story about one firm: the firm, as "the brokerage" is
                if (headIdx > 0 && bw[headIdx - 1] is "investment" or "merchant" && head is "banker" or "dealer")
                {
                    if (LastThing?.Final is { Type: SpeakerTypes.Organization } firm && !firm.Anonymous) return Note(firm);
                    // the story's company: the first organisation named, not an institution ("the Treasury", "Eastwood Hospital")
                    if (_orgNames.FirstOrDefault(n => !Lexicon.InstitutionWords.Contains(n[(n.LastIndexOf(' ') + 1)..])) is { } firstCo)
                        return Note(Other(OrgName(StripBased(firstCo)), SpeakerTypes.Organization, false));
                }
                // an office identified by its title: "Turkey's foreign minister", "The head of the U.S. DIA"
                if (HasOwner(bw, headIdx))
                {
                    var office = Other(bare, SpeakerTypes.Person, false);
                    office.Role ??= bare;
                    office.Affiliation ??= CountryIn(bw) ?? OfPhrase(bare);
                    return Note(office);
                }
            }
            var anon = new Entity
            {
                Name = "a " + bare, Type = SpeakerTypes.Anonymous, Anonymous = true, Head = head,
                OneOfMany = det is "one" or "One" or "another" or "Another",
                Role = RoleWords(bw, headIdx, singular: false),
                Affiliation = CountryIn(bw) ?? OrgIn(bw) ?? OfPhrase(bare),
            };
            if (NeedsAn(bare)) anon.Name = "an " + bare;
            _anonymous.Add(anon);
            return Note(anon);
        }

        // 5. documents: "the report", "a Syrian interior ministry statement"
        // ("X's statement at midday": a time after the document is its date, not a post-modifier that heads the phrase)
        if (Lexicon.DocumentNouns.Contains(head) && (headIdx == bw.Length - 1
            || headIdx + 2 < bw.Length && headIdx + 4 >= bw.Length && bw[headIdx + 1] is "at" or "on" or "in" or "last" or "this"
               && bw[(headIdx + 2)..].All(w => TimeAfterDocument.Contains(w) || Lexicon.Weekdays.Contains(w) || IsMonth(w))))
        {
            // "The report said" after "X said in a field report": the document X spoke through
            if (bw.Length == 1 && det is "the" or "The" && _documentAuthors.TryGetValue(head, out var spokeThrough))
            {
                // and "it" after it is still the document, so its author
                Note(spokeThrough);
                LastThing = spokeThrough;
                return spokeThrough;
            }
            string author = StripPossessive(string.Join(' ', bw[..headIdx]));
            // "The French statement", "a Soviet communique": a nationality alone is its country's government
            if (headIdx == 1 && (_countries.TryDemonym(author, out var byDemonym) || _countries.TryName(author, out byDemonym)))
                return Note(Gov(byDemonym));
            // "a ministry statement", "a company statement": the body the lower-case noun before the document names
            // (not a noun the story's company answers to, "a bank statement", "central bank forecasts": those stay as before)
            if (author.Length > 0 && char.IsLower(author[0]) && Lexicon.OrgNouns.Contains(bw[headIdx - 1]) && bw[..headIdx].All(w => char.IsLower(w[0])))
            {
                string noun = bw[headIdx - 1];
                // only when that finds the body by name ("the company", "the government", "the committee" met before);
                // a bare "ministry" would stick to every later "X ministry", so then the document stays as before
                var (lp, lt, lpl, lg) = (LastPerson, LastThing, LastPlural, LastGovernment);
                var byNoun = Resolve("the " + author);
                // (a company noun only when it finds a body of that noun, "a bank statement" -> "X Bank", not the story's
                // other company: "central bank forecasts" in a story about a miners' union)
                if (!byNoun.Final.Name.Equals(author, StringComparison.OrdinalIgnoreCase) && !byNoun.Final.Anonymous
                    && (!Lexicon.CompanyNouns.Contains(noun) || noun is "company" or "firm" || byNoun.Final.Name.Contains(noun, StringComparison.OrdinalIgnoreCase)))
                    return byNoun;
                (LastPerson, LastThing, LastPlural, LastGovernment) = (lp, lt, lpl, lg);
            }
            if (author.Length > 0 && char.IsUpper(author[0]))
            {
                var a = Resolve(author);
                return a;
            }
            // "The report, published on Monday by the energy agency, said": the author named in the phrase on it
            if (AuthorAfterBy(apposition) is { } by) return Resolve(by);
            // "According to a document seen by Reuters": a document someone else saw or obtained is nobody's we know,
            // not the last body's (and no later "the company" or "it" means it). "A company statement" still is.
            if (det is "a" or "an" or "A" or "An" && bw.Length == 1 && apposition is not null) return Other(bare, SpeakerTypes.Organization, false);
            return LastThing ?? Note(Other(bare, SpeakerTypes.Organization, false));
        }

        // 6. organisations: capitalised phrases; initialisms and short forms to the full name
        if (char.IsUpper(bare[0]) || headCapital)
        {
            string name = OrgName(bare);
            // "President Reagan", "West German Chancellor Kohl": a title and one name is that person
            if (bw.Length is >= 2 and <= 6 && TitledSingleName(bw) is { } single)
            {
                if (!_persons.TryGetValue(single, out var pe)) _persons[single] = pe = new Entity { Name = single, Type = SpeakerTypes.Person };
                FillRole(pe, bare, apposition);
                return Note(pe);
            }
            // "the Treasury", "the Fed", "the Bundesbank": a person is never "the" + one name
            if (bw.Length == 1 && !IsAllCaps(bare) && !_orgSingles.Contains(bare) && !LooksLikeOrgToken(bare) && FirstWordOfCompanyIgnoringCase(bare) is null
                && !(det.Equals("the", StringComparison.OrdinalIgnoreCase) && !PersonTitles.Contains(bare)))
            {
                // "Arbitragers said", "Businessmen expect": a plural agent noun capitalised at the sentence start is a
                // group, not a person known by one name (unless the story introduced someone by that surname)
                if (!IsKnownSurname(bare) && bare.Length > 5 && char.IsLower(bare[1])
                    && (bare.EndsWith("men", StringComparison.Ordinal) || bare.EndsWith('s') && Lexicon.IsAgentNoun(bare[..^1].ToLowerInvariant())
                        || Lexicon.CollectiveNouns.Contains(bare)))
                {
                    var group = Other(Lowerish(bare), SpeakerTypes.Collective, true);
                    group.Plural = true;
                    return Note(group);
                }
                if (SpokenOrgBeginningWith(bare) is { } spoken) return Note(spoken);
                // "Petrobras said" after "Brazil's state oil company, Petrobras, said": the body met by that very name
                if (_others.TryGetValue(SpeakerTypes.Organization + "|" + bare, out var sameOrg)) return Note(sameOrg);
                // a single capitalised word never seen in an organisation name: a person known by one name
                var one = new Entity { Name = bare, Type = SpeakerTypes.Person };
                _persons.TryAdd(bare, one);
                return Note(_persons[bare]);
            }
            var org = Other(name, SpeakerTypes.Organization, false);
            return Note(org);
        }

        // 7. everything else lower-case: an unnamed group ("the sides in Munich"), but one unnamed individual after
        // "a"/"an" ("a cocoa merchant", "an industry lobbyist")
        if (det is "a" or "an" or "A" or "An" or "another" or "Another" && !head.EndsWith('s') && Lexicon.IsAgentNoun(head))
        {
            var one = new Entity { Name = det.ToLowerInvariant() + " " + bare, Type = SpeakerTypes.Anonymous, Anonymous = true, Head = head,
                                   Role = RoleWords(bw, headIdx, singular: false), Affiliation = CountryIn(bw) ?? OrgIn(bw) ?? OfPhrase(bare) };
            _anonymous.Add(one);
            return Note(one);
        }
        // "The dispatcher said" after "a dispatcher at the police department": the one met before with that noun, else
        // one unnamed individual, as "the diplomat" is
        if (det is "the" or "The" && !head.EndsWith('s') && Lexicon.IsAgentNoun(head))
        {
            for (int k = _anonymous.Count - 1; k >= 0; k--)
                if (_anonymous[k].Head == head && !_anonymous[k].Plural) return Note(_anonymous[k]);
            var the = new Entity { Name = "the " + bare, Type = SpeakerTypes.Anonymous, Anonymous = true, Head = head,
                                   Role = RoleWords(bw, headIdx, singular: false), Affiliation = CountryIn(bw) ?? OrgIn(bw) ?? OfPhrase(bare) };
            _anonymous.Add(the);
            return Note(the);
        }
        var coll = Other(Lowerish(bare), SpeakerTypes.Collective, true);
        coll.Plural = true;
        return Note(coll);
    }

    /// <summary>"Sen." is a senator, "Rep." a congressman or representative, "Gov." a governor: "the Texas senator"
    /// after "Sen. John Smith, D-Tex." is that senator.</summary>
    static bool AbbreviatedTitleMeans(string role, string head)
    {
        foreach (var w in role.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            switch (w)
            {
                case "Sen." when head is "senator": return true;
                case "Rep." when head is "congressman" or "congresswoman" or "representative": return true;
                case "Gov." when head is "governor": return true;
                case "Gen." when head is "general": return true;
            }
        return false;
    }

    /// <summary>The author of "DOCUMENT from/by/of AUTHOR" ("figures from the statistics bureau"), else null.</summary>
    static string? DocumentAuthor(string[] words, out int docAt)
    {
        docAt = -1;
        for (int d = 0; d < words.Length - 2 && d < 5; d++)
        {
            if (!Lexicon.DocumentNouns.Contains(words[d])) continue;
            int a = d + 1;
            if (words[a] is "issued" or "released" or "published") a++;
            if (a >= words.Length - 1 || words[a] is not ("from" or "by" or "of")) return null;
            docAt = d;
            var rest = words[(a + 1)..];
            // a named author, or a body described by its noun ("the central bank")
            if (!rest.Any(w => char.IsUpper(w[0])) && !Lexicon.OrgNouns.Contains(rest[^1].TrimEnd(',', '.'))) return null;
            return string.Join(' ', rest);
        }
        return null;
    }

    /// <summary>"President Reagan": capitalised title words then one capitalised name that is not a place or body.</summary>
    string? TitledSingleName(string[] bw)
    {
        string last = StripPossessive(bw[^1]);
        if (last.Length < 2 || !char.IsUpper(last[0]) || IsAllCaps(last) || last.Contains('.') || Lexicon.TitleWords.Contains(last)
            || Lexicon.OrgWords.Contains(last) || _orgSingles.Contains(last) || _countries.TryAny(last, out _) || LooksLikeOrgToken(last)
            // a common noun or verb capitalised by 1987 copy ("U.S. Officials", "the U.S. Embassy", "U.S. Has")
            || Lexicon.OrgNouns.Contains(last) || Lexicon.PersonNouns.Contains(last) || Lexicon.CollectiveNouns.Contains(last)
            || Lexicon.DocumentNouns.Contains(last) || Lexicon.AuxAdverbs.Contains(last) || Lexicon.Lookup.ContainsKey(last)
            || Lexicon.Determiners.Contains(last) || Lexicon.Prepositions.Contains(last)) return null;
        string title = bw[^2];
        if (!char.IsUpper(title[0]) || !Lexicon.TitleWords.Contains(title) || title is "of" or "the" or "and" or "for" or "to") return null;
        for (int k = 0; k < bw.Length - 1; k++)
        {
            string w = StripPossessive(bw[k]);
            if (!(Lexicon.TitleWords.Contains(w) || _countries.TryAny(w, out _) || w is "West" or "East" or "North" or "South")) return null;
        }
        return last;
    }

    static string[] bw0(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The country the article is mostly about: the most mentioned country (name, capital or demonym).</summary>
    public string? MainCountry { get; set; }

    /// <summary>"the leading Dutch evening paper NRC Handelsblad": the capitalised name written right after the noun.</summary>
    string? NameAfterNoun(string head)
    {
        string[] nouns = head is "newspaper" or "paper" or "daily" ? ["newspaper", "paper", "daily"] : [head];
        foreach (var noun in nouns)
        {
            int at = 0;
            while ((at = _region.IndexOf(noun + " ", at, StringComparison.Ordinal)) >= 0)
            {
                int st = at + noun.Length + 1, e = st;
                while (e < _region.Length)
                {
                    int sp = _region.IndexOfAny([' ', ',', '.', '\n', ';'], e);
                    if (sp < 0) sp = _region.Length;
                    if (sp == e || !char.IsUpper(_region[e])) break;
                    e = sp;
                    if (e < _region.Length && _region[e] == ' ' && e + 1 < _region.Length && char.IsUpper(_region[e + 1])) e++;
                    // "agency Caisse de Refinancement Hypothecaire": a lower-case particle between capitalised words
                    else if (e < _region.Length && _region[e] == ' ' && _region.IndexOf(' ', e + 1) is var ps and > 0
                             && Lexicon.NameParticles.Contains(_region.AsSpan(e + 1, ps - e - 1)) && ps + 1 < _region.Length && char.IsUpper(_region[ps + 1]))
                        e = ps + 1;
                    else break;
                }
                if (e > st) return _region[st..e].Trim();
                at = st;
            }
        }
        return null;
    }

    string? InquiryBody()
    {
        foreach (var n in _orgNames)
            if (n.Contains("Commission", StringComparison.Ordinal) || n.Contains("Inquiry", StringComparison.Ordinal) || n.Contains("Panel", StringComparison.Ordinal))
                return OrgName(n);
        return null;
    }

    bool LooksLikeOrgToken(string w)
    {
        // a word followed in the text by a company suffix or ticker ("Chevron Corp", "Cominco Ltd")
        int at = 0;
        while ((at = _region.IndexOf(w, at, StringComparison.Ordinal)) >= 0)
        {
            int after = at + w.Length;
            if (after + 1 < _region.Length && _region[after] == ' ')
            {
                int sp = _region.IndexOfAny([' ', ',', '.', '\n'], after + 1);
                if (sp < 0) sp = _region.Length;
                var next = _region.AsSpan(after + 1, sp - after - 1);
                if (next.Length > 0 && (Lexicon.OrgWords.Contains(next.ToString()) || next[0] == '<')) return true;
            }
            at = after;
        }
        return false;
    }

    /// <summary>"an official", "an Iraqi source", but "a European diplomat", "a U.N. source", "a union leader".</summary>
    static bool NeedsAn(string w)
    {
        if (w.Length == 0) return false;
        char c = char.ToLowerInvariant(w[0]);
        if (w.StartsWith("Eu", StringComparison.OrdinalIgnoreCase) || w.StartsWith("one", StringComparison.OrdinalIgnoreCase)) return false;
        if (c == 'u') return w.StartsWith("un", StringComparison.Ordinal) && !w.StartsWith("uni", StringComparison.Ordinal);
        return c is 'a' or 'e' or 'i' or 'o';
    }

    static string Lowerish(string s)
    {
        if (s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]))
        {
            int sp = s.IndexOf(' ');
            string first = sp < 0 ? s : s[..sp];
            // "Finance Ministry sources": the capital opens a name, not only the sentence
            if (sp > 0 && sp + 1 < s.Length && char.IsUpper(s[sp + 1])) return s;
            if (!Countries.Default.TryAny(first, out _) && !IsWestern(first)) return char.ToLowerInvariant(s[0]) + s[1..];
        }
        return s;
    }

    /// <summary>Whether the word also appears in lower case in the article ("oil", "ministry": common words, not names).</summary>
    bool UsedLowerCase(string w)
    {
        if (w.Length == 0 || !char.IsUpper(w[0])) return false;
        string lower = char.ToLowerInvariant(w[0]) + w[1..];
        int at = 0;
        while ((at = _region.IndexOf(lower, at, StringComparison.Ordinal)) >= 0)
        {
            int end = at + lower.Length;
            if ((at == 0 || !char.IsLetter(_region[at - 1])) && (end >= _region.Length || !char.IsLetter(_region[end]))) return true;
            at = end;
        }
        return false;
    }

    static bool IsWestern(string w) => w is "Western" or "Arab" or "European" or "Asian" or "African" or "Gulf" or "Sunni" or "Shi'ite" or "Kurdish" or "Muslim" or "Islamist";

    Entity Other(string name, string type, bool anonymous)
    {
        if (type == SpeakerTypes.Organization) name = WithoutTickers(name);
        string key = type + "|" + name;
        if (_others.TryGetValue(key, out var e)) return e;
        e = new Entity { Name = name, Type = type, Anonymous = anonymous };
        _others[key] = e;
        return e;
    }

    Entity Gov(string country)
    {
        var e = Other(country, SpeakerTypes.Government, false);
        return e;
    }

    Entity Note(Entity e)
    {
        var f = e.Final;
        if (f.Type is SpeakerTypes.Person || (f.Type == SpeakerTypes.Anonymous && !f.Plural)) LastPerson = e;
        else if (f.Plural || f.Type == SpeakerTypes.Collective)
        {
            LastPlural = e;
            if (f.Plural && (f.Type is SpeakerTypes.Collective or SpeakerTypes.Anonymous)) { _plurals.Remove(f); _plurals.Add(f); }
        }
        else LastThing = e;
        if (f.Type == SpeakerTypes.Organization && f.Name.Contains(' ') && !_spokenOrgs.Contains(f)) _spokenOrgs.Add(f);
        if (f.Type == SpeakerTypes.Government && !f.Name.Contains(" and ")) LastGovernment = f;
        return e;
    }

    Entity? FindPerson(string core0, string[] words0)
    {
        // Only the head of the phrase names the speaker: the part before a post-modifier ("adviser to President X")
        // and the part after the last comma ("the head of the ICRC in Syria, Marianne Gasser").
        string core = core0;
        int comma = core.LastIndexOf(", ", StringComparison.Ordinal);
        string tail = comma > 0 ? core[(comma + 2)..] : "";
        foreach (var prep in new[] { " to ", " of ", " at ", " for ", " from ", " with ", " in " })
        {
            int p = core.IndexOf(prep, StringComparison.Ordinal);
            if (p > 0 && (comma < 0 || p < comma)) core = core[..p];
        }
        if (tail.Length > 0)
        {
            var t = FindPersonIn(tail, tail.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (t is not null) return t;
        }
        var inHead = FindPersonIn(core, core.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (inHead is not null || core.Length == core0.Length) return inHead;
        var inRest = FindPersonIn(core0, words0);
        if (inRest is not null)
        {
            int at = core0.IndexOf(inRest.Name, StringComparison.Ordinal);
            if (at < 0) at = core0.LastIndexOf(inRest.Name.Split(' ')[^1], StringComparison.Ordinal);
            string before = at > 0 ? core0[..at].TrimEnd() : "";
            int sp = before.LastIndexOf(' ');
            string prevWord = sp >= 0 ? before[(sp + 1)..] : before;
            if (prevWord.Length > 0 && char.IsLower(prevWord[0]) && !Lexicon.TitleWords.Contains(prevWord) && !Lexicon.PersonNouns.Contains(prevWord)) return inRest;
            // a capitalised title with its own "of" is one title, not a post-modifier: "U.S. Secretary of State John Kerry"
            if (IsCapitalisedTitle(StripDeterminer(before, out _))) return inRest;
        }
        return null;
    }

    /// <summary>"U.S. Secretary of State", "Minister of Foreign Affairs": title words, each capitalised but the joiners.</summary>
    bool IsCapitalisedTitle(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return false;
        foreach (var w in words)
        {
            if (w is "of" or "for" or "and" or "the") continue;
            if (!char.IsUpper(w[0]) || !(Lexicon.TitleWords.Contains(w) || _countries.TryAny(StripPossessive(w), out _))) return false;
        }
        return char.IsUpper(words[^1][0]) && Lexicon.TitleWords.Contains(words[^1]);   // the title ends right before the name
    }

    Entity? FindPersonIn(string core, string[] words)
    {
        // the known full name that ends closest to the end of the phrase (the head), longest on ties
        Entity? best = null;
        int bestEnd = -1;
        foreach (var (full, e) in _persons)
        {
            if (!full.Contains(' ')) continue;
            int at = core.LastIndexOf(full, StringComparison.Ordinal);
            if (at < 0) continue;
            int end = at + full.Length;
            if (end > bestEnd || end == bestEnd && full.Length > best!.Name.Length) { best = e; bestEnd = end; }
        }
        if (best is not null) return best;
        for (int k = words.Length - 1; k >= 0; k--)
        {
            string w = StripPossessive(words[k].TrimEnd(','));
            if (w.Length == 0 || !char.IsUpper(w[0])) continue;
            if (_surnames.TryGetValue(w, out var full)) return _persons[full];
            if (k > 0 && _surnames.TryGetValue(words[k - 1] + " " + w, out full)) return _persons[full];
        }
        // "Del Ponte": a two-word surname with a capitalised particle
        if (words.Length == 2 && _surnames.TryGetValue(char.ToLowerInvariant(words[0][0]) + words[0][1..] + " " + words[1], out var f2)) return _persons[f2];
        if (words.Length == 1 && _persons.TryGetValue(words[0], out var single)) return single;
        return null;
    }

    void FillRole(Entity person, string core, string? apposition)
    {
        if (person.Role is not null) return;
        int at = core.IndexOf(person.Name, StringComparison.Ordinal);
        string before = at > 0 ? core[..at].Trim().TrimEnd(',').Trim() : "";
        string stripped = StripDeterminer(before, out _);
        if (stripped.Length > 0 && !Lexicon.Pronouns.Contains(stripped))
        {
            person.Role = CleanRole(stripped);
        }
        else if (apposition is { Length: > 0 })
        {
            string ap = StripDeterminer(apposition.Trim(), out _);
            if (ap.Length > 0 && ap.Length < 100) person.Role = CleanRole(ap);
        }
        if (person.Role is not null)
        {
            var rw = person.Role.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            person.Affiliation = CountryIn(rw) ?? OfPhrase(person.Role) ?? OrgIn(rw);
        }
    }

    static string CleanRole(string r)
    {
        r = r.Replace('’', '\'');
        if (r.EndsWith(" of", StringComparison.Ordinal)) r = r[..^3];
        return r.Trim().TrimEnd(',');
    }

    string? GovernmentOf(string bare)
    {
        string b = bare.TrimEnd('.', ',');
        if (_countries.TryName(b, out var c) || _countries.TryCapital(b, out c)) return c;
        if (bare.EndsWith('.') && _countries.TryName(bare, out c)) return c;
        if (b.StartsWith("NATO ally ", StringComparison.Ordinal) || b.StartsWith("ally ", StringComparison.Ordinal))
        {
            int sp = b.LastIndexOf(' ');
            if (_countries.TryName(b[(sp + 1)..], out c)) return c;
        }
        return null;
    }

    bool AllConjunctsCountries(string bare)
    {
        if (!bare.Contains(" and ", StringComparison.Ordinal)) return false;
        foreach (var part in bare.Replace(", ", " and ").Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string q = StripDeterminer(part, out _);
            if (GovernmentOf(q) is null) return false;
        }
        return true;
    }

    string? CountryIn(IEnumerable<string> words)
    {
        foreach (var w0 in words)
        {
            string w = StripPossessive(w0.TrimEnd(','));
            if (w.Length < 2 || !char.IsUpper(w[0])) continue;
            if (_countries.TryAny(w, out var c)) return c;
        }
        // two-word names: "Saudi Arabia's", "United States"
        var arr = words.ToArray();
        for (int k = 0; k + 1 < arr.Length; k++)
        {
            string two = StripPossessive(arr[k] + " " + arr[k + 1].TrimEnd(','));
            if (_countries.TryAny(two, out var c)) return c;
        }
        return null;
    }

    string? OrgIn(IEnumerable<string> words)
    {
        var caps = words.Select(w => StripPossessive(w.TrimEnd(','))).Where(w => w.Length > 1 && char.IsUpper(w[0]) && !_countries.TryAny(w, out _) && !Lexicon.TitleWords.Contains(w)).ToList();
        if (caps.Count == 0) return null;
        string joined = string.Join(' ', caps);
        return OrgName(joined);
    }

    static string? OfPhrase(string s)
    {
        int of = s.IndexOf(" of ", StringComparison.Ordinal);
        if (of < 0) return null;
        string rest = s[(of + 4)..];
        rest = StripDeterminer(rest, out _);
        int cut = rest.IndexOf(" in ", StringComparison.Ordinal);
        if (cut > 0) rest = rest[..cut];
        if (rest.Length == 0 || !char.IsUpper(rest[0])) return null;
        return rest.Replace('’', '\'');
    }

    static bool HasOwner(string[] bw, int headIdx)
    {
        for (int k = 0; k < headIdx; k++) if (bw[k].EndsWith("’s") || bw[k].EndsWith("'s")) return true;
        for (int k = headIdx + 1; k < bw.Length; k++) if (bw[k] == "of") return true;
        return false;
    }

    static string RoleWords(string[] bw, int headIdx, bool singular)
    {
        var parts = new List<string>();
        for (int k = 0; k <= headIdx; k++)
        {
            string w = bw[k];
            if (char.IsUpper(w[0]) || w.Contains('.')) continue;
            parts.Add(w);
        }
        if (parts.Count == 0) parts.Add(bw[headIdx]);
        if (singular && parts[^1].EndsWith('s')) parts[^1] = parts[^1][..^1];
        return string.Join(' ', parts).ToLowerInvariant();
    }

    /// <summary>The head noun: the last word before a post-modifier ("source at ...", "doctors working on ...").</summary>
    static int HeadIndex(string[] bw)
    {
        for (int k = 1; k < bw.Length; k++)
        {
            string w = bw[k];
            if (w is "of" or "at" or "from" or "in" or "on" or "with" or "for" or "to" or "within" or "working" or "who" or "that" or "close" or "familiar" or "based"
                || w is "involved" or "closest" or "connected" or "associated" or "linked" or "attending" or "participating")
                return k - 1;
        }
        return bw.Length - 1;
    }

    string OrgName(string bare)
    {
        string b = bare.Replace('’', '\'');
        // "<Kiena Gold Mines Ltd>": 1987 copy brackets unlisted companies; the brackets are markup, not the name
        // (the same company written without them later must be the same speaker)
        if (b.Length > 2 && b[0] == '<' && b[^1] == '>' && b.IndexOf('<', 1) < 0) b = b[1..^1].Trim();
        if (b.Contains('.') && _aliases.TryGetValue(b, out var full)) return full.Replace('’', '\'');
        // "HMO said" after "HMO America Inc": an initialism that opens the name of one company (with its legal suffix)
        if (!b.Contains(' ') && !b.Contains('.') && b.Length >= 2 && IsAllCaps(b))
        {
            var opened = _orgNames.Where(n => n.StartsWith(b + " ", StringComparison.Ordinal)
                                              && CompanySuffixes.Contains(n[(n.LastIndexOf(' ') + 1)..].TrimEnd(',', '.'))).Distinct().ToList();
            if (opened.Count == 1) return opened[0].Replace('’', '\'');
        }
        // "ATT said" after "American Telephone and Telegraph Co": the initials of the capitalised words of one company
        // (its legal suffix counted or not: "IBM", "FDIC")
        if (!b.Contains(' ') && !b.Contains('.') && b.Length is >= 2 and <= 6 && IsAllCaps(b) && b.All(char.IsLetter)
            && CompanyByInitials(b) is { } byInitials) return byInitials.Replace('’', '\'');
        if (!b.Contains('.') && IsAllCaps(b)) return b;
        // initialisms to a full name seen in the article ("U.N." -> "United Nations")
        string letters = new string(b.Where(char.IsLetter).ToArray());
        if (letters.Length >= 2 && IsAllCaps(b))
        {
            foreach (var n in _orgNames)
            {
                var ini = new string(n.Split(' ').Where(x => x.Length > 0 && char.IsUpper(x[0])).Select(x => x[0]).ToArray());
                if (ini == letters) return n.Replace('’', '\'');
            }
            if (b == "U.N.") return "United Nations";
        }
        // a short form of a company name seen with its legal suffix: "Pan Am" after "Pan Am Corp"
        if (b.Contains(' ') && char.IsUpper(b[0]))
        {
            foreach (var n in _orgNames)
            {
                if (n.Length <= b.Length + 1 || !n.StartsWith(b + " ", StringComparison.Ordinal)) continue;
                var rest = n[(b.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (rest.Length > 0 && CompanySuffixes.Contains(rest[0].TrimEnd(','))) return n.Replace('’', '\'');
                // "Hospital Corp" after "Hospital Corp of America": the suffix is there, the place after it dropped
                if (rest.Length > 1 && rest[0] == "of" && CompanySuffixes.Contains(b[(b.LastIndexOf(' ') + 1)..])) return n.Replace('’', '\'');
            }
            // "Carter Hawley" after "Carter Hawley Hale Stores Inc": the first words of the one company whose full
            // name (with its legal suffix) begins with them
            if (!CompanySuffixes.Contains(b[(b.LastIndexOf(' ') + 1)..]) && !_orgNames.Contains(b))
            {
                var longer = _orgNames.Where(n => (n.StartsWith(b + " ", StringComparison.Ordinal) || n.StartsWith(b + ", ", StringComparison.Ordinal) && IsCommaFirm(n))
                                                  && CompanySuffixes.Contains(n[(n.LastIndexOf(' ') + 1)..].TrimEnd(','))).Distinct().ToList();
                if (longer.Count == 1) return longer[0].Replace('’', '\'');
            }
        }
        // a single capitalised word that heads a longer name seen earlier ("the Observatory"), or opens its
        // hyphenated first word ("Saab" after "Saab-Scania AB")
        if (!b.Contains(' ') && !IsAllCaps(b))
        {
            foreach (var n in _orgNames)
                if (n.Contains(' ') && (n.Split(' ').Contains(b) || n.StartsWith(b + ", ", StringComparison.Ordinal) && IsCommaFirm(n))) return StripBased(n).Replace('’', '\'');
            foreach (var n in _orgNames)
                if (n.StartsWith(b + "-", StringComparison.Ordinal) && n.Contains(' ')) return StripBased(n).Replace('’', '\'');
            // "Immunogenetics" after "ImmunoGenetics Inc": the first word of a company name in another case
            if (FirstWordOfCompanyIgnoringCase(b) is { } other) return other.Replace('’', '\'');
        }
        return b;
    }

    /// <summary>The one company (name ending in a legal suffix) whose capitalised words, with or without that suffix,
    /// have <paramref name="initials"/> as their first letters, else null.</summary>
    string? CompanyByInitials(string initials)
    {
        string? found = null;
        // read off the story's text: the pre-scan splits "X and Y Co" at "and", so its names are not whole here
        var words = System.Text.RegularExpressions.Regex.Matches(_region, @"[A-Za-z][\w.'&-]*|[^\sA-Za-z]");
        for (int e = 1; e < words.Count; e++)
        {
            if (!CompanySuffixes.Contains(words[e].Value.TrimEnd(',', '.')) || !char.IsUpper(words[e].Value[0])) continue;
            // the suffix ends the name ("British Petroleum LP Gas International" has none), or a second suffix does
            // ("Broken Hill Pty Co Ltd")
            if (e + 1 < words.Count && char.IsUpper(words[e + 1].Value[0])) continue;
            int core = e;
            while (core - 1 >= 0 && CompanySuffixes.Contains(words[core - 1].Value.TrimEnd(',', '.')) && char.IsUpper(words[core - 1].Value[0])) core--;
            int s = e;
            while (s - 1 >= 0 && (char.IsUpper(words[s - 1].Value[0]) || words[s - 1].Value is "and" or "&" or "of")) s--;
            // the whole run, not its tail ("Pacific Gas and Electric Co" is no "GE"), after a leading "The"
            if (s < e && words[s].Value is "The") s++;
            for (int f = s; f == s && f < core - 1; f++)
            {
                if (!char.IsUpper(words[f].Value[0])) continue;
                var caps = new string(Enumerable.Range(f, core - f).Select(k => words[k].Value).Where(x => char.IsUpper(x[0]) && x != "&").Select(x => x[0]).ToArray());
                if (caps != initials && caps + words[core].Value[0] != initials) continue;
                string n = _region[words[f].Index..(words[e].Index + words[e].Length)].TrimEnd('.', ',');
                if (n.Contains('\n')) continue;
                if (found is not null && found != n) return null;
                found = n;
            }
        }
        return found;
    }

    /// <summary>The one company (name ending in a legal suffix) whose first word is <paramref name="word"/> written in
    /// another case ("ImmunoGenetics Inc" for "Immunogenetics"), else null.</summary>
    string? FirstWordOfCompanyIgnoringCase(string word)
    {
        string? found = null;
        foreach (var n in _orgNames)
        {
            int sp = n.IndexOf(' ');
            if (sp <= 0 || !n.AsSpan(0, sp).Equals(word, StringComparison.OrdinalIgnoreCase) || n.AsSpan(0, sp).SequenceEqual(word)) continue;
            if (!CompanySuffixes.Contains(n[(n.LastIndexOf(' ') + 1)..].TrimEnd(','))) continue;
            if (found is not null && found != n) return null;
            found = n;
        }
        return found;
    }

    /// <summary>A title in Title Case: capitalised first and last words, short lower-case words between ("Welt am Sonntag").</summary>
    static bool IsTitleRun(string[] w) =>
        w.Length > 0 && char.IsUpper(w[0][0]) && char.IsUpper(w[^1][0]) && w.All(x => char.IsUpper(x[0]) || x.Length <= 3 && x.All(char.IsLetter));

    static readonly HashSet<string> OwnerBodies = new(StringComparer.OrdinalIgnoreCase)
        { "party", "union", "army", "church", "ministry", "government", "movement", "front", "league", "council", "committee", "federation" };

    static readonly HashSet<string> PublicationNouns = new(StringComparer.Ordinal) { "newspaper", "magazine", "daily", "weekly", "paper", "journal", "newsletter", "tabloid" };

    static readonly string[] LedByPhrases = [" led by ", " headed by ", " backed by ", " controlled by ", " owned by ", " formed by ", " chaired by "];

    /// <summary>Titles that name one person on their own ("the Chancellor said"), unlike "the Treasury".</summary>

    /// <summary>Title words that name a field ("Finance", "Energy"): the end of a body's name before a title.</summary>
    static readonly HashSet<string> FieldWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "finance", "energy", "trade", "agriculture", "economy", "economics", "foreign", "defence", "defense", "interior",
        "information", "health", "justice", "industry", "transport", "education", "environment", "development", "commerce",
        "security", "intelligence", "labour", "labor", "oil", "treasury", "state", "affairs", "reserve", "central", "federal",
    };

    /// <summary>The last word of a title right before a person's name ("... Governor Satoshi Sumita").</summary>
    static readonly HashSet<string> TitleHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "chancellor", "president", "premier", "governor", "mayor", "chairman", "chairwoman", "secretary", "director",
        "minister", "commissioner", "administrator", "spokesman", "spokeswoman", "ambassador", "head", "chief", "leader",
    };

    static readonly HashSet<string> PersonTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "chancellor", "pope", "king", "queen", "president", "premier", "emir", "prince", "princess", "sheikh", "shah",
        "pontiff", "governor", "mayor", "chairman", "chairwoman", "speaker", "ayatollah", "sultan", "crown",
    };

    static readonly HashSet<string> CompanySuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "corp", "corp.", "inc", "inc.", "co", "co.", "ltd", "ltd.", "plc", "nv", "n.v.", "ag", "sa", "s.a.", "gmbh", "bv",
        "spa", "llc", "lp", "l.p", "l.p.", "corporation", "incorporated", "limited", "ab", "oy", "bhd",
    };

    internal static string StripDeterminer(string s, out string det)
    {
        det = "";
        int sp = s.IndexOf(' ');
        if (sp > 0)
        {
            string first = s[..sp];
            if (Lexicon.Determiners.Contains(first) && !(first is "One" or "one" && false))
            {
                det = first;
                return s[(sp + 1)..].Trim();
            }
        }
        return s;
    }

    static string StripBased(string s)
    {
        // "The British-based Syrian Observatory", "state-run Anadolu Agency", "Dubai-based Orient TV"
        var words = s.Split(' ');
        // "Irvine, Calif.-based Meridian": a place with its state before the "-based" word goes with it
        for (int c = 0; c < words.Length - 2 && c < 3 && char.IsUpper(words[c][0]) && words[c].EndsWith(','); c++)
            if (words[c + 1].EndsWith("-based", StringComparison.Ordinal) && char.IsUpper(words[c + 2][0])) return string.Join(' ', words[(c + 2)..]);
        int k = 0;
        while (k < words.Length - 1 && (words[k].EndsWith("-based", StringComparison.Ordinal) || words[k].EndsWith("-run", StringComparison.Ordinal)
               || words[k].EndsWith("-owned", StringComparison.Ordinal) || words[k].EndsWith("-backed", StringComparison.Ordinal) && char.IsUpper(words[k + 1][0])))
            k++;
        return k == 0 ? s : string.Join(' ', words[k..]);
    }

    static string ReplaceParenAcronyms(string s)
    {
        int open = s.IndexOf(" (", StringComparison.Ordinal);
        if (open < 0) return s;
        int close = s.IndexOf(')', open);
        if (close < 0) return s;
        string acr = s[(open + 2)..close];
        if (!IsAllCaps(acr) || acr.Contains(' ')) return s.Remove(open, close - open + 1);
        // find where the long name starts: the capitalised run before the parenthesis
        var before = s[..open].Split(' ');
        int k = before.Length;
        while (k > 0 && (char.IsUpper(before[k - 1][0]) || before[k - 1] is "for" or "of" or "the" or "and") ) k--;
        while (k < before.Length && before[k] is "for" or "of" or "the" or "and") k++;
        if (k >= before.Length) return s;
        string prefix = string.Join(' ', before[..k]);
        string rest = s[(close + 1)..];
        return ((prefix.Length > 0 ? prefix + " " : "") + (k > 0 && before[k - 1] is "the" ? "" : "") + acr + rest).Trim();
    }

    /// <summary>
    /// "Pharmacia AB <PHAB ST>", "J Sainsbury Plc<SNB.L>", "X Corp and <Y Inc>": stock tickers (upper case, digits,
    /// dots, one space) are markup after a company's name, and brackets around a name are markup too.
    /// </summary>
    internal static string WithoutTickers(string name)
    {
        if (name.IndexOf('<') < 0) return name;
        string n = System.Text.RegularExpressions.Regex.Replace(name, @"\s*<[A-Z0-9.\-]{1,10}(?: [A-Z]{1,3})?>", "");
        if (n.Trim().Length == 0) return name;
        n = System.Text.RegularExpressions.Regex.Replace(n, @"<([^<>]+)>", "$1");
        return n.Trim();
    }

    internal static string ShortMedium(string m)
    {
        m = StripBased(m.Trim().TrimEnd(',')).Replace('’', '\'');
        return m;
    }
}
