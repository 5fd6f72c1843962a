namespace ClaimTracker.Extraction.Tests;

/// <summary>Accusations inside a gapped noun phrase ("an attack police blame on rebels") and the denials that answer
/// them ("which deny it"). Texts are made up for the tests.</summary>
public class AccusationDenialTests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void Reduced_relative_blame_is_an_accusation_whose_content_spans_the_speaker()
    {
        var st = Extract("Six people died in the bombing, an attack police blame on separatist rebels, which deny it.");
        Assert.Equal(2, st.Count);
        var blame = st[0];
        Assert.Equal("blame", blame.Cue);
        Assert.Equal("police", blame.SpeakerText);
        Assert.Equal("indirect", blame.Mode);
        Assert.Equal("an attack police blame on separatist rebels", blame.Content);
        var denial = st[1];
        Assert.Equal("deny", denial.Cue);
        Assert.Equal("which", denial.SpeakerText);
        Assert.Equal("collective", denial.SpeakerType);
        Assert.Equal(blame.Content, denial.Content);
        Assert.Equal(blame.ContentStart, denial.ContentStart);
    }

    [Fact]
    public void Reduced_relative_with_a_named_subject_and_a_possessive_target()
    {
        var st = Extract("Dozens were killed in a market in 2014, an attack Western governments blamed on President Ivo Marek’s army, which denies it.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Western governments", st[0].SpeakerText);
        Assert.Equal("blamed", st[0].Cue);
        Assert.Equal("an attack Western governments blamed on President Ivo Marek’s army", st[0].Content);
        Assert.Equal("denies", st[1].Cue);
        Assert.Equal(st[0].Content, st[1].Content);
    }

    [Fact]
    public void Reduced_relative_attribute_and_accuse()
    {
        var a = Assert.Single(Extract("The plant closed after the fire, a blaze the company attributed to arson."));
        Assert.Equal("the company", a.SpeakerText);
        Assert.Equal("a blaze the company attributed to arson", a.Content);
        var b = Assert.Single(Extract("Villagers fled the massacre, a killing activists accuse the militia of, last week."));
        Assert.Equal("activists", b.SpeakerText);
        Assert.Equal("a killing activists accuse the militia of", b.Content);
    }

    [Fact]
    public void A_plain_blame_clause_is_unchanged_and_its_denial_takes_the_accusation()
    {
        var st = Extract("Police blamed the explosion on separatist rebels, who denied it.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Police", st[0].SpeakerText);
        Assert.Equal("blamed", st[0].Cue);
        Assert.Equal("the explosion on separatist rebels", st[0].Content);
        Assert.Equal("who", st[1].SpeakerText);
        Assert.Equal(st[0].Content, st[1].Content);
    }

    [Fact]
    public void Rejecting_the_charges_after_an_accusation_takes_its_content()
    {
        var st = Extract("Prosecutors accused the mayor of taking bribes, but the mayor rejected the charges.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the mayor of taking bribes", st[0].Content);
        Assert.Equal("rejected", st[1].Cue);
        Assert.Equal(st[0].Content, st[1].Content);
    }

    [Fact]
    public void Passives_and_ordinary_object_phrases_are_not_reduced_relatives()
    {
        // agentless passive participle: no speaker
        Assert.Empty(Extract("Six people died in the bombing, an attack blamed on separatist rebels."));
        // "X blamed the attack on Y": the ordinary clause, content after the cue
        var s = Assert.Single(Extract("The government blamed the attack on rebels."));
        Assert.Equal("the attack on rebels", s.Content);
        Assert.Equal("The government", s.SpeakerText);
        // complement that runs on into a clause: no clean end, left alone
        Assert.DoesNotContain(Extract("The attack police blamed on rebels killed six people."), x => x.Content == "The attack police blamed on rebels");
    }

    [Fact]
    public void A_denial_without_an_accusation_before_it_keeps_its_own_content()
    {
        var s = Assert.Single(Extract("The minister was asked about the report and denied it."));
        Assert.Equal("it", s.Content);
        var t = Extract("Rebels said the army shelled the town, which the army denied.", "The army denied it.");
        Assert.Equal("it", t[^1].Content);
    }

    [Fact]
    public void A_denial_with_its_own_complement_is_unchanged()
    {
        // as before the rule: the relative stays inside the accusation's complement
        var s = Assert.Single(Extract("Police blamed the explosion on rebels, who denied any role in the attack."));
        Assert.Equal("the explosion on rebels, who denied any role in the attack", s.Content);
    }

    [Fact]
    public void Two_accusations_make_the_antecedent_ambiguous()
    {
        var st = Extract("Police blamed the explosion on rebels and accused the army of negligence, which it denied.");
        Assert.DoesNotContain(st, x => x.Cue == "denied" && x.Content != "it" && x.Content == st[0].Content);
    }

    [Fact]
    public void A_gapped_accusation_inside_a_trailing_attribution_is_nested()
    {
        var s = Assert.Single(Extract("Shares fell, a drop analysts attributed to weak earnings, traders said."));
        Assert.Equal("traders", s.SpeakerText);
        Assert.Equal("Shares fell, a drop analysts attributed to weak earnings", s.Content);
    }

    [Fact]
    public void A_complement_that_runs_into_a_verb_is_not_a_gapped_accusation()
    {
        var st = Extract("An attack they blamed on militants killed four soldiers on Monday, the army said.");
        Assert.DoesNotContain(st, x => x.Content.StartsWith("An attack they blamed on militants") && x.SpeakerText == "they");
        Assert.Contains(st, x => x.SpeakerText == "the army");
    }

    [Fact]
    public void A_relative_denial_closed_by_a_comma_takes_the_accusation()
    {
        var st = Extract("Police blamed the blast on rebels, who denied it, and arrested two men.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the blast on rebels", st[0].Content);
        Assert.Equal("who", st[1].SpeakerText);
        Assert.Equal("rebels", st[1].Speaker);
        Assert.Equal(st[0].Content, st[1].Content);
    }

    [Fact]
    public void A_prior_statement_naming_the_event_does_not_change_the_gapped_accusation()
    {
        var st = Extract("Prices fell 2 pct, a decline dealers blamed on profit-taking.");
        var s = Assert.Single(st);
        Assert.Equal("dealers", s.SpeakerText);
        Assert.Equal("a decline dealers blamed on profit-taking", s.Content);
    }
}
