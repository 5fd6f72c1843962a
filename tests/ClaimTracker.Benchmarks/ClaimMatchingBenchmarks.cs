using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ClaimTracker.Claims;
using ClaimTracker.Extraction;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Cost of matching one statement against an index of 1k, 10k and 100k claims built from Reuters-21578 sentences
/// (sentences with "said" first). The corpus is read from CLAIMTRACKER_CORPUS (or ../shared/corpus found upward
/// from the working directory); it is never copied. Each operation decides 100 probe statements that are not in
/// the index, so the figure is per statement.
/// </summary>
[MemoryDiagnoser]
public class ClaimMatchingBenchmarks
{
    private const int Probes = 100;
    private ClaimMatcher _matcher = null!;
    private StatementToMatch[] _probes = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (claims, probes) = ClaimBenchmarkSentences.Load(Claims, Probes);
        var index = ClaimBenchmarkSentences.IndexOf(claims);
        _matcher = new ClaimMatcher(index);
        _probes = probes
            .Select((x, i) => new StatementToMatch($"p{i}", x.Text, "said", StatementMode.Indirect, "", "probe" + x.Article, 2))
            .ToArray();
        // The work done per statement, independent of CPU noise: it must level off as the index grows.
        long postings = 0, candidates = 0;
        foreach (var p in _probes)
        {
            _matcher.Decide(p);
            postings += index.LastLookupCost.PostingsRead;
            candidates += index.LastLookupCost.Candidates;
        }
        Console.WriteLine($"// claims {Claims}: per statement {postings / (double)Probes:0} postings read, {candidates / (double)Probes:0} candidates scored");
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public int MatchOneStatement()
    {
        int linked = 0;
        foreach (var p in _probes) if (!_matcher.Decide(p).OpensNewClaim) linked++;
        return linked;
    }
}

internal static partial class ClaimBenchmarkSentences
{
    [GeneratedRegex(@"(?<=[.!?])\s+")] private static partial Regex SentenceEnd();

    public static string FindCorpus()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CLAIMTRACKER_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "reuters21578.jsonl.gz");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Reuters corpus not found: set CLAIMTRACKER_CORPUS to reuters21578.jsonl.gz");
    }

    /// <summary>An index holding each sentence as a claim of its own (one statement each).</summary>
    public static ClaimIndex IndexOf(List<(string Article, string Text)> claims)
    {
        var index = new ClaimIndex();
        for (int i = 0; i < claims.Count; i++)
        {
            var (article, text) = claims[i];
            index.Add(new ClaimMember($"s{i}", $"c{i}", Stances.Supports, text, "", article, 1));
        }
        return index;
    }

    /// <summary>
    /// Claim texts: "said" sentences in corpus order, then other sentences; probes: the last "said" sentences,
    /// the same ones at every index size, never indexed.
    /// </summary>
    public static (List<(string Article, string Text)> Claims, List<(string Article, string Text)> Probes) Load(int count, int probes)
    {
        var said = new List<(string, string)>();
        var other = new List<(string, string)>();
        using var gz = new GZipStream(File.OpenRead(FindCorpus()), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.GetProperty("id").GetString() ?? "";
            var body = doc.RootElement.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
            foreach (var s in SentenceEnd().Split(body.Replace('\n', ' ')))
            {
                if (s.Length < 40) continue;
                (s.Contains(" said", StringComparison.Ordinal) ? said : other).Add((id, s));
            }
        }
        var probeList = said.TakeLast(probes).ToList();
        var all = said.Take(said.Count - probes).Concat(other).ToList();
        if (all.Count < count) throw new InvalidOperationException($"corpus has {all.Count} sentences, {count} needed");
        return (all.Take(count).ToList(), probeList);
    }
}
