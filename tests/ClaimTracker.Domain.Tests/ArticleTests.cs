using ClaimTracker.Extraction;

namespace ClaimTracker.Domain.Tests;

public class ArticleTests
{
    private static IngestArticle SampleArticle() => Sample.Article("Mustard gas used in Iraq, diplomat says",
    [
        Sample.Statement("a diplomat", "Islamic State used mustard gas", SpeakerTypes.Anonymous, anonymous: true, role: "diplomat",
            reason: "because the findings have not yet been released", paragraph: 1),
        Sample.Statement("a source at the OPCW", "tests came back positive", SpeakerTypes.Anonymous, anonymous: true,
            role: "source", affiliation: "OPCW", paragraph: 2),
        Sample.Statement("John Kerry", "We will not give up.", mode: StatementMode.Direct, role: "Secretary of State",
            affiliation: "United States", medium: "Reuters", paragraph: 3),
        Sample.Statement("officials", "the talks would resume", SpeakerTypes.Collective, anonymous: true, paragraph: 4),
        Sample.Statement("an official", "the attack was planned", SpeakerTypes.Anonymous, anonymous: true, role: "official", paragraph: 5),
        Sample.Statement("John Kerry", "Russia must stop bombing", paragraph: 6),
    ]);

    [Fact]
    public void Ingest_records_the_article_then_one_event_per_statement_in_reading_order()
    {
        var command = SampleArticle();
        var decision = ArticleDecisions.Ingest(null, command, Sample.NoAliases);

        Assert.True(decision.Succeeded);
        var ingested = Assert.IsType<ArticleIngested>(decision.Events[0]);
        Assert.Equal(command.ArticleId, ingested.ArticleId);
        Assert.Equal(command.ContentHash, ingested.ContentHash);
        Assert.Equal(["Reporting by A. Reporter; Editing by B. Editor"], ingested.Credits);
        var recorded = decision.Events.Skip(1).Cast<StatementRecorded>().ToList();
        Assert.Equal(6, recorded.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], recorded.Select(r => r.Ordinal));
        Assert.All(recorded, r => Assert.Equal("test-1.0", r.ExtractorVersion));
        Assert.Equal(Ids.Statement(command.ArticleId, 3), recorded[2].StatementId);
        Assert.Equal("person-john-kerry", recorded[2].ActorId);
        Assert.Equal("Secretary of State", recorded[2].Attribution.Role);
        Assert.Equal("Reuters", recorded[2].Attribution.Medium);
        Assert.Equal("because the findings have not yet been released", recorded[0].Attribution.AnonymityReason);
        Assert.Equal("a1-s3", recorded[2].ExtractorStatementId);
    }

    [Fact]
    public void Ingesting_the_same_content_again_appends_nothing()
    {
        var log = new EventLog();
        var first = Sample.Ingest(log, SampleArticle());
        var again = SampleArticle() with { Paragraphs = ["GENEVA (Reuters) –  mustard gas used in Iraq, diplomat says body text. "] };

        Assert.Equal(first.Article.Id, again.ArticleId);
        var decision = ArticleDecisions.Ingest(first.Article, again, Sample.NoAliases);
        Assert.True(decision.Succeeded);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Ingest_credits_statements_to_the_curated_actor()
    {
        var aliases = new Dictionary<string, string> { ["person-zekeria-karsli"] = "person-zekeriya-karsli" };
        var command = Sample.Article("Rebels hold out", [Sample.Statement("Zekeria Karsli", "we will hold the town")]);
        var decision = ArticleDecisions.Ingest(null, command, id => ActorDirectory.Resolve(id, aliases.GetValueOrDefault));
        Assert.Equal("person-zekeriya-karsli", decision.Events.OfType<StatementRecorded>().Single().ActorId);
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("Headline", "")]
    public void Ingest_refuses_an_article_without_headline_or_body(string headline, string body)
    {
        var decision = ArticleDecisions.Ingest(null, Sample.Article(headline, [], null, body), Sample.NoAliases);
        Assert.False(decision.Succeeded);
        Assert.Equal(ErrorKind.Invalid, decision.Error!.Kind);
    }

    [Fact]
    public void Article_view_holds_the_editors_attribution_report()
    {
        var (article, _, events) = Sample.Ingest(new EventLog(), SampleArticle());
        var report = article.Report;

        Assert.Equal("Mustard gas used in Iraq, diplomat says", article.Headline);
        Assert.Equal(6, article.Statements.Count);
        Assert.Equal(6, report.Statements);
        Assert.Equal(2, report.NamedStatements);
        Assert.Equal(4, report.AnonymousStatements);
        Assert.Equal(1, report.NamedSources);
        Assert.Equal(4, report.AnonymousSources);
        Assert.Equal(0.6667, report.AnonymousShare);
        Assert.Equal("John Kerry", report.BySpeaker[0].Speaker);
        Assert.Equal(2, report.BySpeaker[0].Statements);
        Assert.Equal(1, report.BySpeaker[0].Direct);
        // Individual anonymous sources without a reason: the OPCW source and "an official"; the collective is not asked for one.
        Assert.Equal(["a source at the OPCW", "an official"], report.AnonymousWithoutReason.Select(s => s.Speaker));
        Assert.Equal("a diplomat", report.FirstQuote!.Speaker);
        Assert.Equal("John Kerry", report.FirstDirectQuote!.Speaker);
        // No affiliation at all: "a diplomat", "officials", "an official" (the OPCW source has one).
        Assert.Equal(["a diplomat", "officials", "an official"], report.VagueSources.Select(s => s.Speaker));
        Assert.Equal(events.Count, article.Version);
        Assert.Equal(events[^1].Sequence, article.LastSequence);
    }

    [Fact]
    public void Corrections_and_retractions_change_the_report_but_keep_the_statements()
    {
        var log = new EventLog();
        var (article, statements, _) = Sample.Ingest(log, SampleArticle());
        var official = statements.Values.Single(s => s.Ordinal == 5);
        var corrected = StatementDecisions.Correct(official,
            new CorrectStatement(official.Id, new Dictionary<string, string?> { ["anonymity_reason"] = "not authorized to speak" },
                "reason was in the next sentence", "editor", EventLog.T0), Sample.NoAliases);
        var kerry = statements.Values.Single(s => s.Ordinal == 6);
        var retracted = StatementDecisions.Retract(kerry, new RetractStatement(kerry.Id, "quote belongs to another story", "editor", EventLog.T0));
        var stream = $"article:{article.Id}";
        var events = log.AppendAll(stream, corrected.Events.Concat(retracted.Events));
        article = Fold.Into(new ArticleProjection(), article, events)!;

        Assert.Equal(6, article.Statements.Count);
        Assert.True(article.Statements.Single(s => s.Ordinal == 6).Retracted);
        Assert.Equal(1, article.Statements.Single(s => s.Ordinal == 5).Corrections);
        Assert.Equal(5, article.Report.Statements);
        Assert.Equal(["a source at the OPCW"], article.Report.AnonymousWithoutReason.Select(s => s.Speaker));
        Assert.Equal(9, article.Version);
    }
}
