using System.Reflection;
using ClaimTracker.Extraction;
using JasperFx.Events;

namespace ClaimTracker.Domain.Tests;

/// <summary>
/// Plays events through a projection's public Create/Apply methods, the way Marten's generated dispatcher does:
/// by the event type of the IEvent&lt;T&gt; parameter. Each appended event gets the next global sequence.
/// </summary>
public sealed class EventLog
{
    private long _sequence;
    private readonly Dictionary<string, long> _versions = new();
    public static readonly DateTimeOffset T0 = new(2016, 2, 15, 9, 0, 0, TimeSpan.Zero);

    public IEvent Append(string stream, object data)
    {
        _versions[stream] = _versions.GetValueOrDefault(stream) + 1;
        _sequence++;
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Sequence = _sequence;
        e.Version = _versions[stream];
        e.Timestamp = T0.AddSeconds(_sequence);
        return e;
    }

    public IReadOnlyList<IEvent> AppendAll(string stream, IEnumerable<object> data) => data.Select(d => Append(stream, d)).ToList();
}

public static class Fold
{
    public static TDoc? Into<TDoc>(object projection, TDoc? doc, IEnumerable<IEvent> events) where TDoc : class, new()
    {
        foreach (var e in events) doc = One(projection, doc, e);
        return doc;
    }

    public static TDoc? One<TDoc>(object projection, TDoc? doc, IEvent e) where TDoc : class, new()
    {
        var wrapped = typeof(IEvent<>).MakeGenericType(e.Data.GetType());
        var methods = projection.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance);
        if (doc is null)
        {
            var create = methods.FirstOrDefault(m => m.Name == "Create" && m.GetParameters() is [var p] && p.ParameterType == wrapped);
            if (create is not null) return (TDoc)create.Invoke(projection, [e])!;
            doc = new TDoc();
        }
        var apply = methods.FirstOrDefault(m => m.Name == "Apply" && m.GetParameters() is [var p, _] && p.ParameterType == wrapped);
        if (apply is null) return doc;
        var result = apply.Invoke(projection, [e, doc]);
        return result as TDoc ?? doc;
    }
}

public static class Sample
{
    public static AttributedStatement Statement(string speaker, string content, string type = SpeakerTypes.Person,
        bool anonymous = false, string mode = StatementMode.Indirect, string? role = null, string? affiliation = null,
        string? reason = null, string? medium = null, int paragraph = 1, string? speakerText = null) => new()
    {
        Id = $"a1-s{paragraph}", Headline = "Headline", Paragraph = paragraph, Cue = "said", Mode = mode, Content = content,
        SpeakerText = speakerText ?? speaker, Speaker = speaker, SpeakerType = type, Anonymous = anonymous, Role = role,
        Affiliation = affiliation, AnonymityReason = reason, Medium = medium, Evidence = content + ", " + speaker + " said.",
    };

    public static IngestArticle Article(string headline, IReadOnlyList<AttributedStatement> statements, DateTimeOffset? publishedAt = null,
        params string[] paragraphs) => new(
        headline, "GENEVA", ["GENEVA"], "Reuters", ["Reporting by A. Reporter; Editing by B. Editor"],
        paragraphs.Length > 0 ? paragraphs : [$"GENEVA (Reuters) - {headline} body text."],
        publishedAt ?? EventLog.T0, "seeds/test.txt", null, 1, statements, "test-1.0", "tester", EventLog.T0);

    public static Func<string, string> NoAliases => id => id;

    /// <summary>Ingests an article through the decision and projects its article and statement views.</summary>
    public static (ArticleView Article, Dictionary<Guid, StatementView> Statements, IReadOnlyList<IEvent> Events) Ingest(
        EventLog log, IngestArticle command, Func<string, string>? resolve = null)
    {
        var decision = ArticleDecisions.Ingest(null, command, resolve ?? NoAliases);
        Assert.True(decision.Succeeded, decision.Error?.Message);
        var events = log.AppendAll($"article:{command.ArticleId}", decision.Events);
        var article = Fold.Into<ArticleView>(new ArticleProjection(), null, events)!;
        var statements = new Dictionary<Guid, StatementView>();
        foreach (var e in events.Where(e => e.Data is StatementRecorded))
        {
            var id = ((StatementRecorded)e.Data).StatementId;
            statements[id] = Fold.One<StatementView>(new StatementProjection(), null, e)!;
        }
        return (article, statements, events);
    }
}
