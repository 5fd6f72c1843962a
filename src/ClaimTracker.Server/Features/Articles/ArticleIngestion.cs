using ClaimTracker.Domain;
using JasperFx.Events;
using Marten;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>Turns wire copy into commands: parsing and extraction (the extraction library) behind one seam.</summary>
public interface IArticleReader
{
    string ExtractorVersion { get; }
    /// <summary>One or more articles in the seed layout (headline, blank line, dateline paragraph, body, credits).</summary>
    IReadOnlyList<IngestArticle> ReadText(string text, string? sourceFile, string by, DateTimeOffset at);
    /// <summary>One article given as headline and body.</summary>
    IngestArticle ReadOne(string headline, string body, string? dateline, DateTimeOffset? date, string? source, string by, DateTimeOffset at);
    /// <summary>Every article of a file or archive (seed text, .jsonl, .csv, optionally gzipped), streamed.</summary>
    IEnumerable<IngestArticle> ReadFile(string path, string by, Action<string>? onBadRecord = null);
}

public sealed record IngestedArticle(Guid Id, string Headline, int Statements, bool Duplicate);

/// <summary>
/// Records articles: computes each content id, asks the pure decision whether anything is new, credits statements
/// to curated actors and starts the article stream. Shared by the HTTP endpoint, seeding and the ingest command.
/// </summary>
public sealed class ArticleIngestion
{
    public async Task<IReadOnlyList<IngestedArticle>> IngestAsync(IDocumentSession session, IReadOnlyList<IngestArticle> articles, CancellationToken ct)
    {
        var plan = await PlanAsync(session, articles, ct);
        foreach (var stream in plan.NewStreams) session.Events.StartStream<ArticleView>(stream.Id, stream.Events.ToArray());
        return plan.Results;
    }

    /// <summary>
    /// The decision for a batch, without writing: which articles are already stored (duplicates) and the events of
    /// each new article stream. The per-article append above and the bulk import (<see cref="BulkArticleImport"/>)
    /// both write exactly this, so both paths store the same events under the same stream ids.
    /// </summary>
    public async Task<IngestPlan> PlanAsync(IQuerySession session, IReadOnlyList<IngestArticle> articles, CancellationToken ct)
    {
        var aliases = (await session.Query<ActorAlias>().ToListAsync(ct)).ToDictionary(a => a.Id, a => a.ActorId);
        string Resolve(string id) => ActorDirectory.Resolve(id, aliases.GetValueOrDefault);

        var ids = articles.Select(a => a.ArticleId).Distinct().ToArray();
        // The stream table, not the (async) article view, says whether an article is stored: it is written in the
        // same transaction as the events, so a duplicate is caught even before the daemon has built the view.
        // One query for the whole batch (the events tables are created on first use, hence the Ensure).
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        var stored = (await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = any(?)", ct, ids)).ToHashSet();
        var existing = stored.Count == 0 ? new Dictionary<Guid, ArticleView>()
            : (await session.LoadManyAsync<ArticleView>(ct, stored.ToArray())).ToDictionary(a => a.Id);
        var results = new List<IngestedArticle>(articles.Count);
        var streams = new List<NewArticleStream>();
        var startedHere = new HashSet<Guid>();
        foreach (var article in articles)
        {
            var id = article.ArticleId;
            if (stored.Contains(id) || startedHere.Contains(id))
            {
                var view = existing.GetValueOrDefault(id);
                results.Add(new IngestedArticle(id, view?.Headline ?? article.Headline.Trim(),
                    view?.Statements.Count(s => !s.Retracted) ?? article.Statements.Count, Duplicate: true));
                continue;
            }
            var decision = ArticleDecisions.Ingest(null, article, Resolve);
            if (!decision.Succeeded) throw new InvalidArticleException(decision.Error!, article.Headline);
            streams.Add(new NewArticleStream(id, decision.Events));
            startedHere.Add(id);
            results.Add(new IngestedArticle(id, article.Headline.Trim(), decision.Events.Count - 1, Duplicate: false));
        }
        return new IngestPlan(results, streams);
    }
}

/// <summary>A new article stream: its id (the content id) and its events, article first, then one per statement.</summary>
public sealed record NewArticleStream(Guid Id, IReadOnlyList<object> Events);

public sealed record IngestPlan(IReadOnlyList<IngestedArticle> Results, IReadOnlyList<NewArticleStream> NewStreams);

public sealed class InvalidArticleException(DomainError error, string headline) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
    public string Headline { get; } = headline;
}
