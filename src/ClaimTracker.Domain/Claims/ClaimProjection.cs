using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ClaimTracker.Domain;

/// <summary>
/// Inline: writers send the claim's version back and a stale one must get 409, so the document they read and the
/// stream version must move together; and a fact-checker expects to see the link they just made.
/// </summary>
public partial class ClaimProjection : SingleStreamProjection<ClaimView, Guid>
{
    public ClaimView Create(IEvent<ClaimOpened> e)
    {
        var d = e.Data;
        var view = new ClaimView
        {
            Id = d.ClaimId, Text = d.Text, Label = d.Label, Automatic = d.Automatic, OpenedBy = d.OpenedBy, OpenedAt = d.OpenedAt,
        };
        view.Timeline.Add(new ClaimTimelineEntry { Kind = "opened", At = d.OpenedAt, By = d.OpenedBy, Automatic = d.Automatic, Detail = d.Text });
        return Touch(view, e, d.OpenedAt);
    }

    public ClaimView Apply(IEvent<StatementLinkedToClaim> e, ClaimView view)
    {
        var d = e.Data;
        view.Links.RemoveAll(l => l.Statement.StatementId == d.Statement.StatementId);
        view.Links.Add(new ClaimLinkView
        {
            Statement = d.Statement, Stance = d.Stance, Automatic = d.Automatic, Score = d.Score,
            Explanation = d.Explanation, LinkedBy = d.LinkedBy, LinkedAt = d.LinkedAt,
        });
        view.Timeline.Add(new ClaimTimelineEntry
        {
            Kind = "linked", At = d.LinkedAt, By = d.LinkedBy, StatementId = d.Statement.StatementId,
            Speaker = d.Statement.Speaker, Stance = d.Stance, Automatic = d.Automatic,
            Detail = d.Automatic ? $"score {d.Score:0.###}: {d.Explanation}" : null,
        });
        return Touch(view, e, d.LinkedAt);
    }

    public ClaimView Apply(IEvent<StatementUnlinkedFromClaim> e, ClaimView view)
    {
        var d = e.Data;
        var link = view.Links.FirstOrDefault(l => l.Statement.StatementId == d.StatementId);
        view.Links.RemoveAll(l => l.Statement.StatementId == d.StatementId);
        view.Timeline.Add(new ClaimTimelineEntry
        {
            Kind = "unlinked", At = d.UnlinkedAt, By = d.UnlinkedBy, StatementId = d.StatementId,
            Speaker = link?.Statement.Speaker, Stance = d.Stance, Detail = d.Reason,
        });
        return Touch(view, e, d.UnlinkedAt);
    }

    public ClaimView Apply(IEvent<LinkedStatementRevised> e, ClaimView view)
    {
        var d = e.Data;
        var link = view.Links.FirstOrDefault(l => l.Statement.StatementId == d.Statement.StatementId);
        if (link is not null)
        {
            link.Statement = d.Statement;
            link.Retracted = d.Retracted;
        }
        view.Timeline.Add(new ClaimTimelineEntry
        {
            Kind = d.Retracted ? "retracted" : "revised", At = d.RevisedAt, By = d.RevisedBy,
            StatementId = d.Statement.StatementId, Speaker = d.Statement.Speaker, Stance = link?.Stance,
            Detail = d.Reason,
        });
        return Touch(view, e, d.RevisedAt);
    }

    public ClaimView Apply(IEvent<ClaimsMerged> e, ClaimView view)
    {
        var d = e.Data;
        if (view.Id == d.AbsorbedClaimId)
        {
            // The absorbed claim keeps its history but hands its links over.
            view.MergedInto = d.SurvivingClaimId;
            view.Links.Clear();
            view.Timeline.Add(new ClaimTimelineEntry { Kind = "absorbed", At = d.MergedAt, By = d.MergedBy, Detail = d.Reason });
        }
        else
        {
            foreach (var moved in d.MovedLinks)
            {
                if (view.Links.Any(l => l.Statement.StatementId == moved.Statement.StatementId)) continue;
                view.Links.Add(new ClaimLinkView
                {
                    Statement = moved.Statement, Stance = moved.Stance, Automatic = moved.Automatic, Score = moved.Score,
                    Explanation = moved.Explanation, LinkedBy = moved.LinkedBy, LinkedAt = moved.LinkedAt,
                });
            }
            if (!view.MergedFrom.Contains(d.AbsorbedClaimId)) view.MergedFrom.Add(d.AbsorbedClaimId);
            view.Timeline.Add(new ClaimTimelineEntry
            {
                Kind = "merged", At = d.MergedAt, By = d.MergedBy,
                Detail = $"merged \"{d.AbsorbedText}\" ({d.MovedLinks.Count} statements)" + (d.Reason is null ? "" : $": {d.Reason}"),
            });
        }
        return Touch(view, e, d.MergedAt);
    }

    public ClaimView Apply(IEvent<VerdictIssued> e, ClaimView view)
    {
        var d = e.Data;
        view.Verdict = new ClaimVerdict { Rating = d.Rating, Summary = d.Summary, Reviewer = d.Reviewer, IssuedAt = d.IssuedAt };
        view.Timeline.Add(new ClaimTimelineEntry { Kind = "verdict", At = d.IssuedAt, By = d.Reviewer, Detail = $"{d.Rating}: {d.Summary}" });
        return Touch(view, e, d.IssuedAt);
    }

    // LastUpdated is the time the event itself records, not the store's timestamp: an inline projection under
    // Quick append and a rebuild by the daemon must produce the same document.
    private static ClaimView Touch(ClaimView view, IEvent e, DateTimeOffset at)
    {
        view.Recompute();
        view.Version = e.Version;
        view.LastUpdated = at;
        return view;
    }
}
