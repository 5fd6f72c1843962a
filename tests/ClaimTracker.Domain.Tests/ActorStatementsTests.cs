using System.Text.Json;
using ClaimTracker.Extraction;
using JasperFx.Events;

namespace ClaimTracker.Domain.Tests;

/// <summary>The actor page's ready-made statement list, and why inline views must not read the global sequence.</summary>
public class ActorStatementsTests
{
    private readonly EventLog _log = new();
    private readonly Dictionary<string, ActorStatements> _lists = new();
    private readonly Dictionary<Guid, StatementView> _statements = new();
    private static readonly DateTimeOffset Now = EventLog.T0.AddDays(5);

    private void Project(IEnumerable<IEvent> events)
    {
        foreach (var e in events)
        {
            foreach (var id in ActorProjection.ActorsOf(e.Data))
                _lists[id] = Fold.One(new ActorStatementsProjection(), _lists.GetValueOrDefault(id), e)!;
            if (e.Data is StatementRecorded r) _statements[r.StatementId] = Fold.One<StatementView>(new StatementProjection(), null, e)!;
        }
    }

    private IngestArticle Ingest(string headline, DateTimeOffset? publishedAt, params AttributedStatement[] statements)
    {
        var command = Sample.Article(headline, statements, publishedAt);
        Project(_log.AppendAll($"article:{command.ArticleId}", ArticleDecisions.Ingest(null, command, Sample.NoAliases).Events));
        return command;
    }

    /// <summary>The order the statement-view query of the actor page gives: newest first, undated first, then reading order.</summary>
    private IEnumerable<Guid> QueryOrder(string actorId) => _statements.Values.Where(s => s.ActorId == actorId)
        .OrderBy(s => s.PublishedAt is null ? 0 : 1).ThenByDescending(s => s.PublishedAt).ThenBy(s => s.Ordinal).Select(s => s.Id);

    [Fact]
    public void The_list_is_newest_first_and_matches_the_statement_views()
    {
        Ingest("Old", EventLog.T0.AddDays(-9), Sample.Statement("John Kerry", "one"), Sample.Statement("John Kerry", "two", paragraph: 2));
        Ingest("New", EventLog.T0.AddDays(-1), Sample.Statement("John Kerry", "three"));
        Ingest("Middle", EventLog.T0.AddDays(-4), Sample.Statement("John Kerry", "four"));

        var list = _lists["person-john-kerry"];
        Assert.True(list.Complete && list.Exact);
        Assert.Equal(["three", "four", "one", "two"], list.Newest.Select(s => s.Content));
        Assert.Equal(QueryOrder("person-john-kerry"), list.Take(100)!.Select(s => s.Id));
        Assert.Equal(2, list.Take(2)!.Count);
    }

    [Fact]
    public void Retractions_corrections_and_claim_links_show_in_the_list()
    {
        Ingest("Kerry", EventLog.T0, Sample.Statement("John Kerry", "talks will resume", role: "envoy"));
        var statement = _statements.Values.Single();
        var claimId = Guid.NewGuid();
        var claim = Fold.Into<ClaimView>(new ClaimProjection(), null,
            _log.AppendAll("claim", ClaimDecisions.Open(null, new OpenClaim(claimId, "talks resume", null, false, "c", Now)).Events))!;
        Project(_log.AppendAll("claim", ClaimDecisions.Link(claim, statement, new LinkStatement(claimId, statement.Id, Stances.Supports, false, null, null, "c", Now)).Events));
        Project(_log.AppendAll("article", StatementDecisions.Correct(statement,
            new CorrectStatement(statement.Id, new Dictionary<string, string?> { ["role"] = "Secretary of State" }, "role", "desk", Now), Sample.NoAliases).Events));

        var entry = _lists["person-john-kerry"].Newest.Single();
        Assert.Equal("Secretary of State", entry.Role);
        Assert.Equal([(claimId, Stances.Supports)], entry.Claims.Select(c => (c.ClaimId, c.Stance)));

        Project(_log.AppendAll("article", StatementDecisions.Retract(statement, new RetractStatement(statement.Id, "wrong story", "desk", Now)).Events));
        Assert.True(_lists["person-john-kerry"].Newest.Single().Retracted);
    }

