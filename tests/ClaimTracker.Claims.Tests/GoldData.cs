using System.Text.Json;
using ClaimTracker.Extraction;

namespace ClaimTracker.Claims.Tests;

/// <summary>Reads the gold files copied to the test output (tests/data), with claim/stance kept or blanked.</summary>
internal static class GoldData
{
    public static IReadOnlyList<AttributedStatement> Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", name);
        return File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<AttributedStatement>(l)!)
            .ToList();
    }

    public static IReadOnlyList<AttributedStatement> Blanked(IReadOnlyList<AttributedStatement> gold) =>
        gold.Select(s => s with { Claim = null, Stance = null }).ToList();
}
