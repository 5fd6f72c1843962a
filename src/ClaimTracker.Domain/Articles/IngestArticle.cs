using ClaimTracker.Extraction;

namespace ClaimTracker.Domain;

/// <summary>An article as the parser and extractor delivered it, ready to be recorded.</summary>
public sealed record IngestArticle(
    string Headline,
    string? Dateline,
    IReadOnlyList<string> Places,
    string? Agency,
    IReadOnlyList<string> Credits,
    IReadOnlyList<string> Paragraphs,
    DateTimeOffset? PublishedAt,
    string? SourceFile,
    string? ArchiveId,
    int? OrdinalInFile,
    IReadOnlyList<AttributedStatement> Statements,
    string ExtractorVersion,
    string IngestedBy,
    DateTimeOffset At)
{
    public string ContentHash => Identity.Hash;
    public Guid ArticleId => Identity.Id;

    // Normalizing and hashing the text is the costliest step of planning a batch and was paid on every access (three
    // per article): computed once, keyed on the very strings it came from, so a `with` copy that changes the text
    // computes its own.
    private ArticleIdentity? _identity;
    private ArticleIdentity Identity
    {
        get
        {
            var known = _identity;
            if (known is not null && ReferenceEquals(known.Headline, Headline) && ReferenceEquals(known.Paragraphs, Paragraphs)) return known;
            var hash = Domain.ContentHash.Of(Headline, Paragraphs);
            return _identity = new ArticleIdentity(Headline, Paragraphs, hash, Ids.Article(hash));
        }
    }

    private sealed record ArticleIdentity(string Headline, IReadOnlyList<string> Paragraphs, string Hash, Guid Id);
}

public static class ArticleDecisions
{
    /// <summary>
    /// Records a new article and one event per attributed statement, crediting each to its curated actor.
    /// An article whose normalized content is already stored appends nothing: ingestion is idempotent.
    /// </summary>
    /// <param name="existing">The article already stored under the same content id, if any.</param>
    /// <param name="resolveActor">Curated identity: maps a raw actor id to the actor it now belongs to.</param>
    public static Decision Ingest(ArticleView? existing, IngestArticle command, Func<string, string> resolveActor)
    {
        if (string.IsNullOrWhiteSpace(command.Headline))
            return DomainError.Invalid("headline-missing", "The article has no headline.");
        if (command.Paragraphs.Count == 0 || command.Paragraphs.All(string.IsNullOrWhiteSpace))
            return DomainError.Invalid("body-missing", "The article has no body text.");
        if (existing is not null) return Decision.Nothing;

        var hash = command.ContentHash;
        var articleId = Ids.Article(hash);
        var events = new List<object>(command.Statements.Count + 1)
        {
            new ArticleIngested(articleId, hash, command.Headline.Trim(), command.Dateline, command.Places, command.Agency,
                command.Credits, command.Paragraphs, command.PublishedAt, command.SourceFile, command.ArchiveId,
                command.OrdinalInFile, command.IngestedBy, command.At),
        };
        var ordinal = 0;
        foreach (var s in command.Statements)
        {
            ordinal++;
            var attribution = StatementAttribution.From(s);
            var actorId = resolveActor(ActorIds.For(attribution.Speaker, attribution.SpeakerType, attribution.Anonymous, articleId));
            events.Add(new StatementRecorded(Ids.Statement(articleId, ordinal), articleId, ordinal, s.Id,
                command.ExtractorVersion, actorId, attribution, command.Headline.Trim(), command.PublishedAt, command.At));
        }
        return Decision.Append(events);
    }
}
