using ClaimTracker.Extraction;

namespace ClaimTracker.Domain.Tests;

public class StatementTests
{
    private static (StatementView Statement, EventLog Log) OneStatement()
    {
        var log = new EventLog();
        var (_, statements, _) = Sample.Ingest(log, Sample.Article("Rebel commander speaks",
            [Sample.Statement("Zekeria Karsli", "the town will not fall", role: "rebel commander", medium: "Reuters")]));
        return (statements.Values.Single(), log);
    }

    private static CorrectStatement Correction(Guid id, Dictionary<string, string?> changes) =>
        new(id, changes, "misattributed: the speaker is named in paragraph 4", "desk editor", EventLog.T0.AddDays(1));

    [Fact]
    public void A_speaker_correction_keeps_old_and_new_values_and_moves_the_statement_to_the_right_actor()
    {
        var (statement, log) = OneStatement();
        Assert.Null(statement.Original);   // one copy of the attribution until a correction makes two
        Assert.Empty(statement.History);     // the "recorded" entry is implicit until a later one follows it
        var recorded = Assert.Single(statement.FullHistory());
        Assert.Equal((HistoryKinds.Recorded, "person-zekeria-karsli"), (recorded.Kind, recorded.ActorId));
        var decision = StatementDecisions.Correct(statement,
            Correction(statement.Id, new() { ["speaker"] = "Ali Haidar", ["role"] = "reconciliation minister", ["medium"] = "Reuters" }),
            Sample.NoAliases);

        var e = Assert.IsType<StatementCorrected>(Assert.Single(decision.Events));
        Assert.Equal([new FieldChange("speaker", "Zekeria Karsli", "Ali Haidar"), new FieldChange("role", "rebel commander", "reconciliation minister")], e.Changes);
        Assert.Equal("person-zekeria-karsli", e.PreviousActorId);
        Assert.Equal("person-ali-haidar", e.ActorId);
        Assert.Equal("desk editor", e.CorrectedBy);

        var view = Fold.One(new StatementProjection(), statement, log.Append("article", e))!;
        Assert.Equal("Zekeria Karsli", view.Original!.Speaker);
        Assert.Equal("Ali Haidar", view.Current.Speaker);
        Assert.Equal("person-ali-haidar", view.ActorId);
        Assert.Equal([HistoryKinds.Recorded, HistoryKinds.Corrected], view.History.Select(h => h.Kind));
        Assert.Equal("person-zekeria-karsli", view.History[0].ActorId);   // stored before the correction moved the statement
        Assert.Equal(view.History, view.FullHistory());
        Assert.Equal("misattributed: the speaker is named in paragraph 4", view.History[1].Reason);
        Assert.Equal(2, view.History[1].Changes.Count);
        Assert.Equal(2, view.Revision);   // recorded, corrected: the expected version a corrector sends back
    }

    [Fact]
    public void A_correction_that_does_not_touch_the_speaker_keeps_the_actor()
    {
        var (statement, _) = OneStatement();
        var e = (StatementCorrected)StatementDecisions.Correct(statement, Correction(statement.Id, new() { ["mode"] = "direct" }), Sample.NoAliases).Events[0];
        Assert.Equal(e.PreviousActorId, e.ActorId);
        Assert.Equal(StatementMode.Direct, e.After.Mode);
        Assert.Equal(StatementMode.Indirect, e.Before.Mode);
    }

    [Theory]
    [InlineData("evidence", "x", "field-unknown")]
    [InlineData("mode", "shouted", "mode-unknown")]
    [InlineData("speaker_type", "alien", "speaker-type-unknown")]
    [InlineData("anonymous", "maybe", "anonymous-not-boolean")]
    [InlineData("stance", "agrees", "stance-unknown")]
    [InlineData("speaker", "", "value-missing")]
    [InlineData("speaker", "Zekeria Karsli", "nothing-changes")]
    public void Bad_corrections_are_refused(string field, string value, string code)
    {
        var (statement, _) = OneStatement();
        var decision = StatementDecisions.Correct(statement, Correction(statement.Id, new() { [field] = value }), Sample.NoAliases);
        Assert.Equal(code, decision.Error?.Code);
        Assert.Equal(ErrorKind.Invalid, decision.Error!.Kind);
    }

    [Fact]
    public void A_correction_needs_a_reason_and_an_existing_unretracted_statement()
    {
        var (statement, log) = OneStatement();
        Assert.Equal("reason-missing", StatementDecisions.Correct(statement,
            Correction(statement.Id, new() { ["role"] = "x" }) with { Reason = " " }, Sample.NoAliases).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, StatementDecisions.Correct(null, Correction(Guid.NewGuid(), new() { ["role"] = "x" }), Sample.NoAliases).Error?.Kind);

        var retraction = StatementDecisions.Retract(statement, new RetractStatement(statement.Id, "wrong story", "editor", EventLog.T0));
        var retracted = Fold.One(new StatementProjection(), statement, log.Append("article", retraction.Events[0]))!;
        Assert.True(retracted.Retracted);
        Assert.Equal(ErrorKind.Conflict, StatementDecisions.Correct(retracted, Correction(statement.Id, new() { ["role"] = "x" }), Sample.NoAliases).Error?.Kind);
        Assert.Equal("already-retracted", StatementDecisions.Retract(retracted, new RetractStatement(statement.Id, "again", "editor", EventLog.T0)).Error?.Code);
    }

    [Fact]
    public void Corrections_and_retractions_revise_every_claim_the_statement_is_linked_to()
    {
        var (statement, _) = OneStatement();
        statement.Claims.Add(new StatementClaim { ClaimId = Guid.NewGuid(), Stance = Stances.Supports });
        statement.Claims.Add(new StatementClaim { ClaimId = Guid.NewGuid(), Stance = Stances.Disputes });
        var corrected = StatementDecisions.Correct(statement, Correction(statement.Id, new() { ["speaker"] = "Ali Haidar" }), Sample.NoAliases).Events[0];

        var revisions = StatementDecisions.RevisionsForLinkedClaims(statement, corrected);
        Assert.Equal(statement.Claims.Select(c => c.ClaimId), revisions.Select(r => r.ClaimId));
        Assert.All(revisions, r => Assert.Equal("person-ali-haidar", r.Event.Statement.ActorId));
        Assert.Equal([Stances.Supports, Stances.Disputes], revisions.Select(r => r.Event.Stance));
        Assert.All(revisions, r => Assert.False(r.Event.Retracted));
    }
}
