namespace ClaimTracker.Extraction.Articles;

/// <summary>
/// Splits wire copy into articles: headline line, blank line, dateline paragraph, body paragraphs (one per
/// non-empty line), ALL-CAPS subheads, and a closing "(Reporting by ...)" credits line.
/// Paragraph numbers follow the annotation guidelines: dateline paragraph = 1, every later non-empty line
/// (subheads too) adds 1, the credits line is not counted.
/// </summary>
public static class ArticleParser
{
    /// <summary>Largest number of characters one article may collect before it is cut (hostile input).</summary>
    public const int MaxArticleChars = 4_000_000;

    /// <summary>Parses a whole text (the offsets of the articles refer to <paramref name="text"/>).</summary>
    public static List<Article> ParseText(string text)
    {
        var lines = new List<(int Start, int End)>();
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int e = end;
            if (e > pos && text[e - 1] == '\r') e--;
            lines.Add((pos, e));
            pos = nl < 0 ? text.Length : nl + 1;
        }
        return ParseLines(text, lines);
    }

    /// <summary>Groups lines into articles. A new article starts at a non-empty line that is followed
    /// (after blank lines) by a dateline line and preceded by a blank line or the start of the text.</summary>
    internal static List<Article> ParseLines(string text, List<(int Start, int End)> lines)
    {
        // Trim each line's surrounding whitespace; keep non-empty ones with "blank before" information.
        var items = new List<(int Start, int End, bool BlankBefore)>();
        bool blank = true;
        foreach (var (s0, e0) in lines)
        {
            int s = s0, e = e0;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (s >= e) { blank = true; continue; }
            items.Add((s, e, blank));
            blank = false;
        }
        var articles = new List<Article>();
        if (items.Count == 0) return articles;

        var starts = new List<int>();
        for (int i = 0; i + 1 < items.Count; i++)
        {
            if (!items[i].BlankBefore) continue;
            if (Dateline.Match(text.AsSpan(items[i + 1].Start, items[i + 1].End - items[i + 1].Start)) is null) continue;
            if (Dateline.Match(text.AsSpan(items[i].Start, items[i].End - items[i].Start)) is not null) continue;
            starts.Add(i);
        }
        if (starts.Count == 0 || starts[0] != 0) starts.Insert(0, 0);
        for (int k = 0; k < starts.Count; k++)
        {
            int from = starts[k], to = k + 1 < starts.Count ? starts[k + 1] : items.Count;
            articles.Add(Build(text, items, from, to, articles.Count + 1));
        }
        return articles;
    }

    static Article Build(string text, List<(int Start, int End, bool BlankBefore)> items, int from, int to, int ordinal)
    {
        var head = items[from];
        var lines = new List<(int S, int E)>(to - from - 1);
        for (int i = from + 1; i < to; i++) lines.Add((items[i].Start, items[i].End));
        var body = ReadBody(text, lines, firstMayBeCredits: true);
        return new Article
        {
            Text = text, Ordinal = ordinal, Headline = text.Substring(head.Start, head.End - head.Start), HeadlineStart = head.Start,
            Dateline = body.Dateline, Agency = body.Agency, DatelinePlaces = body.Places, Paragraphs = body.Paragraphs, Credits = body.Credits,
        };
    }

    /// <summary>Builds an article from an archive record: the body's paragraphs are its non-empty lines.</summary>
    public static Article FromRecord(string headline, string body, int ordinal, string? id = null, string? date = null)
    {
        var kept = new List<(int S, int E)>();
        int pos = 0;
        while (pos <= body.Length)
        {
            int nl = body.IndexOf('\n', pos);
            int s = pos, e = nl < 0 ? body.Length : nl;
            while (s < e && char.IsWhiteSpace(body[s])) s++;
            while (e > s && char.IsWhiteSpace(body[e - 1])) e--;
            if (s < e) kept.Add((s, e));
            if (nl < 0) break;
            pos = nl + 1;
        }
        var read = ReadBody(body, kept, firstMayBeCredits: false);
        return new Article
        {
            Text = body, Ordinal = ordinal, Headline = headline, Dateline = read.Dateline, Agency = read.Agency,
            DatelinePlaces = read.Places, Paragraphs = read.Paragraphs, Credits = read.Credits, Id = id, Date = date,
        };
    }

    /// <summary>
    /// One article's body from its non-empty lines, for both layouts: paragraphs numbered as the guidelines do
    /// (the dateline paragraph is 1), the dateline taken off the first, and a closing credits line kept apart.
    /// </summary>
    static (List<Paragraph> Paragraphs, string? Dateline, string? Agency, IReadOnlyList<string> Places, Credits? Credits)
        ReadBody(string text, IReadOnlyList<(int S, int E)> lines, bool firstMayBeCredits)
    {
        var paragraphs = new List<Paragraph>();
        string? dateline = null, agency = null;
        IReadOnlyList<string> places = [];
        Credits? credits = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var (s, e) = lines[i];
            var span = text.AsSpan(s, e - s);
            if (i == lines.Count - 1 && (i > 0 || firstMayBeCredits) && IsCredits(span))
            {
                credits = ParseCredits(span.ToString());
                continue;
            }
            int number = paragraphs.Count + 1;
            int bodyStart = s;
            if (number == 1 && Dateline.Match(span) is { } d)
            {
                dateline = text.Substring(s, d.Length).TrimEnd();
                agency = d.Agency;
                places = d.Places;
                bodyStart = s + d.Length;
            }
            paragraphs.Add(new Paragraph(number, s, e, bodyStart, number > 1 && IsSubhead(span)));
        }
        return (paragraphs, dateline, agency, places, credits);
    }

    /// <summary>ALL-CAPS lines (letters all upper case, at least two letters) are subheads.</summary>
    public static bool IsSubhead(ReadOnlySpan<char> line)
    {
        int letters = 0;
        foreach (char c in line)
        {
            if (char.IsLetter(c)) { if (char.IsLower(c)) return false; letters++; }
        }
        return letters >= 2 && line.Length <= 120;
    }

    public static bool IsCredits(ReadOnlySpan<char> line)
    {
        if (line.Length < 8 || line[0] != '(' || line[^1] != ')') return false;
        return line.Contains("reporting by", StringComparison.OrdinalIgnoreCase)
            || line.Contains("editing by", StringComparison.OrdinalIgnoreCase)
            || line.Contains("writing by", StringComparison.OrdinalIgnoreCase)
            || line.Contains("compiled by", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses "(Reporting by A and B; additional reporting by C in Munich; writing by D; editing by E)".</summary>
    public static Credits ParseCredits(string line)
    {
        var reporters = new List<string>();
        var writers = new List<string>();
        var editors = new List<string>();
        var additional = new List<Contributor>();
        string inner = line.Trim().TrimStart('(').TrimEnd(')');
        // Find every "<role> by" marker and take the text up to the next marker.
        var markers = new List<(int At, int After, string Role)>();
        string lower = inner.ToLowerInvariant();
        foreach (var (key, role) in new[] {
            ("additional reporting by", "additional"), ("reporting by", "reporting"), ("writing by", "writing"),
            ("written by", "writing"), ("editing by", "editing"), ("compiled by", "writing") })
        {
            int from = 0;
            while ((from = lower.IndexOf(key, from, StringComparison.Ordinal)) >= 0)
            {
                bool inside = markers.Any(m => from > m.At && from < m.After);
                if (!inside) markers.Add((from, from + key.Length, role));
                from += key.Length;
            }
        }
        markers.Sort((a, b) => a.At.CompareTo(b.At));
        // drop "reporting by" found inside "additional reporting by"
        markers = markers.Where(m => !markers.Any(o => o.At < m.At && o.After == m.After)).ToList();
        for (int i = 0; i < markers.Count; i++)
        {
            int end = i + 1 < markers.Count ? markers[i + 1].At : inner.Length;
            string seg = inner[markers[i].After..end].Trim().TrimEnd(';', ',').Trim();
            foreach (var c in SplitNames(seg))
            {
                switch (markers[i].Role)
                {
                    case "additional": additional.Add(c); break;
                    case "reporting": reporters.Add(c.Name); break;
                    case "writing": writers.Add(c.Name); break;
                    default: editors.Add(c.Name); break;
                }
            }
        }
        return new Credits(line, reporters, writers, editors, additional);
    }

    /// <summary>"A, B, and C in Munich, and D in Amman" -> A,B,C (Munich), D (Amman).</summary>
    static List<Contributor> SplitNames(string seg)
    {
        var result = new List<Contributor>();
        var pending = new List<string>();
        foreach (var raw in seg.Replace(";", ",").Split(','))
        {
            foreach (var part0 in raw.Split(" and "))
            {
                string part = part0.Trim();
                if (part.StartsWith("and ")) part = part[4..].Trim();
                if (part.Length == 0) continue;
                int inAt = part.IndexOf(" in ", StringComparison.Ordinal);
                if (inAt > 0)
                {
                    string place = part[(inAt + 4)..].Trim();
                    pending.Add(part[..inAt].Trim());
                    foreach (var n in pending) result.Add(new Contributor(n, place));
                    pending.Clear();
                }
                else pending.Add(part);
            }
        }
        foreach (var n in pending) result.Add(new Contributor(n, null));
        return result;
    }
}

/// <summary>Recognises datelines: "CITY[/CITY], Region (Agency) – " (current style) and "CITY, Month D - " (1987 style).</summary>
public static class Dateline
{
    public sealed record Result(int Length, string? Agency, IReadOnlyList<string> Places);

    static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static Result? Match(ReadOnlySpan<char> line)
    {
        if (line.Length < 4 || !char.IsLetter(line[0]) || !char.IsUpper(line[0])) return null;
        int limit = Math.Min(line.Length, 160);
        // Style 1: "PLACE (Agency) –"
        int paren = line[..limit].IndexOf(" (");
        if (paren > 0)
        {
            int close = line[..limit].Slice(paren + 2).IndexOf(')');
            if (close > 0 && close <= 30)
            {
                var agency = line.Slice(paren + 2, close);
                int after = paren + 2 + close + 1;
                int dash = SkipDash(line, after);
                if (dash > after && PlaceLooksLikeDateline(line[..paren]) && IsAgency(agency))
                    return new Result(dash, agency.ToString(), Places(line[..paren]));
            }
        }
        // Style 2: "PLACE, Month D -"
        int comma = line[..limit].IndexOf(", ");
        while (comma > 0)
        {
            var rest = line.Slice(comma + 2);
            int sp = rest.IndexOf(' ');
            if (sp >= 3 && sp <= 10 && IsMonth(rest[..sp]))
            {
                int i = sp + 1, digits = 0;
                while (i < rest.Length && char.IsDigit(rest[i])) { i++; digits++; }
                if (digits is >= 1 and <= 3)
                {
                    int dash = SkipDash(rest, i);
                    // a month, a day and a dash are evidence enough for a Title Case place ("New York, April 3 - ")
                    if (dash > i && (PlaceLooksLikeDateline(line[..comma]) || TitleCasePlace(line[..comma])))
                        return new Result(comma + 2 + dash, null, Places(line[..comma]));
                }
            }
            int next = line[..limit].Slice(comma + 2).IndexOf(", ");
            comma = next < 0 ? -1 : comma + 2 + next;
        }
        return null;
    }

    static bool IsAgency(ReadOnlySpan<char> a)
    {
        if (a.Length == 0 || !char.IsUpper(a[0])) return false;
        foreach (char c in a) if (!(char.IsLetter(c) || c == '.' || c == ' ' || c == '-')) return false;
        return true;
    }

    static bool IsMonth(ReadOnlySpan<char> w)
    {
        var t = w.TrimEnd('.');
        if (t.Length < 3) return false;
        foreach (var m in Months) if (t[..3].Equals(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Skips " – " / " - " / "--" after the dateline; returns the index after it, or -1.</summary>
    static int SkipDash(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (j < s.Length && s[j] == ' ') j++;
        int dashes = 0;
        while (j < s.Length && (s[j] == '-' || s[j] == '–' || s[j] == '—')) { j++; dashes++; }
        if (dashes == 0) return -1;
        while (j < s.Length && s[j] == ' ') j++;
        return j;
    }

    /// <summary>The place part: short, starts upper-case, its first word ALL CAPS, no sentence punctuation.</summary>
    static bool PlaceLooksLikeDateline(ReadOnlySpan<char> place)
    {
        if (place.Length == 0 || place.Length > 90) return false;
        int sp = place.IndexOfAny(' ', ',', '/');
        var first = sp < 0 ? place : place[..sp];
        foreach (char c in first) if (char.IsLetter(c) && char.IsLower(c)) return false;
        foreach (char c in place) if (c == '"' || c == '“' || c == ':' || c == ';') return false;
        return true;
    }

    /// <summary>"New York", "Kuala Lumpur": one to three words, each capitalised, no sentence punctuation.</summary>
    static bool TitleCasePlace(ReadOnlySpan<char> place)
    {
        if (place.Length == 0 || place.Length > 40) return false;
        int words = 0;
        foreach (var r in place.Split(' '))
        {
            var w = place[r];
            if (w.Length == 0 || !char.IsUpper(w[0])) return false;
            foreach (char c in w) if (!(char.IsLetter(c) || c == '.' || c == '-' || c == '\'')) return false;
            words++;
        }
        return words is >= 1 and <= 3;
    }

    static List<string> Places(ReadOnlySpan<char> place)
    {
        var list = new List<string>();
        string s = place.ToString();
        string region = "";
        int comma = s.IndexOf(',');
        if (comma > 0) { region = s[(comma + 1)..].Trim(); s = s[..comma]; }
        foreach (var p in s.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            list.Add(p);
        if (region.Length > 0) list.Add(region);
        return list;
    }
}
