using ClaimTracker.Extraction;
using System.Text.Json;
using JasperFx.Events;

namespace ClaimTracker.Domain.Tests;

public class ActorTests
{
    private readonly EventLog _log = new();
    private readonly Dictionary<string, ActorView> _actors = new();
    private readonly Dictionary<string, ActorAlias> _aliases = new();
    private readonly Dictionary<Guid, StatementView> _statements = new();
    private static readonly DateTimeOffset Now = EventLog.T0.AddDays(5);

    private void Project(IEnumerable<IEvent> events)
    {
        foreach (var e in events)
        {
            _all.Add(e);
            foreach (var id in ActorProjection.ActorsOf(e.Data))
                _actors[id] = Fold.One(new ActorProjection(), _actors.GetValueOrDefault(id), e)!;
            var aliasKey = e.Data switch { ActorAliasAdded a => a.AliasActorId, ActorsMerged m => m.AbsorbedActorId, _ => null };
            if (aliasKey is not null) _aliases[aliasKey] = Fold.One(new ActorAliasProjection(), _aliases.GetValueOrDefault(aliasKey), e)!;
            if (e.Data is StatementRecorded r) _statements[r.StatementId] = Fold.One<StatementView>(new StatementProjection(), null, e)!;
        }
    }

    private readonly List<IEvent> _all = new();

    private string Resolve(string id) => ActorDirectory.Resolve(id, x => _aliases.GetValueOrDefault(x)?.ActorId);

    private void Ingest(string headline, DateTimeOffset publishedAt, params AttributedStatement[] statements)
    {
        var command = Sample.Article(headline, statements, publishedAt);
        var decision = ArticleDecisions.Ingest(null, command, Resolve);
        Project(_log.AppendAll($"article:{command.ArticleId}", decision.Events));
    }

    private void Curate(Decision decision)
    {
        Assert.True(decision.Succeeded, decision.Error?.Message);
        Project(_log.AppendAll("actor", decision.Events));
    }

    [Fact]
    public void An_actor_collects_statements_roles_media_articles_and_when_it_was_seen()
    {
        Ingest("Kerry in Geneva", EventLog.T0.AddDays(-10),
            Sample.Statement("John Kerry", "We are close.", mode: StatementMode.Direct, role: "U.S. Secretary of State", medium: "Reuters"),
            Sample.Statement("John Kerry", "talks would resume", role: "Secretary of State", paragraph: 2));
        Ingest("Kerry in Munich", EventLog.T0.AddDays(-2),
            Sample.Statement("John Kerry", "a ceasefire is possible", role: "U.S. Secretary of State", medium: "reporters"));

        var kerry = _actors["person-john-kerry"];
        Assert.Equal("John Kerry", kerry.Name);
        Assert.Equal(SpeakerTypes.Person, kerry.Type);
        Assert.False(kerry.Anonymous);
        Assert.Equal(3, kerry.StatementCount);
        Assert.Equal(1, kerry.DirectCount);
        Assert.Equal(2, kerry.IndirectCount);
        Assert.Equal(["U.S. Secretary of State", "Secretary of State"], kerry.Roles);
        Assert.Equal(["Reuters", "reporters"], kerry.Media);
        Assert.Equal(["Kerry in Geneva", "Kerry in Munich"], kerry.Articles.Select(a => a.Headline));
        Assert.Equal(EventLog.T0.AddDays(-10), kerry.FirstSeen);
        Assert.Equal(EventLog.T0.AddDays(-2), kerry.LastSeen);
        Assert.Equal("a ceasefire is possible", kerry.LatestStatements[0].Content);
        Assert.True(kerry.LastSequence > 0);
    }

    [Fact]
    public void Claims_are_listed_with_their_stance()
    {
        Ingest("Kerry", EventLog.T0, Sample.Statement("John Kerry", "Russia must stop bombing"));
        var statement = _statements.Values.Single();
        var claimId = Guid.NewGuid();
        var claim = Fold.Into<ClaimView>(new ClaimProjection(), null,
            _log.AppendAll("claim", ClaimDecisions.Open(null, new OpenClaim(claimId, "peace requires a halt to russian bombing", null, false, "c", Now)).Events))!;
        var link = ClaimDecisions.Link(claim, statement, new LinkStatement(claimId, statement.Id, Stances.Supports, false, null, null, "c", Now));
        Project(_log.AppendAll("claim", link.Events));
        Assert.Equal([new ActorClaim(claimId, statement.Id, Stances.Supports)], _actors["person-john-kerry"].Claims);

        claim = Fold.Into(new ClaimProjection(), claim, _log.AppendAll("claim", link.Events))!;
        Project(_log.AppendAll("claim", ClaimDecisions.Unlink(claim, new UnlinkStatement(claimId, statement.Id, null, "c", Now)).Events));
        Assert.Empty(_actors["person-john-kerry"].Claims);
    }

