using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClaimTracker.Domain;

/// <summary>
/// How streams and documents are named. Article and statement ids are derived from content, so that ingesting the
/// same article twice lands on the same stream (idempotency without a lookup table); claim ids are chosen by the
/// caller; actor ids are readable slugs so an editor can put them in a URL and curate them.
/// </summary>
public static class Ids
{
    /// <summary>A name-based (RFC 9562 version 8) Guid: the same name always gives the same id.</summary>
    public static Guid Deterministic(string scope, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid Article(string contentHash) => Deterministic("article", contentHash);

    /// <summary>Statements are numbered in reading order inside their article; the pair is stable across re-ingests.</summary>
    public static Guid Statement(Guid articleId, int ordinal) => Deterministic("statement", $"{articleId:N}/{ordinal}");

    /// <summary>The curation stream of an actor (aliases, merges) is keyed by a Guid derived from the actor slug.</summary>
    public static Guid ActorStream(string actorId) => Deterministic("actor", actorId);
}

/// <summary>The normalized content hash that decides whether an article was already ingested.</summary>
public static class ContentHash
{
    /// <summary>
    /// Headline and paragraphs, Unicode-normalized, typographic quotes and dashes folded, whitespace collapsed,
    /// lower-cased. Credits and file names are left out: the same story re-sent with another byline or from another
    /// file is still the same story.
    /// </summary>
    public static string Of(string headline, IEnumerable<string> paragraphs)
    {
        var text = Normalize(headline) + "\n" + string.Join("\n", paragraphs.Select(Normalize).Where(p => p.Length > 0));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => raw
            };
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}

/// <summary>
/// Actor ids: "{type}-{name-slug}", e.g. "person-john-kerry", "government-russia". An anonymous source is only
/// known inside the article that quotes it ("a diplomat" in two stories need not be the same person), so its id
/// is scoped to the article: "anonymous-a-diplomat-3f2a9c1e". Curated identity (aliases, merges) sits on top.
/// </summary>
public static class ActorIds
{
    public static string For(string speaker, string speakerType, bool anonymous, Guid articleId)
    {
        var type = Slug(string.IsNullOrWhiteSpace(speakerType) ? "unknown" : speakerType);
        var name = Slug(speaker);
        if (name.Length == 0) name = "unnamed";
        var id = $"{type}-{name}";
        return anonymous ? $"{id}-{articleId:N}"[..(id.Length + 9)] : id;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens; accents are dropped, apostrophes vanish.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        var hyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '\u2019' or '\u2018') continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (hyphen && sb.Length > 0) sb.Append('-');
                hyphen = false;
                sb.Append(lower);
            }
            else hyphen = true;
        }
        return sb.ToString();
    }
}

/// <summary>Event timestamps as PostgreSQL stores them (microseconds), so an inline document equals its rebuild.</summary>
public static class EventTime
{
    public static DateTimeOffset Of(JasperFx.Events.IEvent e) => new(e.Timestamp.Ticks - e.Timestamp.Ticks % 10, e.Timestamp.Offset);
}
