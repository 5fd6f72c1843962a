namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Patterns of present-day wire copy (the seeds' era, not 1987): unnamed sources beside named office-holders,
/// spokespeople of several bodies in one story, statements made on social media. Found by a probe of made-up
/// paragraphs in that style (docs/extraction.md, "Present-day wire copy"); every text here is made up, and each test
/// was checked to fail with its rule switched off.
/// </summary>
public class PresentDayWireTests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void An_unnamed_source_is_not_the_office_holder_of_the_next_paragraph()
    {
        // "Kuwait's oil minister" is a description, not a full name introduced for the source before it
        var st = Extract("\"No deal has been struck,\" a shipping industry source said.",
                         "Norway's fisheries minister said the quota talks would resume in May.");
        Assert.Equal(2, st.Count);
        Assert.Equal("a shipping industry source", st[0].Speaker);
        Assert.True(st[0].Anonymous);
        Assert.Equal("Norway's fisheries minister", st[1].Speaker);
        Assert.False(st[1].Anonymous);
    }

    [Fact]
    public void An_unnamed_spokesman_of_one_body_is_not_the_named_spokesman_of_another()
    {
        var st = Extract("Vantor Inc said in a statement that it would appeal the ruling.",
                         "\"We are disappointed by the ruling,\" a Vantor spokesman said in an email.",
                         "A Treasury spokesman, Erik Brandt, told reporters the appeal would be heard in June.");
        Assert.Equal(3, st.Count);
        Assert.Equal("a Vantor spokesman", st[1].Speaker);
        Assert.True(st[1].Anonymous);
        Assert.Equal("Erik Brandt", st[2].Speaker);
        // the same body's spokesman named later is still that person
        var same = Extract("A Treasury spokeswoman said the appeal would be heard in June.",
                           "Treasury spokeswoman Ella Brandt added that the date was not final.");
        Assert.Equal(2, same.Count);
        Assert.Equal("Ella Brandt", same[0].Speaker);
        Assert.False(same[0].Anonymous);
    }

    [Fact]
    public void A_body_named_by_a_common_noun_matches_a_name_by_whole_words_only()
    {
        // "bank" is not "Banking": the committee did not issue the bank's statement
        var st = Extract("The Senate Banking Committee said it would hold hearings on the merger.",
                         "The central bank said in a statement after its policy meeting that rates would stay on hold.");
        Assert.Equal(2, st.Count);
        Assert.NotEqual("Senate Banking Committee", st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
        // "court" is not "Courtland"
        var court = Extract("Courtland Shipping Ltd said it would appeal against the fine.",
                            "The court said in its ruling that the fine had been set correctly.");
        Assert.Equal(2, court.Count);
        Assert.NotEqual("Courtland Shipping Ltd", court[1].Speaker);
    }

    [Fact]
    public void A_speaker_quoted_by_an_agency_in_the_passive_is_the_speaker_and_the_agency_relays()
    {
        var s = Assert.Single(Extract("Deputy Trade Minister Oleg Varin was quoted by TASS news agency as saying the tariffs were unlawful."));
        Assert.Equal("Oleg Varin", s.Speaker);
        Assert.Equal("was quoted ... as saying", s.Cue);
        Assert.Equal("TASS", s.Via);
        Assert.Equal("the tariffs were unlawful", s.Content);
    }

    [Fact]
    public void Posts_on_social_media_and_written_statements_are_reports_with_a_that_clause_or_a_quotation()
    {
        var st = Extract("Senator Ruth Calder wrote on Twitter that the merger should be blocked.",
                         "\"We will not back down,\" Calder tweeted.",
                         "Andrew Pike tweeted that the factory would reopen.",
                         "The governor wrote to the committee that the budget would be delayed.",
                         "She wrote a book about the strike and tweeted a photograph of the picket line.");
        Assert.Equal(4, st.Count);
        Assert.Equal(("Ruth Calder", "wrote", "the merger should be blocked"), (st[0].Speaker, st[0].Cue, st[0].Content));
        Assert.Equal(("Ruth Calder", "tweeted", "We will not back down", "direct"), (st[1].Speaker, st[1].Cue, st[1].Content, st[1].Mode));
        Assert.Equal(("Andrew Pike", "the factory would reopen"), (st[2].Speaker, st[2].Content));
        Assert.Equal("the budget would be delayed", st[3].Content);
    }

    [Fact]
    public void A_present_day_venue_after_said_in_a_joins_the_cue()
    {
        var st = Extract("Prime Minister Hana Lind said in a televised address that the election would be held in May.",
                         "Analysts at Norbank said in a note to clients that they expected two more rate rises.",
                         "\"We are disappointed,\" a Vantor spokesman said in an email.",
                         "Vantor Inc said in a regulatory filing that it expected a loss.");
        Assert.Equal(4, st.Count);
        Assert.Equal(("said in a regulatory filing", "it expected a loss"), (st[3].Cue, st[3].Content));
        Assert.Equal(("said in a televised address", "a televised address", "the election would be held in May"), (st[0].Cue, st[0].Medium, st[0].Content));
        Assert.Equal(("said in a note", "they expected two more rate rises"), (st[1].Cue, st[1].Content));
        Assert.Equal("said in an email", st[2].Cue);
    }

    [Fact]
    public void Citing_sources_names_what_a_report_rests_on_not_a_statement()
    {
        var st = Extract("Citing two people familiar with the matter, the Ledger reported that the company was weighing a sale.",
                         "Citing higher fuel costs, the airline said fares would rise.");
        Assert.Equal(3, st.Count);
        Assert.DoesNotContain(st, x => x.Content == "two people familiar with the matter");
        Assert.Contains(st, x => x.Cue == "Citing" && x.Content == "higher fuel costs");
    }

    [Fact]
    public void Chair_is_a_title()
    {
        var s = Assert.Single(Extract("Central Bank Chair Mara Quist said inflation was falling."));
        Assert.Equal("Mara Quist", s.Speaker);
    }

    [Fact]
    public void A_participle_phrase_on_the_source_of_according_to_is_not_content()
    {
        var st = Extract("Vantor Inc said its exports had doubled.",
                         "According to a document seen by the newspaper, the cartel will meet again in March.",
                         "According to a report published on Monday by the Baltic Energy Agency, output fell by 3 percent.");
        Assert.Equal(3, st.Count);
        Assert.Equal("the cartel will meet again in March", st[1].Content);
        // a document with no author named is nobody's: not the company named before, nor the paper that saw it
        Assert.NotEqual("Vantor Inc", st[1].Speaker);
        Assert.NotEqual("newspaper", st[1].Speaker);
        Assert.Equal("output fell by 3 percent", st[2].Content);
        Assert.Equal("Baltic Energy Agency", st[2].Speaker);
        Assert.Equal("report", st[2].Medium);
    }

    [Fact]
    public void A_report_published_by_a_body_speaks_for_that_body()
    {
        var st = Extract("Finance Minister Hana Lind said the budget would balance.",
                         "The report, published on Monday by the Baltic Energy Agency, said demand would peak by 2030.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Baltic Energy Agency", st[1].Speaker);
        Assert.Equal("report", st[1].Medium);
    }

    [Fact]
    public void A_month_that_ends_a_name_after_a_given_name_is_a_surname()
    {
        var st = Extract("Prime Minister Theresa May said the bill would pass.",
                         "Fund manager Susan June said the rally would last.",
                         "May told parliament the deal was good.");
        Assert.Equal(3, st.Count);
        Assert.Equal(("Theresa May", "person"), (st[0].Speaker, st[0].SpeakerType));
        Assert.Equal(("Susan June", "person"), (st[1].Speaker, st[1].SpeakerType));
        Assert.Equal("Theresa May", st[2].Speaker);
    }

    [Fact]
    public void A_date_after_the_cue_is_not_content()
    {
        var st = Extract("Acme Corp said on Friday, May 5, that sales rose.",
                         "The company said on May 6 that costs rose.",
                         "The minister said May 7 would be a holiday.");
        Assert.Equal(3, st.Count);
        Assert.Equal("sales rose", st[0].Content);
        Assert.Equal("costs rose", st[1].Content);
        Assert.Equal("May 7 would be a holiday", st[2].Content);
    }

    [Fact]
    public void A_document_of_the_storys_body_still_speaks_for_it_and_the_agency_may_be_a_department()
    {
        // the narrow edges of the rules above, found in a whole-corpus diff
        var st = Extract("Vantor Inc said its exports had doubled.",
                         "A company statement said the plant would reopen in May.",
                         "The Commerce Department said orders rose 2 pct in March.",
                         "Excluding defense goods, orders rose 3.8 pct, the agency said.");
        Assert.Equal(4, st.Count);
        Assert.Equal("Vantor Inc", st[1].Speaker);
        Assert.Equal("Commerce Department", st[3].Speaker);
        // an association is a company; a compound ending in the noun names that kind of body
        var thrift = Extract("Harbor Federal Savings and Loan Association said its deposits rose.",
                             "The company said it would open two branches.",
                             "Nordwestbank AG said its profits rose.",
                             "Lending grew faster than deposits, the bank said.");
        Assert.Equal(4, thrift.Count);
        Assert.Equal("Harbor Federal Savings and Loan Association", thrift[1].Speaker);
        Assert.Equal("Nordwestbank AG", thrift[3].Speaker);
    }

    [Fact]
    public void An_unnamed_source_is_not_the_next_named_person_when_their_titles_differ()
    {
        var st = Extract("\"We can confirm the inquiry,\" a Customs spokesman said.",
                         "\"There is an investigation under way,\" said Rob Calder, the state attorney in Ashford.");
        Assert.Equal(2, st.Count);
        Assert.Equal("a Customs spokesman", st[0].Speaker);
        Assert.Equal("Rob Calder", st[1].Speaker);
    }

    [Fact]
    public void Told_an_outlet_known_by_its_reach_is_the_recipient_not_the_content()
    {
        var st = Extract("\"We will not accept conditions,\" Trade Minister Lena Moss told state television.",
                         "Moss told local radio the border would stay open.",
                         "Dealers told Reuters local banks may raise their rates.");
        Assert.Equal(3, st.Count);
        Assert.Equal(("told Reuters", "local banks may raise their rates"), (st[2].Cue, st[2].Content));
        Assert.Equal(("told state television", "We will not accept conditions", "direct"), (st[0].Cue, st[0].Content, st[0].Mode));
        Assert.Equal("state television", st[0].Medium);
        Assert.Equal(("told local radio", "the border would stay open"), (st[1].Cue, st[1].Content));
    }

    [Fact]
    public void A_one_word_name_the_text_calls_which_is_a_body()
    {
        var st = Extract("Norgas, which supplies a third of the region's gas, said exports had risen.",
                         "Norgas added that prices would stay high.",
                         "Halvorsen, who chairs the panel, said the inquiry would end in May.");
        Assert.Equal(3, st.Count);
        Assert.Equal(("Norgas", "organization"), (st[0].Speaker, st[0].SpeakerType));
        Assert.Equal("organization", st[1].SpeakerType);
        Assert.Equal(("Halvorsen", "person"), (st[2].Speaker, st[2].SpeakerType));
    }
}