    [Fact]
    public void A_speaker_correction_moves_the_statement_between_actors()
    {
        Ingest("Rebels", EventLog.T0,
            Sample.Statement("Zekeria Karsli", "the town will hold", mode: StatementMode.Direct),
            Sample.Statement("Zekeria Karsli", "supplies are short", paragraph: 2));
        var statement = _statements.Values.Single(s => s.Ordinal == 1);
        Project(_log.AppendAll("article", StatementDecisions.Correct(statement,
            new CorrectStatement(statement.Id, new Dictionary<string, string?> { ["speaker"] = "Ali Haidar" }, "misattributed", "editor", Now),
            Resolve).Events));

        Assert.Equal(1, _actors["person-zekeria-karsli"].StatementCount);
        Assert.Equal(0, _actors["person-zekeria-karsli"].DirectCount);
        var haidar = _actors["person-ali-haidar"];
        Assert.Equal(1, haidar.StatementCount);
        Assert.Equal(1, haidar.DirectCount);
        Assert.Equal("Ali Haidar", haidar.Name);
        Assert.Equal("Rebels", Assert.Single(haidar.Articles).Headline);
    }

    [Fact]
    public void A_retraction_takes_the_statement_off_the_actors_count()
    {
        Ingest("Kerry", EventLog.T0, Sample.Statement("John Kerry", "one"), Sample.Statement("John Kerry", "two", paragraph: 2));
        var statement = _statements.Values.First();
        Project(_log.AppendAll("article", StatementDecisions.Retract(statement, new RetractStatement(statement.Id, "not said", "editor", Now)).Events));
        var kerry = _actors["person-john-kerry"];
        Assert.Equal(1, kerry.StatementCount);
        Assert.Equal(1, kerry.RetractedCount);
        Assert.DoesNotContain(kerry.LatestStatements, s => s.StatementId == statement.Id);
    }

    [Fact]
    public void Merging_actors_moves_everything_to_the_survivor_and_later_statements_follow()
    {
        Ingest("Rebels hold", EventLog.T0.AddDays(-3), Sample.Statement("Zekeriya Karsli", "we hold the town", role: "commander"));
        Ingest("Rebels flee", EventLog.T0.AddDays(-1),
            Sample.Statement("Zekeria Karsli", "we are leaving", mode: StatementMode.Direct, role: "rebel commander", medium: "Reuters"));

        Curate(ActorDecisions.Merge(_actors["person-zekeriya-karsli"], _actors["person-zekeria-karsli"],
            new MergeActors("person-zekeriya-karsli", "person-zekeria-karsli", "same commander, two spellings", "editor", Now)));

        var survivor = _actors["person-zekeriya-karsli"];
        Assert.Equal(2, survivor.StatementCount);
        Assert.Equal(1, survivor.DirectCount);
        Assert.Equal(["Zekeriya Karsli", "Zekeria Karsli"], survivor.Names);
        Assert.Equal(["person-zekeria-karsli"], survivor.Aliases);
        Assert.Equal(["commander", "rebel commander"], survivor.Roles);
        Assert.Equal(["Reuters"], survivor.Media);
        Assert.Equal(2, survivor.Articles.Count);
        Assert.Equal(EventLog.T0.AddDays(-1), survivor.LastSeen);
        var absorbed = _actors["person-zekeria-karsli"];
        Assert.Equal("person-zekeriya-karsli", absorbed.MergedInto);
        Assert.Equal(0, absorbed.StatementCount);

        Ingest("Rebels return", EventLog.T0, Sample.Statement("Zekeria Karsli", "we are back"));
        Assert.Equal(3, _actors["person-zekeriya-karsli"].StatementCount);
        Assert.Equal(0, _actors["person-zekeria-karsli"].StatementCount);
    }

