using System.Security.Cryptography;

namespace ClaimTracker.Server.Features.Api;

public static class Roles
{
    public const string Ingest = "ingest";
    public const string FactCheck = "factcheck";
    public const string Admin = "admin";
}

public sealed record ApiKey(string Name, string Key, IReadOnlySet<string> Roles)
{
    /// <summary>Admin may do everything.</summary>
    public bool Has(string role) => Roles.Contains(role) || Roles.Contains(ClaimTracker.Server.Features.Api.Roles.Admin);
}

/// <summary>
/// API keys and their roles. From configuration: <c>ClaimTracker:ApiKeys:{n}:Key/Name/Roles</c> (roles comma
/// separated) and <c>CLAIMTRACKER_API_KEY</c> (one admin key). With none, a key is generated on first start,
/// stored in the data folder (<c>api-key.txt</c>) and printed once.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly Dictionary<string, ApiKey> _byKey;

    public ApiKeyRing(IEnumerable<ApiKey> keys, bool readsOpen)
    {
        _byKey = keys.ToDictionary(k => k.Key, StringComparer.Ordinal);
        ReadsOpen = readsOpen;
    }

    public bool ReadsOpen { get; }
    public IReadOnlyCollection<ApiKey> Keys => _byKey.Values;

    public ApiKey? Find(string presented)
    {
        // Constant-time comparison so that response timing does not reveal how much of a key matched.
        var bytes = System.Text.Encoding.UTF8.GetBytes(presented);
        foreach (var (key, apiKey) in _byKey)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(key), bytes)) return apiKey;
        return null;
    }

    public static ApiKeyRing FromConfiguration(IConfiguration config, ILogger log)
    {
        var keys = new List<ApiKey>();
        foreach (var section in config.GetSection("ClaimTracker:ApiKeys").GetChildren())
        {
            var key = section["Key"];
            if (string.IsNullOrWhiteSpace(key)) continue;
            var roles = (section["Roles"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => r.ToLowerInvariant()).ToHashSet();
            keys.Add(new ApiKey(section["Name"] ?? section.Key, key.Trim(), roles));
        }
        if (config["CLAIMTRACKER_API_KEY"] is { Length: > 0 } admin)
            keys.Add(new ApiKey("admin", admin.Trim(), new HashSet<string> { Roles.Admin }));
        if (keys.Count == 0) keys.Add(GeneratedAdminKey(DataFolder(config), log));
        var readsOpen = !string.Equals(config["ClaimTracker:ReadsOpen"], "false", StringComparison.OrdinalIgnoreCase);
        return new ApiKeyRing(keys, readsOpen);
    }

    public static string DataFolder(IConfiguration config) =>
        config["CLAIMTRACKER_DATA"] is { Length: > 0 } data ? data : Hosting.EmbeddedPostgresOptions.DefaultDataFolder();

    private static ApiKey GeneratedAdminKey(string folder, ILogger log)
    {
        var path = Path.Combine(folder, "api-key.txt");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
            return new ApiKey("admin", stored, new HashSet<string> { Roles.Admin });
        Directory.CreateDirectory(folder);
        var key = "ct_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Printed once, on the start that created it; later starts only say where it is.
        Console.WriteLine($"ClaimTracker admin API key (stored in {path}): {key}");
        log.LogInformation("Generated an admin API key in {Path}", path);
        return new ApiKey("admin", key, new HashSet<string> { Roles.Admin });
    }
}
