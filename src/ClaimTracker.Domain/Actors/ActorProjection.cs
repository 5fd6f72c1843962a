using ClaimTracker.Extraction;
using JasperFx.Events;
using Marten.Events.Projections;

namespace ClaimTracker.Domain;

/// <summary>
/// Async: an actor document (e.g. "government-russia") is touched by statements from many articles at once; doing
/// it inline would serialize concurrent ingests on hot documents. The daemon folds batches, and with
/// UseListenNotifyForEventAppends the lag is milliseconds. Every document carries LastSequence for the live push.
/// </summary>
public partial class ActorProjection : MultiStreamProjection<ActorView, string>
{
    public ActorProjection()
    {
        Identities<StatementRecorded>(ActorsOf);
        Identities<StatementCorrected>(ActorsOf);
        Identities<StatementRetracted>(ActorsOf);
        Identities<StatementLinkedToClaim>(ActorsOf);
        Identities<StatementUnlinkedFromClaim>(ActorsOf);
        Identities<LinkedStatementRevised>(ActorsOf);
        Identities<ClaimsMerged>(ActorsOf);
        Identities<ActorAliasAdded>(ActorsOf);
        Identities<ActorsMerged>(ActorsOf);
    }

    /// <summary>Which actor documents an event touches: the one routing table for the projection and for time travel.</summary>
    public static IReadOnlyList<string> ActorsOf(object e) => e switch
    {
        StatementRecorded r => [r.ActorId],
        StatementCorrected c => c.PreviousActorId == c.ActorId ? [c.ActorId] : [c.PreviousActorId, c.ActorId],
        StatementRetracted r => [r.ActorId],
        StatementLinkedToClaim l => [l.Statement.ActorId],
        StatementUnlinkedFromClaim u => [u.ActorId],
        LinkedStatementRevised v => [v.Statement.ActorId],
        ClaimsMerged m => m.MovedLinks.Select(l => l.Statement.ActorId).Distinct().ToList(),
        ActorAliasAdded a => [a.ActorId],
        ActorsMerged m => [m.SurvivingActorId, m.AbsorbedActorId],
        _ => [],
    };

    /// <summary>
    /// Folds an actor from events (in sequence order) without the database: used to read an actor as it was at an
    /// earlier global sequence or moment. Events that do not concern the actor are skipped. <paramref name="from"/>
    /// is the actor as it was before the first of them (null: none yet), so a long replay can fold page by page.
    /// </summary>
    public ActorView? Replay(string actorId, IEnumerable<IEvent> events, ActorView? from = null)
    {
        var view = from;
        foreach (var e in events)
        {
            if (!ActorsOf(e.Data).Contains(actorId)) continue;
            view ??= new ActorView();
            view = e switch
            {
                IEvent<StatementRecorded> x => Apply(x, view),
                IEvent<StatementCorrected> x => Apply(x, view),
                IEvent<StatementRetracted> x => Apply(x, view),
                IEvent<StatementLinkedToClaim> x => Apply(x, view),
                IEvent<StatementUnlinkedFromClaim> x => Apply(x, view),
                IEvent<LinkedStatementRevised> x => Apply(x, view),
                IEvent<ClaimsMerged> x => Apply(x, view),
                IEvent<ActorAliasAdded> x => Apply(x, view),
                IEvent<ActorsMerged> x => Apply(x, view),
                _ => view,
            };
        }
        return view;
    }

