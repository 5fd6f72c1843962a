using System.Globalization;
using System.Reflection;

namespace ClaimTracker.Extraction.Gazetteer;

/// <summary>
/// Country gazetteer built from data: country names from .NET's region tables (RegionInfo) plus the generated
/// countries.tsv (world-countries: aliases, demonyms, capitals). Capitals and seats of government are metonyms
/// for the government ("Moscow said" -> Russia).
/// </summary>
public sealed class Countries
{
    static readonly Lazy<Countries> _default = new(Load);
    public static Countries Default => _default.Value;

    readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _byCapital = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _byDemonym = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _byCode = new(StringComparer.Ordinal);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup, _capitalLookup, _demonymLookup;

    /// <summary>Seats of government used as metonyms, by ISO code (general knowledge, not article-specific).</summary>
    static readonly (string Seat, string Code)[] Seats =
    [
        ("Kremlin", "RU"), ("White House", "US"), ("Elysee", "FR"), ("Elysee Palace", "FR"), ("Downing Street", "GB"),
        ("Zhongnanhai", "CN"),
    ];

    Countries()
    {
        _nameLookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _capitalLookup = _byCapital.GetAlternateLookup<ReadOnlySpan<char>>();
        _demonymLookup = _byDemonym.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    static Countries Load()
    {
        var c = new Countries();
        using (var s = typeof(Countries).Assembly.GetManifestResourceStream("ClaimTracker.Extraction.Gazetteer.countries.tsv"))
        using (var r = new StreamReader(s!))
        {
            string? line;
            while ((line = r.ReadLine()) != null)
            {
                if (line.StartsWith('#') || line.Length == 0) continue;
                var f = line.Split('\t');
                if (f.Length < 5) continue;
                string code = f[0], name = f[1];
                c._byCode[code] = name;
                c._byName.TryAdd(name, name);
                foreach (var a in Split(f[2])) c._byName.TryAdd(a, name);
                foreach (var d in Split(f[3])) c._byDemonym.TryAdd(d, name);
                foreach (var cap in Split(f[4])) c._byCapital.TryAdd(cap, name);
            }
        }
        // .NET's region table: English names of every region with a specific culture.
        try
        {
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                RegionInfo region;
                try { region = new RegionInfo(culture.Name); } catch (ArgumentException) { continue; }
                if (!c._byCode.TryGetValue(region.TwoLetterISORegionName, out var canonical)) continue;
                string en = region.EnglishName;
                if (en.All(ch => ch < 128) && !en.Contains(',')) c._byName.TryAdd(en, canonical);
            }
        }
        catch (Exception) { /* invariant globalization: the generated table alone is enough */ }
        foreach (var (seat, code) in Seats)
            if (c._byCode.TryGetValue(code, out var n)) c._byCapital.TryAdd(seat, n);
        return c;
    }

    static IEnumerable<string> Split(string f) => f.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Country by name or alias ("Russia", "Britain", "U.S.", "the United States" without "the").</summary>
    public bool TryName(ReadOnlySpan<char> s, out string country) => _nameLookup.TryGetValue(s, out country!);

    /// <summary>Country by capital or seat of government ("Moscow", "Kremlin", "Washington").</summary>
    public bool TryCapital(ReadOnlySpan<char> s, out string country) => _capitalLookup.TryGetValue(s, out country!);

    /// <summary>Country by demonym ("Russian", "Syrian", "Saudi").</summary>
    public bool TryDemonym(ReadOnlySpan<char> s, out string country) => _demonymLookup.TryGetValue(s, out country!);

    readonly Dictionary<string, string> _demonymOf = new(StringComparer.Ordinal);

    /// <summary>The shortest demonym of a country ("Turkey" -> "Turkish"), or null.</summary>
    public string? DemonymOf(string country)
    {
        lock (_demonymOf)
        {
            if (_demonymOf.Count == 0)
                foreach (var (d, c) in _byDemonym)
                    if (!_demonymOf.TryGetValue(c, out var old) || d.Length < old.Length) _demonymOf[c] = d;
            return _demonymOf.GetValueOrDefault(country);
        }
    }

    /// <summary>Any of the three: name, capital/seat, demonym.</summary>
    public bool TryAny(ReadOnlySpan<char> s, out string country) =>
        TryName(s, out country) || TryCapital(s, out country) || TryDemonym(s, out country);
}
