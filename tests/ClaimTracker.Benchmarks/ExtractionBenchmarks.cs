using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ClaimTracker.Extraction;
using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Attribution extraction speed, single-threaded (so words/s is per core), over the seed articles and over a
/// corpus archive (CLAIMTRACKER_CORPUS, default ../shared/corpus/reuters21578.jsonl.gz relative to the repo; the
/// corpus is read once in setup and never copied). Words = whitespace tokens of the paragraphs.
/// Run: dotnet run -c Release --project tests/ClaimTracker.Benchmarks -- --filter '*ExtractionBenchmarks*'
/// </summary>
[Config(typeof(WordsConfig))]
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    internal static readonly Dictionary<string, long> Words = new();
    List<Article> _seeds = [];
    List<Article> _corpus = [];

    public static string CorpusPath()
    {
        var env = Environment.GetEnvironmentVariable("CLAIMTRACKER_CORPUS");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var guess in new[] { "/work/shared/corpus/reuters21578.jsonl.gz", "../shared/corpus/reuters21578.jsonl.gz", "../../shared/corpus/reuters21578.jsonl.gz" })
            if (File.Exists(guess)) return Path.GetFullPath(guess);
        return "";
    }

    static long CountWords(IEnumerable<Article> articles) =>
        articles.Sum(a => (long)a.Paragraphs.Sum(p => a.Text[p.Start..p.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));

    [GlobalSetup]
    public void Setup()
    {
        string seeds = Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt");
        _seeds = ArticleParser.ParseText(File.ReadAllText(seeds));
        Words[nameof(Seeds)] = CountWords(_seeds);
        string corpus = CorpusPath();
        if (corpus.Length > 0 && File.Exists(corpus))
        {
            _corpus = ArchiveReader.ReadFile(corpus).ToList();
            Words[nameof(Corpus)] = CountWords(_corpus);
        }
        else Console.WriteLine("Corpus not found: set CLAIMTRACKER_CORPUS to a .jsonl(.gz)/.csv(.gz) archive.");
    }

    [Benchmark]
    public int Seeds()
    {
        int n = 0;
        foreach (var a in _seeds) n += Extractor.Extract(a).Count;
        return n;
    }

    [Benchmark]
    public int Corpus()
    {
        int n = 0;
        foreach (var a in _corpus) n += Extractor.Extract(a).Count;
        return n;
    }
}

/// <summary>Adds a "Words/s" column: words of the benchmark's input divided by its mean time.</summary>
public sealed class WordsConfig : ManualConfig
{
    public WordsConfig() => AddColumn(new WordsPerSecondColumn());
}

public sealed class WordsPerSecondColumn : IColumn
{
    public string Id => "WordsPerSecond";
    public string ColumnName => "Words/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Words extracted per second on one core (words of the input / mean time)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "-";
        // the benchmark runs in a child process: recount the words here
        string name = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (!ExtractionBenchmarks.Words.ContainsKey(name)) new ExtractionBenchmarks().Setup();
        if (!ExtractionBenchmarks.Words.TryGetValue(name, out long words) || words == 0) return "-";
        double seconds = report.ResultStatistics.Mean / 1e9;
        return (words / seconds).ToString("N0");
    }
}
