namespace ClaimTracker.Server.Hosting;

/// <summary>What an invocation of the executable is, decided from its arguments before the host is built.</summary>
public static class CommandLine
{
    /// <summary>Commands whose standard output is data (JSON lines), not a log.</summary>
    static readonly HashSet<string> DataCommands = new(StringComparer.OrdinalIgnoreCase) { "extract" };

    public static bool PrintsData(string[] args) => args.Length > 0 && DataCommands.Contains(args[0]);

    /// <summary>
    /// JasperFx prints "Searching '&lt;assembly&gt;' for commands" for each Critter Stack assembly (seven lines on
    /// every command, before the one line a user needs) unless its extensions count as applied. We register no
    /// extension types, so applying the empty set changes nothing but that flag.
    /// </summary>
    public static void QuietCommandDiscovery() => new JasperFx.CommandLine.CommandFactory().ApplyExtensions(new ServiceCollection());
}
