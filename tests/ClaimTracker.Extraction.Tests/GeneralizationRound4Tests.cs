namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Rules added after the fourth hand review of unseen corpus stories (sample F, seed 2027; docs/extraction.md,
/// "Round 4 (sample F)"). Every text is made up for the test; each test names the general pattern it guards.
/// </summary>
public class GeneralizationRound4Tests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void A_hyphenated_title_before_a_name_is_not_part_of_the_name()
    {
        var st = Extract("Rates must come down, Central Bank Vice-President Anna Kovac said.",
                         "Kovac said the bank would act in May.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Anna Kovac", s.Speaker));
        Assert.All(st, s => Assert.Equal("person", s.SpeakerType));
    }

    [Fact]
    public void A_quotation_after_an_abbreviation_that_ends_an_attribution_is_its_own_statement()
    {
        var st = Extract("\"Demand is strong,\" said Lee Marsh, a vice president of Orbin Paper Inc. \"We will add a shift in June.\"");
        Assert.Equal(2, st.Count);
        Assert.Equal("Demand is strong", st[0].Content);
        Assert.Equal("We will add a shift in June.", st[1].Content);
        Assert.All(st, s => Assert.Equal("Lee Marsh", s.Speaker));
        Assert.All(st, s => Assert.Equal("direct", s.Mode));
    }

    [Fact]
    public void A_bracketed_company_name_is_the_same_speaker_as_the_name_without_brackets()
    {
        var st = Extract("<Norval Gold Mines Ltd> said it planned a stock split.",
                         "Norval said the split needs shareholder approval.");
        Assert.Equal(2, st.Count);
        Assert.Equal("<Norval Gold Mines Ltd>", st[0].SpeakerText);
        Assert.All(st, s => Assert.Equal("Norval Gold Mines Ltd", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void The_sources_refer_back_to_the_sources_introduced_before()
    {
        var st = Extract("The minister will fly to Oslo on Sunday, Trade Ministry sources said.",
                         "He is due to meet bankers there, the sources said.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Trade Ministry sources", st[0].Speaker);
        Assert.Equal("Trade Ministry sources", st[1].Speaker);
        Assert.All(st, s => Assert.True(s.Anonymous));
    }

    [Fact]
    public void The_officials_refer_back_to_the_officials_introduced_before()
    {
        var st = Extract("The remark was significant, grain trade officials said.",
                         "The minister refused to comment on the request, the officials said.");
        Assert.Equal(2, st.Count);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
        Assert.Equal("grain trade officials", st[1].Speaker);
    }

    [Fact]
    public void A_company_name_without_its_place_or_last_words_is_the_full_name()
    {
        var st = Extract("Clinic Corp of America said it received financing.",
                         "Clinic Corp said it will not guarantee the debt.",
                         "Harlow Benning Dale Stores Inc said sales rose 7.8 pct.",
                         "Harlow Benning said sales were helped by Easter.");
        Assert.Equal(4, st.Count);
        Assert.Equal("Clinic Corp of America", st[1].Speaker);
        Assert.Equal("Harlow Benning Dale Stores Inc", st[3].Speaker);
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void The_first_part_of_a_hyphenated_company_name_is_that_company_not_a_person()
    {
        var st = Extract("Brockton Air has agreed to buy five planes from Vasta-Nordin AB, Vasta said.");
        var s = Assert.Single(st);
        Assert.Equal("Vasta-Nordin AB", s.Speaker);
        Assert.Equal("organization", s.SpeakerType);
    }

    [Fact]
    public void The_investment_banker_or_dealer_is_the_firm_of_the_story()
    {
        var st = Extract("Garth Weil Securities Inc said it sold a new type of note.",
                         "The investment banker said the notes are structured as floating rate notes.",
                         "The seat will be used to build its trading area, the investment dealer said.");
        Assert.Equal(3, st.Count);
        Assert.All(st, s => Assert.Equal("Garth Weil Securities Inc", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void A_name_before_a_lower_case_source_noun_only_says_whose_source_it_is()
    {
        var st = Extract("\"The comments were not discouraging,\" an official with the farm group said.",
                         "The Corn Growers official noted, however, that \"there is significance in that.\"");
        Assert.Equal(2, st.Count);
        Assert.Equal("anonymous", st[1].SpeakerType);
        Assert.True(st[1].Anonymous);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
    }

    [Fact]
    public void An_indefinite_singular_source_outside_the_noun_lists_is_one_anonymous_person()
    {
        var s = Assert.Single(Extract("The chances have improved, a cocoa merchant said."));
        Assert.Equal("anonymous", s.SpeakerType);
        Assert.True(s.Anonymous);
        Assert.Equal("a cocoa merchant", s.Speaker);
    }

    [Fact]
    public void An_inverted_indefinite_source_outside_the_noun_lists_is_the_speaker()
    {
        var s = Assert.Single(Extract("\"It is clearly a recognition that we must compete,\" said a lobbyist for a large farm group."));
        Assert.Equal("a lobbyist for a large farm group", s.SpeakerText);
        Assert.Equal("anonymous", s.SpeakerType);
        Assert.Equal("It is clearly a recognition that we must compete", s.Content);
    }

    [Fact]
    public void Tickers_with_a_space_or_without_one_before_them_are_not_part_of_the_name()
    {
        var st = Extract("Norrvik AB <NORV ST> said sales rose 12 pct.",
                         "Hallam Stores Plc<HALS.L> said profits fell.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Norrvik AB", st[0].Speaker);
        Assert.Equal("Hallam Stores Plc", st[1].Speaker);
    }

    [Fact]
    public void A_lower_case_description_before_a_companys_full_name_is_not_part_of_it()
    {
        var st = Extract("Output rose in May, metals group Vendel AB <VNDL ST> said.",
                         "The insurer agreed terms, insurance brokerage Carrow Group Plc said.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Vendel AB", st[0].Speaker);
        Assert.Equal("Carrow Group Plc", st[1].Speaker);
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
        // a title with its own "of" is no description: the office holder named before speaks
        var t = Assert.Single(Extract("Ken Bruckner, chairman of Harwell Petroleum Corp <HPC> told Reuters that demand is weak."));
        Assert.False(t.Speaker.StartsWith("of ", StringComparison.Ordinal), t.Speaker);
        Assert.Equal("person", t.SpeakerType);
    }

    [Fact]
    public void A_mixed_case_short_name_in_brackets_after_a_ticker_is_that_company()
    {
        var st = Extract("The airline ordered three jets, Northern Aero Plc <NAER.L> (NAe) said.",
                         "NAe said the order confirmed a commitment made in January.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Northern Aero Plc", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void A_body_named_after_its_noun_keeps_the_particles_of_its_name()
    {
        var st = Extract("French mortgage agency Caisse de Credit Rural has cancelled its auction, the central bank said.",
                         "In a statement the agency cited exceptional circumstances on the bond market.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Caisse de Credit Rural", st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
    }

    [Fact]
    public void A_medium_noun_before_interview_is_part_of_the_venue()
    {
        var s = Assert.Single(Extract("\"We will consider further action,\" union secretary Tom Reed said in a radio interview."));
        Assert.Equal("a radio interview", s.Medium);
        Assert.Equal("said in a radio interview", s.Cue);
        Assert.Equal("We will consider further action", s.Content);
    }

    [Fact]
    public void A_capitalised_plural_agent_noun_opening_the_sentence_is_a_group()
    {
        var st = Extract("Arbitragers said the bid would fail.",
                         "Businessmen expect rates to fall.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("collective", s.SpeakerType));
        Assert.All(st, s => Assert.True(s.Anonymous));
    }

    [Fact]
    public void A_group_keeps_the_capital_of_a_company_name_but_not_of_a_common_word()
    {
        var st = Extract("Marlex Oil Corp said it will cut oil output.",
                         "Marlex executives said the cut was temporary.",
                         "Oil sources said the cut was small.");
        Assert.Equal(3, st.Count);
        Assert.Equal("Marlex executives", st[1].Speaker);
        Assert.Equal("oil sources", st[2].Speaker);
    }
}
