namespace ClaimTracker.Extraction;

internal enum TokKind : byte { Word, Comma, Stop, Colon, Semi, OpenQ, CloseQ, Dash, OpenParen, CloseParen, Other }

/// <summary>A token: offsets into the article text, and its kind. No strings are allocated per token.</summary>
internal readonly record struct Tok(int S, int E, TokKind Kind)
{
    public int Length => E - S;
}

/// <summary>Tokenises one paragraph and splits it into sentences, keeping multi-sentence quotations whole.</summary>
internal static class Tokenizer
{
    static readonly HashSet<string> Abbrev = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "st", "jr", "sr",
        "inc", "corp", "co", "ltd", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
        "vs", "prof", "rev", "adm", "cmdr", "brig", "messrs", "mt", "ft", "int", "pet", "dept", "govt", "approx",
    };
    static readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> AbbrevLookup = BuildAbbrev();

    static Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> BuildAbbrev()
    {
        var d = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in Abbrev) d[a] = true;
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    public static void Tokenize(string text, int start, int end, List<Tok> toks)
    {
        toks.Clear();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (IsWordChar(c) || (c == '$' && i + 1 < end && char.IsDigit(text[i + 1])))
            {
                int s = i;
                i++;
                while (i < end)
                {
                    char d = text[i];
                    if (IsWordChar(d)) { i++; continue; }
                    if ((d == '\'' || d == '’' || d == '-' || d == '&' || d == '/' || d == '.' || d == ',') && i + 1 < end && IsWordChar(text[i + 1]))
                    {
                        // a comma only inside numbers (1,229); a period inside "U.S" or "1.5"
                        if (d == ',' && !(char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))) break;
                        if (d == '.' && !(char.IsLetterOrDigit(text[i - 1]) && (char.IsUpper(text[i + 1]) || char.IsDigit(text[i + 1])))) break;
                        i += 2;
                        continue;
                    }
                    // "Calif.-based": a state's period inside a compound is no sentence end
                    if (d == '.' && i + 2 < end && text[i + 1] == '-' && char.IsLetter(text[i + 2]) && char.IsUpper(text[s]) && i - s <= 6)
                    {
                        i += 3;
                        continue;
                    }
                    if ((d == '\'' || d == '’') && i > s && text[i - 1] == 's' && (i + 1 >= end || !IsWordChar(text[i + 1])))
                    {
                        i++; // plural possessive: "Doctors’"
                        break;
                    }
                    break;
                }
                // Keep the period of abbreviations and initials: "U.S.", "Mr.", "J."
                if (i < end && text[i] == '.')
                {
                    var w = text.AsSpan(s, i - s);
                    bool dotted = w.Contains('.') && char.IsLetter(w[^1]);
                    bool initial = w.Length == 1 && char.IsUpper(w[0]);
                    // "Irvine, Calif., said", "Sen. X, D-Ark., said": a period right before a comma ends no sentence;
                    // it closes a short capitalised abbreviation (a state, a party tag)
                    bool beforeComma = i + 1 < end && text[i + 1] == ',' && char.IsUpper(w[0]) && w.Length <= 6;
                    if (dotted || initial || beforeComma || AbbrevLookup.ContainsKey(w)) i++;
                }
                toks.Add(new Tok(s, i, TokKind.Word));
                continue;
            }
            TokKind k;
            int len = 1;
            switch (c)
            {
                case ',': k = TokKind.Comma; break;
                case '.': case '?': case '!':
                    k = TokKind.Stop;
                    while (i + len < end && text[i + len] is '.' or '?' or '!') len++;
                    break;
                case ':': k = TokKind.Colon; break;
                case ';': k = TokKind.Semi; break;
                case '“': k = TokKind.OpenQ; break;
                case '”': k = TokKind.CloseQ; break;
                case '"' when i > start && i + 1 < end && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]):
                    k = TokKind.Other;   // "yesterday"s": a mistyped apostrophe between letters, not a quotation
                    break;
                case '"':
                    {
                        bool open = i == start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '‘';
                        k = open ? TokKind.OpenQ : TokKind.CloseQ;
                        break;
                    }
                case '–': case '—': k = TokKind.Dash; break;
                case '-':
                    k = TokKind.Dash;
                    while (i + len < end && text[i + len] == '-') len++;
                    break;
                case '(': case '[': k = TokKind.OpenParen; break;
                case ')': case ']': k = TokKind.CloseParen; break;
                default: k = TokKind.Other; break;
            }
            toks.Add(new Tok(i, i + len, k));
            i += len;
        }
    }

    static bool BareAttributionFollows(string text, List<Tok> toks, int j)
    {
        for (int k = j; k < toks.Count && k < j + 7; k++)
        {
            if (toks[k].Kind != TokKind.Word) return false;
            var w = text.AsSpan(toks[k].S, toks[k].E - toks[k].S);
            if (k > j && (w.SequenceEqual("said") || w.SequenceEqual("says") || w.SequenceEqual("added") || w.SequenceEqual("told") || w.SequenceEqual("asked")))
            {
                // the attribution must not carry its own content: followed by the end, a comma, or a venue/recipient phrase
                int m = k + 1;
                while (m < toks.Count && toks[m].Kind == TokKind.Word && m < k + 10) m++;
                return m >= toks.Count || toks[m].Kind is TokKind.Stop or TokKind.Comma;
            }
        }
        return false;
    }

    /// <summary>For each token, the index of the closing quote of the quotation it opens (OpenQ only),
    /// toks.Count when it stays open to the paragraph end, -1 otherwise; and whether a token is inside quotes.</summary>
    public static void Quotes(List<Tok> toks, int[] close, bool[] inside)
    {
        int open = -1;
        for (int i = 0; i < toks.Count; i++)
        {
            close[i] = -1;
            inside[i] = open >= 0;
            var k = toks[i].Kind;
            if (k == TokKind.OpenQ)
            {
                if (open >= 0) { close[open] = i; inside[i] = false; }
                open = i;
                inside[i] = false;
            }
            else if (k == TokKind.CloseQ && open >= 0)
            {
                close[open] = i;
                inside[i] = false;
                open = -1;
            }
        }
        if (open >= 0) close[open] = toks.Count;
    }

    /// <summary>Sentence ranges [from, to) over the tokens. No split inside a quotation; a quotation that ends
    /// with . ? ! ends the sentence when a capitalised word or a new quotation follows.</summary>
    public static void Sentences(string text, List<Tok> toks, bool[] inside, List<(int From, int To)> sentences)
    {
        sentences.Clear();
        int from = 0;
        for (int i = 0; i < toks.Count; i++)
        {
            // "..., said X, vice president of Y Inc. “The instrument ...”": the abbreviation keeps its period, but a
            // capitalised quotation opening after it starts the next sentence all the same
            if (toks[i].Kind == TokKind.Word && !inside[i] && text[toks[i].E - 1] == '.' && i + 2 < toks.Count
                && toks[i + 1].Kind == TokKind.OpenQ && toks[i + 2].Kind == TokKind.Word && char.IsUpper(text[toks[i + 2].S])
                && from < i && HasClosedQuote(toks, from, i))
            {
                sentences.Add((from, i + 1));
                from = i + 1;
                continue;
            }
            if (toks[i].Kind != TokKind.Stop) continue;
            int j = i + 1;
            bool closesQuote = false;
            while (j < toks.Count && toks[j].Kind is TokKind.CloseQ or TokKind.CloseParen)
            {
                if (toks[j].Kind == TokKind.CloseQ) closesQuote = true;
                j++;
            }
            if (inside[i] && !closesQuote) continue;
            if (j >= toks.Count) continue;
            var n = toks[j];
            bool next = n.Kind == TokKind.OpenQ
                || (n.Kind == TokKind.Word && (char.IsUpper(text[n.S]) || char.IsDigit(text[n.S])))
                || n.Kind == TokKind.OpenParen;
            if (!next) continue;
            // "“...?” Erdogan said in a speech." : a bare attribution after a quotation belongs to it
            if (closesQuote && BareAttributionFollows(text, toks, j)) continue;
            sentences.Add((from, j));
            from = j;
            i = j - 1;
        }
        if (from < toks.Count) sentences.Add((from, toks.Count));
        // Hostile input (no full stops, a quote that never closes): no real sentence is this long, and cutting
        // keeps every rule linear in the input.
        for (int i = 0; i < sentences.Count; i++)
        {
            var (f, t) = sentences[i];
            if (t - f <= MaxSentenceTokens) continue;
            sentences[i] = (f, f + MaxSentenceTokens);
            sentences.Insert(i + 1, (f + MaxSentenceTokens, t));
        }
    }

    static bool HasClosedQuote(List<Tok> toks, int from, int to)
    {
        for (int k = from; k < to; k++) if (toks[k].Kind == TokKind.CloseQ) return true;
        return false;
    }

    public const int MaxSentenceTokens = 600;
}
