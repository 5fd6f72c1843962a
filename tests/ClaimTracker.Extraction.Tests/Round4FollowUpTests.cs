namespace ClaimTracker.Extraction.Tests;

// The lead's follow-ups to blind-sample round 4 (docs/extraction.md, "Lead's follow-ups to round 4"): one class per
// rule, each sentence made up for the test.

/// <summary>
/// A subordinate clause that opens a cue's complement ("said that while ..., ...") belongs to that complement, so a
/// cue inside it is a nested attribution, not a statement of its own (GUIDELINES A5). Made-up sentences.
/// </summary>
public class ComplementOpeningTests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void A_subordinate_clause_after_said_that_is_part_of_the_content()
    {
        var s = Assert.Single(Extract("Several analysts said that while they believe the debt problem will linger, the first shock is likely to ease."));
        Assert.Equal("Several analysts", s.SpeakerText);
        Assert.Equal("while they believe the debt problem will linger, the first shock is likely to ease", s.Content);
    }

    [Fact]
    public void A_subordinate_clause_after_a_told_recipient_is_part_of_the_content()
    {
        var s = Assert.Single(Extract("Jan Moor, an aide to the governor, told Reuters even though the governor expects losses, a rescue is not needed now."));
        Assert.Equal("Jan Moor", s.Speaker);
        Assert.Equal("even though the governor expects losses, a rescue is not needed now", s.Content);
    }

    [Fact]
    public void A_subordinator_that_joins_two_reports_still_gives_two_statements()
    {
        var st = Extract("The company said sales rose in May, while analysts said demand stayed weak.");
        Assert.Equal(2, st.Count);
        Assert.Equal("sales rose in May", st[0].Content);
        Assert.Equal("analysts", st[1].SpeakerText);
        Assert.Equal("demand stayed weak", st[1].Content);
    }
}

/// <summary>An attribution that interrupts a sentence after its bare subject or a connective: the content spans it.</summary>
public class InterruptedSubjectTests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void A_bare_subject_before_the_attribution_keeps_its_verb_after_it()
    {
        var st = Extract("Refiners, he said, appeared to have used up old stock on purpose.",
                         "The merger filing, analysts said, effectively freezes the bid.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Refiners, he said, appeared to have used up old stock on purpose", st[0].Content);
        Assert.Equal("The merger filing, analysts said, effectively freezes the bid", st[1].Content);
    }

    [Fact]
    public void A_connective_before_the_attribution_is_not_the_whole_content()
    {
        var s = Assert.Single(Extract("But, he said, proposed tax rises would reach the floor only with wide support."));
        Assert.Equal("But, he said, proposed tax rises would reach the floor only with wide support", s.Content);
    }

    [Fact]
    public void A_full_clause_before_the_attribution_stays_the_whole_content()
    {
        var s = Assert.Single(Extract("Sales were higher, the company said, helped by lower costs."));
        Assert.Equal("Sales were higher", s.Content);
    }
}

public class SubordinateAfterTheCueTests
{
    [Fact]
    public void A_time_clause_after_a_trailing_attribution_times_the_saying_and_keeps_its_own_report()
    {
        var st = PatternTests.Extract("Talks go on, the chairman said after the company announced that profits fell.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Talks go on", st[0].Content);
        Assert.Equal("profits fell", st[1].Content);
    }
}

public class DateCommaTests
{
    [Fact]
    public void The_comma_of_a_date_before_an_inverted_cue_opens_no_appositive()
    {
        var s = Assert.Single(PatternTests.Extract(
            "Norda Power AS is issuing 50 mln stg bonds due April 15, 1993 carrying a 9-7/8 pct coupon and priced at 101-5/8, said Carew Bank Ltd as lead manager."));
        Assert.Equal("Carew Bank Ltd", s.Speaker);
        Assert.Equal("organization", s.SpeakerType);
        Assert.Equal("Norda Power AS is issuing 50 mln stg bonds due April 15, 1993 carrying a 9-7/8 pct coupon and priced at 101-5/8", s.Content);
    }
}

public class ObjectRelativeTests
{
    [Fact]
    public void A_pronoun_after_the_object_of_a_relative_is_the_subject_not_the_object_noun()
    {
        var st = PatternTests.Extract("The Bank of Lorem said it gave the market help of 200 mln stg.",
                                      "That compares with a liquidity shortage it estimated at a revised 300 mln stg.");
        Assert.Equal(2, st.Count);
        Assert.Equal("it", st[1].SpeakerText);
        Assert.Equal("Bank of Lorem", st[1].Speaker);
    }

    [Fact]
    public void A_gapped_relative_with_a_pronoun_subject_stays_its_own_statement_by_the_pronouns_source()
    {
        var st = PatternTests.Extract("James Mill said he was concerned the Fed might tighten credit -- a move he said could have \"political consequences.\"");
        Assert.Equal(2, st.Count);
        Assert.Equal("he was concerned the Fed might tighten credit", st[0].Content);
        Assert.Equal("he", st[1].SpeakerText);
        Assert.Equal("James Mill", st[1].Speaker);
        Assert.StartsWith("could have", st[1].Content);
    }

    [Fact]
    public void He_after_an_object_is_the_person_who_opens_the_sentence()
    {
        var st = PatternTests.Extract("Analyst Dan Leigh said the stock was cheap.",
                                      "Vice Minister Taro Kunda leaves for Geneva today with data he hopes will refute the charges.");
        Assert.Equal(2, st.Count);
        Assert.Equal("he", st[1].SpeakerText);
        Assert.Equal("Taro Kunda", st[1].Speaker);
    }

    [Fact]
    public void A_pronoun_after_an_adjuncts_noun_is_nested_in_the_outer_content()
    {
        var s = Assert.Single(PatternTests.Extract("Business leaders said before the meeting they would be pressing for less regulation."));
        Assert.Equal("before the meeting they would be pressing for less regulation", s.Content);
    }
}

public class TitleWithoutClosingCommaTests
{
    [Fact]
    public void A_name_before_its_title_speaks_when_the_titles_closing_comma_is_missing()
    {
        var st = PatternTests.Extract("Gail Morten, chief meteorologist for Hutton Corp said the crop will be small.",
                                      "Tom Cole, vice-president of the Cattle Association told a news briefing that prices will rise.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Gail Morten", st[0].Speaker);
        Assert.Equal("person", st[0].SpeakerType);
        Assert.Equal("the crop will be small", st[0].Content);
        Assert.Equal("Tom Cole", st[1].Speaker);
    }

    [Fact]
    public void A_title_before_its_own_name_is_not_a_bare_title_after_a_name()
    {
        var s = Assert.Single(PatternTests.Extract("On Friday, analyst Dan Leigh of Morrow Securities Inc reiterated that the stock was cheap."));
        Assert.Equal("Dan Leigh", s.Speaker);
    }
}
