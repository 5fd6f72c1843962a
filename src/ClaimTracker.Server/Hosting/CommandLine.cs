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

    /// <summary>
    /// Standard error for a data command's console chatter, without the blank line JasperFx writes after finding its
    /// commands: a clean run of `extract` then leaves standard error empty, so a script can treat any text there as
    /// a problem. Blank lines after the first real text pass through.
    /// </summary>
    public sealed class WithoutLeadingBlankLines(TextWriter inner) : TextWriter
    {
        bool _started;
        public override System.Text.Encoding Encoding => inner.Encoding;
        public override void Write(char value)
        {
            if (!_started && value is '\n' or '\r') return;
            _started = true;
            inner.Write(value);
        }
        public override void Write(string? value)
        {
            if (value is null) return;
            if (!_started) { value = value.TrimStart('\r', '\n'); if (value.Length == 0) return; _started = true; }
            inner.Write(value);
        }
        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
        public override void Flush() => inner.Flush();
    }
}
