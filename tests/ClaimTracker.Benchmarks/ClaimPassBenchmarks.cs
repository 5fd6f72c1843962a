using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ClaimTracker.Claims;
using ClaimTracker.Extraction;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Cost per statement of the server's way of matching (<see cref="ClaimMatcher.MatchAll"/>): 100 probe statements
/// arrive as 10 articles of 10, each article one pass, against an index of 1k, 10k and 100k claims built as in
/// <see cref="ClaimMatchingBenchmarks"/>. A pass records its statements, so every iteration starts from a freshly
/// built index (built in the iteration setup, not timed) and runs once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ClaimPassBenchmarks
{
    private const int Probes = 100, PerArticle = 10;
    private List<(string Article, string Text)> _claims = null!;
    private StatementToMatch[][] _articles = null!;
    private ClaimMatcher _matcher = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (claims, probes) = ClaimBenchmarkSentences.Load(Claims, Probes);
        _claims = claims;
        _articles = probes
            .Select((x, i) => new StatementToMatch($"p{i}", x.Text, "said", StatementMode.Indirect, "", $"probe{i / PerArticle}", 2 + i % PerArticle))
            .Chunk(PerArticle).ToArray();
    }

    [IterationSetup]
    public void BuildIndex() => _matcher = new ClaimMatcher(ClaimBenchmarkSentences.IndexOf(_claims));

    [Benchmark(OperationsPerInvoke = Probes)]
    public int PlaceArticlesInPasses()
    {
        int linked = 0;
        foreach (var article in _articles)
            foreach (var d in _matcher.MatchAll(article))
                if (!d.OpensNewClaim) linked++;
        return linked;
    }
}
