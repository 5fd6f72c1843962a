namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Rules added after the fifth hand review of unseen corpus stories (sample H, seed 4242; docs/extraction.md,
/// "Round 5 (sample H)"). Every text is made up for the test; each test names the general pattern it guards and was
/// checked to fail with its rule switched off.
/// </summary>
public class GeneralizationRound5Tests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void A_definite_agent_noun_is_the_source_introduced_before_with_that_noun()
    {
        var st = Extract("The bridge was closed after the storm, according to a dispatcher at the county sheriff's office.",
                         "The dispatcher said two trucks had been swept into the river.");
        Assert.Equal(2, st.Count);
        Assert.Equal("The dispatcher", st[1].SpeakerText);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
        Assert.Equal("anonymous", st[1].SpeakerType);
        Assert.True(st[1].Anonymous);
    }

    [Fact]
    public void Remarked_or_commented_with_that_or_a_quotation_is_a_statement()
    {
        var st = Extract("Kovac remarked that the currency had barely moved since the meeting.",
                         "But as both traders and bankers commented, \"the market will wait.\"",
                         "The board commented on the results at length.");
        Assert.Equal(2, st.Count);
        Assert.Equal("remarked", st[0].Cue);
        Assert.Equal("the currency had barely moved since the meeting", st[0].Content);
        Assert.Equal("commented", st[1].Cue);
        Assert.Equal("the market will wait.", st[1].Content);
        Assert.Equal("direct", st[1].Mode);
    }

    [Fact]
    public void A_negated_report_of_a_question_or_a_thing_is_a_refusal_not_a_statement()
    {
        var st = Extract("The agency did not say when the new rates would take effect.",
                         "The company would not disclose the price it paid.",
                         "A spokesman would not confirm the report but said talks were continuing.",
                         "The bank did not deny that it had held talks.");
        Assert.Equal(2, st.Count);
        Assert.Equal("talks were continuing", st[0].Content);
        Assert.Equal("did not deny", st[1].Cue);
        Assert.Equal("it had held talks", st[1].Content);
    }

    [Fact]
    public void A_participle_that_opens_the_sentence_reports_for_the_main_subject()
    {
        var st = Extract("Noting that the rival bid was not yet financed, Marta Oslin said her company could still win.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Noting", st[0].Cue);
        Assert.Equal("the rival bid was not yet financed", st[0].Content);
        Assert.All(st, s => Assert.Equal("Marta Oslin", s.Speaker));
        Assert.Equal("her company could still win", st[1].Content);
    }

    [Fact]
    public void And_Co_closes_a_firms_name_so_its_first_word_is_the_firm()
    {
        var st = Extract("Barlow Penn and Co said the rating cut was not justified.",
                         "Barlow said it was disappointed. It noted that profits doubled last year.");
        Assert.Equal(3, st.Count);
        Assert.All(st, s => Assert.Equal("Barlow Penn and Co", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void A_company_name_written_in_another_case_is_the_same_company()
    {
        var st = Extract("MicroVentix Inc said it had entered the sensor business.",
                         "Microventix also said the unit would be profitable in a year.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("MicroVentix Inc", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void A_place_before_the_storys_company_noun_is_not_the_speaker()
    {
        var st = Extract("Dorran Oil Ltd said its results were hit by lower prices.",
                         "The Tarwin Basin producer earlier reported a fall in net profit.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Dorran Oil Ltd", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void Officials_involved_in_someones_plans_are_not_that_person()
    {
        var st = Extract("Trade Minister Paul Verne said he would visit Seoul next week.",
                         "Officials involved in Verne's travel plans said they had arranged meetings with exporters.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Officials involved in Verne's travel plans", st[1].SpeakerText);
        Assert.NotEqual("Paul Verne", st[1].Speaker);
        Assert.Equal("collective", st[1].SpeakerType);
        Assert.True(st[1].Anonymous);
    }

    [Fact]
    public void A_name_before_a_title_without_its_closing_comma_speaks_after_a_trailing_content()
    {
        var s = Assert.Single(Extract("Growth this year is likely to be about one pct, Karl Wendt, head of the state Institute for Trade Research said."));
        Assert.Equal("Karl Wendt", s.Speaker);
        Assert.Equal("person", s.SpeakerType);
        Assert.Equal("Growth this year is likely to be about one pct", s.Content);
    }

    [Fact]
    public void Interviewers_are_a_told_recipient()
    {
        var s = Assert.Single(Extract("It was a \"successful test as far as we know,\" Ferris told interviewers on a cable television network."));
        Assert.StartsWith("told interviewers", s.Cue);
        Assert.Equal("It was a \"successful test as far as we know,\"", s.Content);
        Assert.Equal("mixed", s.Mode);
    }

    [Fact]
    public void With_a_thing_and_a_participle_is_no_report()
    {
        var s = Assert.Single(Extract("Most fields show stands with a brown cast indicating heavy frost damage, he said."));
        Assert.Equal("said", s.Cue);
        Assert.Equal("Most fields show stands with a brown cast indicating heavy frost damage", s.Content);
    }

    [Fact]
    public void A_comparative_clause_with_nothing_after_its_cue_stays_in_the_content()
    {
        var s = Assert.Single(Extract("The Finance Ministry said the accord covers 90 mln dlrs of debt and not 20 mln dlrs as it announced yesterday."));
        Assert.Equal("the accord covers 90 mln dlrs of debt and not 20 mln dlrs as it announced yesterday", s.Content);
    }

    [Fact]
    public void A_report_and_its_date_after_the_cue_are_the_medium_not_the_content()
    {
        var st = Extract("The attache said in a field report dated May 2 the harvest had been set back two weeks.",
                         "The report said the damage may be worse than local observers think.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the harvest had been set back two weeks", st[0].Content);
        Assert.Equal("said in a field report", st[0].Cue);
        Assert.Equal(st[0].Speaker, st[1].Speaker);
        Assert.Equal("report", st[1].Medium);
    }

    [Fact]
    public void A_body_named_by_its_initials_after_its_noun_and_the_date_of_a_study_are_not_the_speaker()
    {
        var s = Assert.Single(Extract("According to a study by the official watchdog body CBV in March, fees were 15 pct higher at banks."));
        Assert.Equal("CBV", s.Speaker);
        Assert.Equal("organization", s.SpeakerType);
        Assert.Equal("fees were 15 pct higher at banks", s.Content);
    }

    [Fact]
    public void A_refusal_coordinated_with_the_cue_is_not_content()
    {
        var st = Extract("Varden said it was cancelling the spin-off, but gave no reason for doing so.",
                         "The bank said it was in talks with two buyers but declined to name them.");
        Assert.Equal(2, st.Count);
        Assert.Equal("it was cancelling the spin-off", st[0].Content);
        Assert.Equal("it was in talks with two buyers", st[1].Content);
    }

    [Fact]
    public void What_a_refusal_leaves_open_is_not_reported_either()
    {
        var st = Extract("Ostrow did not say when he thought the market would recover.",
                         "The firm said it would file an amendment but did not say when the filing would be made.");
        var s = Assert.Single(st);
        Assert.Equal("it would file an amendment", s.Content);
    }

    [Fact]
    public void The_before_two_capitalised_words_names_a_publication_not_a_person()
    {
        var st = Extract("The Morning Courier commented that the minister was going to Tokyo unarmed.",
                         "\"We do not want a trade war,\" he said.");
        Assert.Equal("Morning Courier", st[0].Speaker);
        Assert.Equal("organization", st[0].SpeakerType);
        Assert.DoesNotContain(st, s => s.Speaker == "Morning Courier" && s.SpeakerType == "person");
    }

    [Fact]
    public void A_name_before_group_is_the_groups_own_name_not_the_storys_company()
    {
        var st = Extract("Dexon Corp said it had received a new offer.",
                         "The Harlan group said it owns 9.5 pct of Dexon's stock.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Dexon Corp", st[0].Speaker);
        Assert.NotEqual("Dexon Corp", st[1].Speaker);
    }

    [Fact]
    public void Warning_before_a_bare_noun_is_an_adjective_not_a_report()
    {
        var s = Assert.Single(Extract("Dorn said the unions would answer the lockout with protests and warning strikes."));
        Assert.Equal("the unions would answer the lockout with protests and warning strikes", s.Content);
    }

    [Fact]
    public void A_spokesman_for_a_body_named_by_its_initials_is_the_spokesman()
    {
        var s = Assert.Single(Extract("Ships will be delayed, a spokesman for the shipowners' association KSA said."));
        Assert.Equal("anonymous", s.SpeakerType);
        Assert.StartsWith("a spokesman", s.Speaker);
    }

    [Fact]
    public void It_after_a_document_an_author_spoke_through_is_that_author()
    {
        var st = Extract("The Grain Board said exports rose in March.",
                         "The attache said in a field report the crop was late.",
                         "The report said fields were damaged.",
                         "It said dry weather had helped.");
        Assert.Equal(4, st.Count);
        Assert.All(st.Skip(1), s => Assert.Equal(st[1].Speaker, s.Speaker));
    }

    [Fact]
    public void The_before_a_place_and_a_party_member_is_a_person_not_a_publication()
    {
        var s = Assert.Single(Extract("\"I am not at liberty to say,\" the Ohio Democrat told reporters."));
        Assert.Equal("person", s.SpeakerType);
    }

    [Fact]
    public void A_single_word_that_begins_the_name_of_a_company_that_spoke_is_that_company()
    {
        var st = Extract("Renwick Metals co said it would restart an idle smelter line.",
                         "Renwick said the line would produce 40,000 tonnes a year.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Renwick Metals co", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void The_before_a_name_met_before_a_noun_is_still_no_person()
    {
        var s = Assert.Single(Extract("Staff at the Tithe Revenue office in Leeds will move to York.",
                                      "The Tithe Revenue estimated that the yield would be small."));
        Assert.Equal("Tithe Revenue", s.Speaker);
        Assert.Equal("organization", s.SpeakerType);
    }

    [Fact]
    public void The_before_a_title_and_a_name_met_before_is_that_person()
    {
        var st = Extract("Anna Lorvik said the board would meet in May.",
                         "Sales rose, the Director General of France's Grain Board (OGB) Anna Lorvik said.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Anna Lorvik", s.Speaker));
        Assert.All(st, s => Assert.Equal("person", s.SpeakerType));
    }

    [Fact]
    public void The_before_a_councils_chairman_and_his_name_describes_a_person()
    {
        var st = Extract("The budget will be large, a senior party official said.",
                         "The official, the KDP Policy Council's Chairman Kenji Sato, told a press conference the budget would come in August.",
                         "Sato said bonds would be issued.");
        Assert.Equal("Kenji Sato", st[^1].Speaker);
        Assert.Equal("person", st[^1].SpeakerType);
    }
}