    [Fact]
    public void A_statement_moved_away_leaves_the_list_and_the_receiving_actor_falls_back_to_the_statement_views()
    {
        Ingest("Kerry", EventLog.T0, Sample.Statement("Zekeria Karsli", "the town will not fall"), Sample.Statement("Zekeria Karsli", "we hold", paragraph: 2));
        var first = _statements.Values.Single(s => s.Ordinal == 1);
        Project(_log.AppendAll("article", StatementDecisions.Correct(first,
            new CorrectStatement(first.Id, new Dictionary<string, string?> { ["speaker"] = "Ali Haidar" }, "misattributed", "desk", Now), Sample.NoAliases).Events));

        var previous = _lists["person-zekeria-karsli"];
        Assert.Equal(["we hold"], previous.Newest.Select(s => s.Content));
        Assert.NotNull(previous.Take(100));
        Assert.Null(_lists["person-ali-haidar"].Take(100));   // its claims are not in the event: read the views
    }

    [Fact]
    public void Once_cut_the_list_stays_a_true_prefix_and_says_when_it_cannot_answer()
    {
        var articles = Enumerable.Range(0, ActorStatements.Kept + 10)
            .Select(i => Ingest($"Story {i}", EventLog.T0.AddDays(-i), Sample.Statement("John Kerry", $"statement {i}"))).ToList();
        var list = _lists["person-john-kerry"];
        Assert.False(list.Complete);
        Assert.Equal(ActorStatements.Kept, list.Newest.Count);
        Assert.Equal(QueryOrder("person-john-kerry").Take(ActorStatements.Kept), list.Newest.Select(s => s.Id));
        Assert.Null(list.Take(ActorStatements.Kept + 1));

        // An older statement arriving after the cut is left out (an unseen one could sort before it) ...
        Ingest("Very old", EventLog.T0.AddDays(-500), Sample.Statement("John Kerry", "ancient"));
        Assert.DoesNotContain(list.Newest, s => s.Content == "ancient");
        // ... a newer one goes in at its place, and the list is still the head of the query order.
        Ingest("Fresh", EventLog.T0.AddDays(1), Sample.Statement("John Kerry", "fresh"));
        Assert.Equal(QueryOrder("person-john-kerry").Take(ActorStatements.Kept), _lists["person-john-kerry"].Newest.Select(s => s.Id));
    }

    [Fact]
    public void Every_event_that_names_the_actor_is_indexed_once_for_time_travel()
    {
        Ingest("A", EventLog.T0, Sample.Statement("John Kerry", "one"), Sample.Statement("Sergei Lavrov", "two", paragraph: 2));
        Ingest("B", EventLog.T0, Sample.Statement("John Kerry", "three"));
        var list = _lists["person-john-kerry"];
        Assert.Equal(2, list.Sequences.Count);
        Assert.Equal(list.Sequences.Order(), list.Sequences);
        // at-least-once delivery: the same event again is not indexed twice
        var again = _log.Append("x", new ActorAliasAdded("person-john-kerry", "J. Kerry", "person-j-kerry", "admin", Now));
        var once = Fold.One(new ActorStatementsProjection(), list, again)!;
        Fold.One(new ActorStatementsProjection(), once, again);
        Assert.Equal(3, once.Sequences.Count);
    }

    [Fact]
    public void Inline_views_are_the_same_whether_or_not_the_global_sequence_is_known()
    {
        // Under Quick append an inline projection sees Sequence = 0; a rebuild by the daemon sees the real one.
        // Both must give the same document, or "rebuild yields the same documents" fails.
        var command = Sample.Article("Strikes", [Sample.Statement("Jens Stoltenberg", "strikes hit civilians")]);
        var events = new EventLog().AppendAll("article", ArticleDecisions.Ingest(null, command, Sample.NoAliases).Events);
        var claimId = Guid.NewGuid();
        var claimEvents = new EventLog().AppendAll("claim", ClaimDecisions.Open(null, new OpenClaim(claimId, "strikes", null, false, "c", Now)).Events);
        var withSequence = (Statement: Fold.One<StatementView>(new StatementProjection(), null, events[1]), Claim: Fold.Into<ClaimView>(new ClaimProjection(), null, claimEvents));
        foreach (var e in events.Concat(claimEvents)) e.Sequence = 0;
        var without = (Statement: Fold.One<StatementView>(new StatementProjection(), null, events[1]), Claim: Fold.Into<ClaimView>(new ClaimProjection(), null, claimEvents));
        Assert.Equal(JsonSerializer.Serialize(withSequence.Statement), JsonSerializer.Serialize(without.Statement));
        Assert.Equal(JsonSerializer.Serialize(withSequence.Claim), JsonSerializer.Serialize(without.Claim));
    }
}
