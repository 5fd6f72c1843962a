using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ClaimTracker.Domain;

/// <summary>
/// Inline: ingestion answers with the article and the attribution report must be readable right after the POST;
/// one stream per article, so no contention.
/// </summary>
public partial class ArticleProjection : SingleStreamProjection<ArticleView, Guid>
{
    public ArticleView Create(IEvent<ArticleIngested> e)
    {
        var d = e.Data;
        var view = new ArticleView
        {
            Id = d.ArticleId, ContentHash = d.ContentHash, Headline = d.Headline, Dateline = d.Dateline,
            Places = [.. d.Places], Agency = d.Agency, Credits = [.. d.Credits], Paragraphs = [.. d.Paragraphs],
            PublishedAt = d.PublishedAt, SourceFile = d.SourceFile, ArchiveId = d.ArchiveId,
            OrdinalInFile = d.OrdinalInFile, IngestedBy = d.IngestedBy, IngestedAt = d.IngestedAt,
        };
        return Touch(view, e);
    }

    public ArticleView Apply(IEvent<StatementRecorded> e, ArticleView view)
    {
        var d = e.Data;
        view.Statements.RemoveAll(s => s.StatementId == d.StatementId); // a replayed event must not double-count
        view.Statements.Add(new ArticleStatement
        {
            StatementId = d.StatementId, Ordinal = d.Ordinal, ActorId = d.ActorId, Attribution = d.Attribution,
        });
        view.Statements.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        return Touch(view, e);
    }

    public ArticleView Apply(IEvent<StatementCorrected> e, ArticleView view)
    {
        var s = view.Statements.FirstOrDefault(x => x.StatementId == e.Data.StatementId);
        if (s is not null)
        {
            s.Attribution = e.Data.After;
            s.ActorId = e.Data.ActorId;
            s.Corrections++;
        }
        return Touch(view, e);
    }

    public ArticleView Apply(IEvent<StatementRetracted> e, ArticleView view)
    {
        var s = view.Statements.FirstOrDefault(x => x.StatementId == e.Data.StatementId);
        if (s is not null) s.Retracted = true;
        return Touch(view, e);
    }

    private static ArticleView Touch(ArticleView view, IEvent e)
    {
        view.Report = AttributionReport.From(view.Statements);
        view.Version = e.Version;
        view.LastSequence = Math.Max(view.LastSequence, e.Sequence);
        view.LastUpdated = EventTime.Of(e);
        return view;
    }
}
