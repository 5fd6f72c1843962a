namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Rules added in the sixth round (what round 5 left, then the hand review of sample J, seed 6262; docs/extraction.md,
/// "Round 6"). Every text is made up for the test; each test names the general pattern it guards and was checked to
/// fail with its rule switched off.
/// </summary>
public class GeneralizationRound6Tests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void An_attribution_that_interrupts_a_quotation_is_spanned_by_its_content()
    {
        var st = Extract("“The rise was expected,” the minister said, “but not its size.”",
                         "\"We will not sell,\" said Hal Moreno, \"unless the price is right.\"");
        Assert.Equal(2, st.Count);
        Assert.Equal("The rise was expected,” the minister said, “but not its size.", st[0].Content);
        Assert.Equal("direct", st[0].Mode);
        Assert.Equal("said", st[0].Cue);
        Assert.Equal("We will not sell,\" said Hal Moreno, \"unless the price is right.", st[1].Content);
        Assert.Equal("direct", st[1].Mode);
        Assert.Equal("Hal Moreno", st[1].Speaker);
    }

    [Fact]
    public void An_attribution_after_an_unquoted_opener_spans_into_the_quotation_that_completes_it()
    {
        var st = Extract("If the talks fail, the union said, “the strike could last into the summer”.",
                         "In a statement, the union said, “We will not return to work.”",
                         "Commenting on the vote, the chairman said, “we have done what we could.”",
                         "Pressed for details, he said, “there is nothing more to add.”");
        Assert.Equal(4, st.Count);
        // a participle that sets the scene of the remark is no part of it either
        Assert.Equal("we have done what we could.", st[2].Content);
        Assert.Equal("there is nothing more to add.", st[3].Content);
        Assert.Equal("If the talks fail, the union said, “the strike could last into the summer”", st[0].Content);
        Assert.Equal("mixed", st[0].Mode);
        // the opener names the medium, it is no part of what was said
        Assert.Equal("We will not return to work.", st[1].Content);
        Assert.Equal("direct", st[1].Mode);
    }

    [Fact]
    public void A_narrators_connective_that_opens_the_sentence_is_not_content()
    {
        var st = Extract("Meanwhile, output of the mine rose to a record, the company said.",
                         "However, prices are unlikely to recover this year, analysts said.",
                         "In addition, the plant will be closed for repairs, it said.");
        Assert.Equal(3, st.Count);
        Assert.Equal("output of the mine rose to a record", st[0].Content);
        Assert.Equal("prices are unlikely to recover this year", st[1].Content);
        Assert.Equal("the plant will be closed for repairs", st[2].Content);
        // before an attribution inside the sentence the connective goes, and the content follows the cue
        var inner = Assert.Single(Extract("In addition, she said, many of the growers need to sell their crops to raise cash."));
        Assert.Equal("many of the growers need to sell their crops to raise cash", inner.Content);
    }

    [Fact]
    public void An_institution_named_by_its_head_noun_is_an_organisation()
    {
        var st = Extract("The U.S. Mint said it had sold 40,000 gold coins in March.",
                         "It said sales would be reviewed next month.");
        Assert.Equal(2, st.Count);
        Assert.Equal("organization", st[0].SpeakerType);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
        // an institution is never the story's company that "the bank" or "the company" falls back to
        var cb = Extract("Growth will slow to two pct this year, the central bank said.",
                         "The forecast compares with one made by the Treasury last October.");
        Assert.Equal("central bank", Assert.Single(cb).Speaker);
    }

    [Fact]
    public void A_comma_inside_a_partnerships_name_keeps_the_name_whole()
    {
        var st = Extract("Harlow, Brenner and Co said it expects higher earnings in the fourth quarter.",
                         "Harlow said its retail unit had a record month.",
                         "Meanwhile, Dorne Brothers and Co said it would not bid.",
                         "Harlow, Brenner and Co said it named Anne Kell chairman after the death of Paul Brenner.");
        Assert.Equal(4, st.Count);
        // a person who shares the second name does not take the firm's statement
        Assert.Equal("Harlow, Brenner and Co", st[3].Speaker);
        Assert.Equal("Harlow, Brenner and Co", st[0].SpeakerText);
        Assert.Equal("Harlow, Brenner and Co", st[0].Speaker);
        Assert.Equal("organization", st[0].SpeakerType);
        Assert.Equal("Harlow, Brenner and Co", st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
        // a sentence adverb before the comma is no part of a firm's name
        Assert.Equal("Dorne Brothers and Co", st[2].Speaker);
    }

    [Fact]
    public void An_initialism_that_opens_a_companys_name_is_that_company()
    {
        var st = Extract("KTX Pacific Inc said it signed a letter of intent to be acquired.",
                         "Financing has not yet been arranged, KTX said.");
        Assert.Equal(2, st.Count);
        Assert.Equal("KTX Pacific Inc", st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
    }

    [Fact]
    public void A_medium_between_the_subject_and_the_cue_is_not_the_speaker()
    {
        var st = Extract("Chairman Ross Delane today in a statement reiterated that the firm expects a profit.");
        var s = Assert.Single(st);
        Assert.Equal("Ross Delane", s.Speaker);
        Assert.Equal("the firm expects a profit", s.Content);
    }

    [Fact]
    public void An_according_to_that_names_no_source_stays_in_the_content()
    {
        var st = Extract("Vestra Corp said it agreed to be acquired.",
                         "According to terms, holders would receive cash and notes for each share, it said.");
        Assert.Equal(2, st.Count);
        Assert.Equal("According to terms, holders would receive cash and notes for each share", st[1].Content);
    }

    [Fact]
    public void A_time_phrase_without_its_comma_before_a_name_with_a_particle_is_no_part_of_the_subject()
    {
        var st = Extract("Transport Minister Karel van Dalen announced he would end the port subsidy.",
                         "Late last month van Dalen said that the subsidy would end if the strike went on.");
        Assert.Equal(2, st.Count);
        Assert.Equal("van Dalen", st[1].SpeakerText);
        Assert.Equal("Karel van Dalen", st[1].Speaker);
        Assert.Equal("the subsidy would end if the strike went on", st[1].Content);
    }

    [Fact]
    public void Praise_coordinated_with_the_cue_is_its_own_statement()
    {
        var st = Extract("Lena Varga said the agreement was a success and praised the willingness of the other members to accept it.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the agreement was a success", st[0].Content);
        Assert.Equal("praised", st[1].Cue);
        Assert.Equal("Lena Varga", st[1].Speaker);
    }

    [Fact]
    public void A_contrast_ends_the_noun_phrase_of_a_criticism()
    {
        var st = Extract("Employers criticised the tribunal's wage decision but the unions gave it a qualified welcome.",
                         "The exchange board has proposed limiting but not banning dual trading in the pit.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the tribunal's wage decision", st[0].Content);
        // a contrast inside the noun phrase stays
        Assert.Equal("limiting but not banning dual trading in the pit", st[1].Content);
    }

    [Fact]
    public void An_adjunct_between_that_and_a_comma_keeps_the_clause_after_it_in_the_content()
    {
        var st = Extract("Ilse Brandt said that for its part, the central bank announced a cut in its discount rate.");
        var s = Assert.Single(st);
        Assert.Equal("Ilse Brandt", s.Speaker);
        Assert.Equal("for its part, the central bank announced a cut in its discount rate", s.Content);
    }

    [Fact]
    public void A_name_before_an_indefinite_title_and_a_second_appositive_is_the_speaker()
    {
        var st = Extract("Higher prices have not changed the plans, Jan Wolski, a deputy director of Polcuk, the state sugar enterprise, said.");
        var s = Assert.Single(st);
        Assert.Equal("Jan Wolski", s.Speaker);
        Assert.Equal("person", s.SpeakerType);
        Assert.Equal("Higher prices have not changed the plans", s.Content);
    }

    [Fact]
    public void A_document_of_a_body_with_its_recipient_speaks_for_the_body()
    {
        var st = Extract("A World Bank team said the country should cut its deficit.",
                         "The team's report to the government praises last year's spending cuts.");
        Assert.Equal(2, st.Count);
        Assert.Equal("The team's report to the government", st[1].SpeakerText);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
        Assert.Equal("last year's spending cuts", st[1].Content);
    }
}
