using JasperFx.CommandLine;

namespace ClaimTracker.Server.Features.Extraction;

public class ExtractInput
{
    [Description("Article files or archives: seed-layout text, .jsonl or .csv, optionally .gz; - reads standard input")]
    public List<string> Files { get; set; } = [];
}

/// <summary>
/// <c>extract FILE...</c>: attributed statements as JSON lines on stdout, for scoring and piping.
/// A plain input (not NetCoreInput) so no host is built and no database is started.
/// </summary>
[Description("Print every attributed statement in the given files as JSON lines, with claim and stance shared across all files (no database needed)")]
public class ExtractCommand : JasperFxCommand<ExtractInput>
{
    public ExtractCommand()
    {
        Usage("Extract statements from files").Arguments(x => x.Files);
    }

    public override bool Execute(ExtractInput input)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        try
        {
            return ClaimLabelledExtract.Run(input.Files, stdout, Console.Error) == 0;
        }
        finally
        {
            stdout.Flush();
        }
    }
}