    public ActorView Apply(IEvent<StatementRecorded> e, ActorView view)
    {
        var d = e.Data;
        Introduce(view, d.ActorId, d.Attribution);
        if (!view.StatementIds.Contains(d.StatementId)) AddStatement(view, d.StatementId, d.ArticleId, d.ArticleHeadline, d.PublishedAt, d.RecordedAt, d.Attribution);
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<StatementCorrected> e, ActorView view)
    {
        var d = e.Data;
        var moves = d.PreviousActorId != d.ActorId;
        var recordedAt = view.LatestStatements.FirstOrDefault(s => s.StatementId == d.StatementId)?.RecordedAt ?? d.CorrectedAt;
        // Marten news up a document it has not seen yet, so "not the previous actor" is the test for the receiving side.
        if (moves && view.Id == d.PreviousActorId)
        {
            RemoveStatement(view, d.StatementId, d.ArticleId, d.Before, dropClaims: true);
        }
        else
        {
            RemoveStatement(view, d.StatementId, d.ArticleId, d.Before, dropClaims: false);
            Introduce(view, d.ActorId, d.After);
            AddStatement(view, d.StatementId, d.ArticleId, d.ArticleHeadline, d.PublishedAt, recordedAt, d.After);
        }
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<StatementRetracted> e, ActorView view)
    {
        var d = e.Data;
        if (view.StatementIds.Contains(d.StatementId))
        {
            RemoveStatement(view, d.StatementId, d.ArticleId, d.Attribution, dropClaims: true);
            view.RetractedCount++;
        }
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<StatementLinkedToClaim> e, ActorView view)
    {
        var d = e.Data;
        view.Claims.RemoveAll(c => c.ClaimId == d.ClaimId && c.StatementId == d.Statement.StatementId);
        view.Claims.Add(new ActorClaim(d.ClaimId, d.Statement.StatementId, d.Stance));
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<StatementUnlinkedFromClaim> e, ActorView view)
    {
        view.Claims.RemoveAll(c => c.ClaimId == e.Data.ClaimId && c.StatementId == e.Data.StatementId);
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<LinkedStatementRevised> e, ActorView view)
    {
        // After a correction moved a statement to this actor, its claim links follow it here.
        var d = e.Data;
        if (!d.Retracted && !view.Claims.Any(c => c.ClaimId == d.ClaimId && c.StatementId == d.Statement.StatementId)
            && d.Stance.Length > 0)
            view.Claims.Add(new ActorClaim(d.ClaimId, d.Statement.StatementId, d.Stance));
        if (d.Retracted) view.Claims.RemoveAll(c => c.ClaimId == d.ClaimId && c.StatementId == d.Statement.StatementId);
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<ClaimsMerged> e, ActorView view)
    {
        var d = e.Data;
        for (var i = 0; i < view.Claims.Count; i++)
            if (view.Claims[i].ClaimId == d.AbsorbedClaimId) view.Claims[i] = view.Claims[i] with { ClaimId = d.SurvivingClaimId };
        view.Claims = view.Claims.Distinct().ToList();
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<ActorAliasAdded> e, ActorView view)
    {
        var d = e.Data;
        if (view.Id.Length == 0) view.Id = d.ActorId;
        AddDistinct(view.Names, d.Alias);
        AddDistinct(view.Aliases, d.AliasActorId);
        return Touch(view, e);
    }

    public ActorView Apply(IEvent<ActorsMerged> e, ActorView view)
    {
        var d = e.Data;
        var m = d.Moved;
        if (view.Id == d.AbsorbedActorId)
        {
            // Tombstone: everything moved to the survivor.
            view.MergedInto = d.SurvivingActorId;
            view.StatementCount = view.DirectCount = view.IndirectCount = view.MixedCount = 0;
            view.StatementIds.Clear();
            view.LatestStatements.Clear();
            view.Articles.Clear();
            view.Claims.Clear();
            return Touch(view, e);
        }

        view.StatementCount += m.StatementCount;
        view.DirectCount += m.DirectCount;
        view.IndirectCount += m.IndirectCount;
        view.MixedCount += m.MixedCount;
        view.RetractedCount += m.RetractedCount;
        foreach (var n in m.Names.Prepend(d.AbsorbedName)) AddDistinct(view.Names, n);
        AddDistinct(view.Aliases, d.AbsorbedActorId);
        foreach (var r in m.Roles) AddDistinct(view.Roles, r);
        foreach (var a in m.Affiliations) AddDistinct(view.Affiliations, a);
        foreach (var x in m.Media) AddDistinct(view.Media, x);
        foreach (var id in m.StatementIds) if (!view.StatementIds.Contains(id)) view.StatementIds.Add(id);
        foreach (var s in m.LatestStatements)
        {
            var article = view.Articles.FirstOrDefault(a => a.ArticleId == s.ArticleId);
            if (article is null) view.Articles.Add(new ActorArticle { ArticleId = s.ArticleId, Headline = s.ArticleHeadline, PublishedAt = s.PublishedAt });
        }
        foreach (var articleId in m.Articles.Where(a => view.Articles.All(x => x.ArticleId != a)))
            view.Articles.Add(new ActorArticle { ArticleId = articleId });
        foreach (var c in m.Claims) if (!view.Claims.Contains(c)) view.Claims.Add(c);
        view.LatestStatements = view.LatestStatements.Concat(m.LatestStatements).DistinctBy(s => s.StatementId)
            .OrderByDescending(s => s.PublishedAt ?? s.RecordedAt).Take(ActorView.LatestKept).ToList();
        view.Saw(m.FirstSeen);
        view.Saw(m.LastSeen);
        return Touch(view, e);
    }

