namespace ClaimTracker.Server.Hosting;

/// <summary>What an invocation of the executable is, decided from its arguments before the host is built.</summary>
public static class CommandLine
{
    /// <summary>Commands whose standard output is data (JSON lines), not a log.</summary>
    static readonly HashSet<string> DataCommands = new(StringComparer.OrdinalIgnoreCase) { "extract" };

    public static bool PrintsData(string[] args) => args.Length > 0 && DataCommands.Contains(args[0]);
}