    [Fact]
    public void An_alias_makes_later_statements_land_on_the_actor()
    {
        Ingest("Kremlin speaks", EventLog.T0, Sample.Statement("Dmitry Peskov", "the claims are false"));
        Curate(ActorDecisions.AddAlias(_actors["person-dmitry-peskov"], null, null,
            new AddActorAlias("person-dmitry-peskov", "Dmitri Peskov", "editor", Now)));
        Ingest("Kremlin again", EventLog.T0, Sample.Statement("Dmitri Peskov", "no comment on that"));

        var peskov = _actors["person-dmitry-peskov"];
        Assert.Equal(2, peskov.StatementCount);
        Assert.Contains("Dmitri Peskov", peskov.Names);
        Assert.Equal(["person-dmitri-peskov"], peskov.Aliases);
        Assert.False(_actors.ContainsKey("person-dmitri-peskov"));
    }

    [Fact]
    public void Curation_refuses_what_would_lose_or_double_count_statements()
    {
        Ingest("Two", EventLog.T0,
            Sample.Statement("Dmitry Peskov", "a"), Sample.Statement("Dmitri Peskov", "b", paragraph: 2),
            Sample.Statement("a diplomat", "c", SpeakerTypes.Anonymous, anonymous: true, paragraph: 3));
        var peskov = _actors["person-dmitry-peskov"];
        var alias = new AddActorAlias(peskov.Id, "Dmitri Peskov", "editor", Now);
        Assert.Equal("alias-has-statements", ActorDecisions.AddAlias(peskov, null, _actors["person-dmitri-peskov"], alias).Error?.Code);
        Assert.Equal("alias-exists", ActorDecisions.AddAlias(peskov, null, null, alias with { Alias = "Dmitry  Peskov" }).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, ActorDecisions.AddAlias(null, null, null, alias).Error?.Kind);
        var diplomat = _actors.Values.Single(a => a.Anonymous);
        Assert.Equal("anonymous-actor", ActorDecisions.AddAlias(diplomat, null, null, alias with { ActorId = diplomat.Id }).Error?.Code);
        Assert.Equal("merge-into-itself", ActorDecisions.Merge(peskov, peskov, new MergeActors(peskov.Id, peskov.Id, null, "e", Now)).Error?.Code);
    }

    [Fact]
    public void Replaying_the_events_up_to_a_sequence_gives_the_actor_as_it_was_then()
    {
        Ingest("Kerry one", EventLog.T0, Sample.Statement("John Kerry", "one"));
        var afterFirst = _all[^1].Sequence;
        Ingest("Kerry two", EventLog.T0.AddDays(1), Sample.Statement("John Kerry", "two"), Sample.Statement("Someone Else", "three", paragraph: 2));

        var then = new ActorProjection().Replay("person-john-kerry", _all.Where(e => e.Sequence <= afterFirst))!;
        Assert.Equal(1, then.StatementCount);
        Assert.Equal(afterFirst, then.LastSequence);
        var now = new ActorProjection().Replay("person-john-kerry", _all)!;
        Assert.Equal(2, now.StatementCount);
        Assert.Equal(JsonSerializer.Serialize(_actors["person-john-kerry"]), JsonSerializer.Serialize(now));
        Assert.Null(new ActorProjection().Replay("person-nobody", _all));
    }

    [Fact]
    public void After_a_merge_each_linked_claim_learns_the_new_actor()
    {
        Ingest("Rebels hold", EventLog.T0, Sample.Statement("Zekeriya Karsli", "we hold the town"));
        Ingest("Rebels flee", EventLog.T0, Sample.Statement("Zekeria Karsli", "we are leaving"));
        var moved = _statements.Values.Single(s => s.Current.Speaker == "Zekeria Karsli");
        var claimId = Guid.NewGuid();
        var claim = Fold.Into<ClaimView>(new ClaimProjection(), null,
            _log.AppendAll("claim", ClaimDecisions.Open(null, new OpenClaim(claimId, "the town holds", null, false, "c", Now)).Events))!;
        var link = ClaimDecisions.Link(claim, moved, new LinkStatement(claimId, moved.Id, Stances.Disputes, false, null, null, "c", Now));
        Project(_log.AppendAll("claim", link.Events));

        var merge = ActorDecisions.Merge(_actors["person-zekeriya-karsli"], _actors["person-zekeria-karsli"],
            new MergeActors("person-zekeriya-karsli", "person-zekeria-karsli", null, "editor", Now));
        var (target, revised) = Assert.Single(ActorDecisions.ClaimRevisionsAfterMerge((ActorsMerged)merge.Events[0],
            new Dictionary<Guid, StatementView> { [moved.Id] = moved }));
        Assert.Equal(claimId, target);
        Assert.Equal("person-zekeriya-karsli", revised.Statement.ActorId);
        Assert.Equal(Stances.Disputes, revised.Stance);
    }
}