    private static void Introduce(ActorView view, string actorId, StatementAttribution a)
    {
        if (view.Id.Length == 0) view.Id = actorId;
        if (view.Name.Length == 0)
        {
            view.Name = a.Speaker;
            view.Type = a.SpeakerType;
            view.Anonymous = a.Anonymous;
        }
        AddDistinct(view.Names, a.Speaker);
    }

    private static void AddStatement(ActorView view, Guid statementId, Guid articleId, string headline,
        DateTimeOffset? publishedAt, DateTimeOffset recordedAt, StatementAttribution a)
    {
        view.StatementIds.Add(statementId);
        view.Count(a.Mode, +1);
        AddDistinct(view.Roles, a.Role);
        AddDistinct(view.Affiliations, a.Affiliation);
        AddDistinct(view.Media, a.Medium);
        var article = view.Articles.FirstOrDefault(x => x.ArticleId == articleId);
        if (article is null)
        {
            article = new ActorArticle { ArticleId = articleId, Headline = headline, PublishedAt = publishedAt };
            view.Articles.Add(article);
        }
        article.Statements++;
        view.Saw(publishedAt ?? recordedAt);
        var statement = new ActorStatement(statementId, articleId, headline, a.Content, a.Mode, a.Cue, a.Role,
            a.Affiliation, a.Medium, publishedAt, recordedAt);
        view.LatestStatements = view.LatestStatements.Where(s => s.StatementId != statementId).Append(statement)
            .OrderByDescending(s => s.PublishedAt ?? s.RecordedAt).ThenByDescending(s => s.RecordedAt)
            .Take(ActorView.LatestKept).ToList();
    }

    private static void RemoveStatement(ActorView view, Guid statementId, Guid articleId, StatementAttribution before, bool dropClaims)
    {
        if (!view.StatementIds.Remove(statementId)) return;
        view.Count(before.Mode, -1);
        var article = view.Articles.FirstOrDefault(x => x.ArticleId == articleId);
        if (article is not null && --article.Statements <= 0) view.Articles.Remove(article);
        view.LatestStatements.RemoveAll(s => s.StatementId == statementId);
        if (dropClaims) view.Claims.RemoveAll(c => c.StatementId == statementId);
    }

    private static void AddDistinct(List<string> list, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !list.Contains(value, StringComparer.OrdinalIgnoreCase)) list.Add(value);
    }

    private static ActorView Touch(ActorView view, IEvent e)
    {
        view.LastSequence = Math.Max(view.LastSequence, e.Sequence);
        view.LastUpdated = EventTime.Of(e);
        return view;
    }
}

/// <summary>
/// Inline: ingestion looks up curated identity (aliases, merges) before crediting a statement, so an alias added a
/// moment ago must already apply.
/// </summary>
public partial class ActorAliasProjection : MultiStreamProjection<ActorAlias, string>
{
    public ActorAliasProjection()
    {
        Identity<ActorAliasAdded>(e => e.AliasActorId);
        Identity<ActorsMerged>(e => e.AbsorbedActorId);
    }

    public ActorAlias Apply(IEvent<ActorAliasAdded> e, ActorAlias alias)
    {
        alias.Id = e.Data.AliasActorId;
        alias.ActorId = e.Data.ActorId;
        alias.Name = e.Data.Alias;
        return alias;
    }

    public ActorAlias Apply(IEvent<ActorsMerged> e, ActorAlias alias)
    {
        alias.Id = e.Data.AbsorbedActorId;
        alias.ActorId = e.Data.SurvivingActorId;
        alias.Name = e.Data.AbsorbedName;
        return alias;
    }
}
