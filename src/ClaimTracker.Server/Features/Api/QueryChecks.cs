using System.Globalization;

namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// Wolverine binds a query value it cannot parse as null; a reader who typed <c>?version=abc</c> must hear about it
/// instead of silently getting the current document.
/// </summary>
public static class QueryChecks
{
    public static IResult? Invalid(HttpRequest request)
    {
        // PostgreSQL cannot compare text with U+0000 in it: a ?search=%00 failed inside the query with a 500.
        foreach (var (name, values) in request.Query)
            if (values.Any(v => v?.Contains('\0') == true))
                return Problems.BadRequest("query-invalid", $"'{name}' contains a NUL character (U+0000), which no stored text has.");
        foreach (var name in new[] { "version", "expectedVersion" })
            if (request.Query.TryGetValue(name, out var v) && !(long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1))
                return Problems.BadRequest("query-invalid", $"'{name}' must be a whole number from 1 up (versions count from 1), not '{v}'.");
        // Bound to int: a larger number would otherwise bind as null and silently answer page 1.
        foreach (var name in new[] { "page", "pageSize" })
            if (request.Query.TryGetValue(name, out var v) && !int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                return Problems.BadRequest("query-invalid", $"'{name}' must be a whole number up to {int.MaxValue}, not '{v}'.");
        if (request.Query.TryGetValue("asOf", out var asOf) &&
            !DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return Problems.BadRequest("query-invalid", $"'asOf' must be a date and time such as 2016-02-15T10:00:00Z, not '{asOf}'.");
        if (request.Query.TryGetValue("anonymous", out var anonymous) && !bool.TryParse(anonymous, out _))
            return Problems.BadRequest("query-invalid", $"'anonymous' must be true or false, not '{anonymous}'.");
        return null;
    }

    /// <summary>
    /// A filter value in its stored spelling (any case accepted), null when not given, or a 400 listing the values:
    /// a typo such as <c>?status=contestd</c> must not read as "there are none".
    /// </summary>
    public static (string? Value, IResult? Problem) OneOf(string name, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        var known = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return known is not null ? (known, null)
            : (null, Problems.BadRequest("query-invalid", $"'{name}' must be one of {string.Join(", ", allowed)}, not '{value}'."));
    }
}
