namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Rules added after the third hand review of unseen corpus stories (sample D, seed 42; docs/extraction.md, "Blind
/// sample review"). Every text is made up for the test; each test names the general pattern it guards.
/// </summary>
public class GeneralizationRound3Tests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void A_name_with_two_appositives_is_the_speaker()
    {
        var st = Extract("Tom Hale, president of Brenner Tools Ltd, the Canadian unit of Orvis Corp, said that the company will file a new plan in May.",
                         "He also said that sales would rise.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Tom Hale", st[0].SpeakerText);
        Assert.Equal("Tom Hale", st[0].Speaker);
        Assert.Equal("the company will file a new plan in May", st[0].Content);
        Assert.Equal("Tom Hale", st[1].Speaker);
    }

    [Fact]
    public void A_name_followed_by_its_title_at_a_firm_is_the_speaker_not_the_firm()
    {
        var st = Extract("\"Worthy but dull,\" Peter Vane, U.K. Economist at stockbrokers Lyle Dawes and Co, said. \"It was a prudent budget.\"");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Peter Vane", s.SpeakerText));
        Assert.All(st, s => Assert.Equal("Peter Vane", s.Speaker));
        Assert.All(st, s => Assert.Equal("person", s.SpeakerType));
    }

    [Fact]
    public void A_verbless_adjunct_between_the_cue_and_that_is_not_content()
    {
        var st = Extract("Jones announced last Tuesday that the plant would close.",
                         "Jones repeated to the panel that he was satisfied.",
                         "Jones said at the end of a long Senate (upper house) debate on the budget that he would resign.");
        Assert.Equal(3, st.Count);
        Assert.Equal("the plant would close", st[0].Content);
        Assert.Equal("he was satisfied", st[1].Content);
        Assert.Equal("the panel", st[1].Medium);
        Assert.Equal("he would resign", st[2].Content);
    }

    [Fact]
    public void A_relative_that_after_the_adjunct_stays_in_the_content()
    {
        var s = Assert.Single(Extract("Jones said at the meeting that was held in May the plan would work."));
        Assert.StartsWith("at the meeting that was held", s.Content);
    }

    [Fact]
    public void An_agent_is_an_unnamed_individual_source()
    {
        var st = Extract("Cargo will be shipped in May, an agent for the country said.",
                         "The agent said bids were due on Monday.");
        Assert.Equal(2, st.Count);
        Assert.Equal("anonymous", st[0].SpeakerType);
        Assert.True(st[0].Anonymous);
        Assert.Equal("Cargo will be shipped in May", st[0].Content);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
    }

    [Fact]
    public void A_group_led_by_someone_is_the_speaker()
    {
        var st = Extract("A group led by New York investor Sam Ortiz told the Securities and Exchange Commission it cut its stake in Koll Inc.",
                         "A shareholder group led by a Dutch investment firm said it raised its stake in Brill Inc to 9.1 pct.");
        Assert.Equal(2, st.Count);
        Assert.Equal("A group led by New York investor Sam Ortiz", st[0].SpeakerText);
        Assert.Equal("organization", st[0].SpeakerType);
        Assert.False(st[0].Anonymous);
        Assert.Equal("it cut its stake in Koll Inc.", st[0].Content);
        Assert.Equal("A shareholder group led by a Dutch investment firm", st[1].SpeakerText);
        Assert.Equal("organization", st[1].SpeakerType);
        Assert.True(st[1].Anonymous);
    }

    [Fact]
    public void A_told_recipient_keeps_and_inside_a_capitalised_name()
    {
        var s = Assert.Single(Extract("Koll Inc told the Securities and Exchange Commission it sold 1,000 shares."));
        Assert.Equal("told the Securities and Exchange Commission", s.Cue);
        Assert.Equal("it sold 1,000 shares", s.Content);
    }

    [Fact]
    public void A_relative_clause_holding_a_list_does_not_hide_its_antecedent()
    {
        var st = Extract("A shareholder group led by a Dutch investment firm said it raised its stake in Brill Inc.",
                         "In a filing, the group, which includes Rand Holding AB, the firm, and investor Per Olsen, said it bought the shares in May.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the group", st[1].SpeakerText);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
    }
}
