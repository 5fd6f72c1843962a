using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Rules added after a hand review of a random sample of unseen corpus stories (docs/extraction.md, "Blind sample").
/// Every text is made up for the test; each test names the general pattern it guards.
/// </summary>
public class GeneralizationTests
{
    static List<AttributedStatement> Extract(params string[] paragraphs) => PatternTests.Extract(paragraphs);

    [Fact]
    public void A_capitalised_name_word_is_not_an_auxiliary()
    {
        // "Am", "Is", "Will" inside a company name must not turn "X said" into a passive or an auxiliary
        var st = Extract("Glen Am Corp said profits would rise.", "Glen Am also said it has cut 200 jobs.");
        Assert.Equal(2, st.Count);
        Assert.Equal("also said", st[1].Cue);
        Assert.Equal("Glen Am", st[1].SpeakerText);
        Assert.Equal("it has cut 200 jobs", st[1].Content);
    }

    [Fact]
    public void A_short_company_name_resolves_to_the_name_with_its_legal_suffix()
    {
        var st = Extract("Glen Am Corp said profits would rise.", "Glen Am said it is seeking a pay cut.");
        Assert.Equal("Glen Am Corp", st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
    }

    [Fact]
    public void Industry_nouns_refer_back_to_the_company_of_the_story()
    {
        var st = Extract("Norvik Motor Corp said car sales rose 12 pct in May.",
                         "Truck sales were flat, the automaker said.",
                         "The airline said it will add two routes.");
        Assert.Equal(3, st.Count);
        Assert.Equal("the automaker", st[1].SpeakerText);
        Assert.Equal("Norvik Motor Corp", st[1].Speaker);
        Assert.Equal("Truck sales were flat", st[1].Content);
        Assert.Equal("Norvik Motor Corp", st[2].Speaker);
    }

    [Fact]
    public void An_adverb_between_commas_after_the_cue_does_not_hide_the_content()
    {
        var st = Extract("Spokesman Tom Reed said, however, that the plant would stay open.",
                         "Reed said, though, he could not give a date.");
        Assert.Equal(2, st.Count);
        Assert.Equal("the plant would stay open", st[0].Content);
        Assert.Equal("he could not give a date", st[1].Content);
    }

    [Fact]
    public void An_adverb_before_that_is_skipped()
    {
        var s = Assert.Single(Extract("Senator Jane Holt said then that the bill would fail."));
        Assert.Equal("the bill would fail", s.Content);
    }

    [Fact]
    public void By_saying_is_a_participle_of_the_clause_subject()
    {
        var st = Extract("Trade Minister Lars Berg qualified his support for the plan, however, by saying the talks must include services.");
        var s = Assert.Single(st);
        Assert.Equal("Lars Berg", s.Speaker);
        Assert.Equal("the talks must include services", s.Content);
    }

    [Fact]
    public void Others_is_a_collective_speaker()
    {
        var st = Extract("Though many economists said rates would fall, others said the bank would wait.");
        Assert.Equal(2, st.Count);
        Assert.Equal("others", st[1].SpeakerText);
        Assert.Equal("collective", st[1].SpeakerType);
        Assert.True(st[1].Anonymous);
        Assert.Equal("the bank would wait", st[1].Content);
    }

    [Fact]
    public void Speculated_and_that_clause_verbs_are_cues_but_not_without_that()
    {
        var st = Extract("One analyst speculated a higher bid would come soon.",
                         "The company maintained that the offer was too low.",
                         "The company maintained its dividend at 20 cts.",
                         "Harlow Inc informed the exchange that it had received an approach.");
        Assert.Equal(["speculated", "maintained", "informed the exchange"], st.Select(s => s.Cue).ToArray());
        Assert.Equal("it had received an approach", st[2].Content);
        Assert.Equal("the exchange", st[2].Medium);
    }

    [Fact]
    public void An_infinitive_cue_is_a_plan_not_a_report()
    {
        Assert.Empty(Extract("The ruling would allow the exchange to announce new members by the end of the year."));
        Assert.Empty(Extract("The board plans to announce the results in May."));
    }

    [Fact]
    public void A_date_ends_a_coordinated_subject()
    {
        var s = Assert.Single(Extract("Talks began in December and unions are hopeful they may finish by April."));
        Assert.Equal("unions", s.SpeakerText);
        Assert.Equal("collective", s.SpeakerType);
    }

    [Fact]
    public void A_document_from_a_body_gives_the_body_as_speaker_and_the_document_as_medium()
    {
        var st = Extract("Output fell 2 pct in January, according to figures from the National Statistics Office.",
                         "Exports rose 3 pct, a statement from the Farmers Union said.");
        Assert.Equal(2, st.Count);
        Assert.Equal("National Statistics Office", st[0].Speaker);
        Assert.Equal("figures", st[0].Medium);
        Assert.Equal("Farmers Union", st[1].Speaker);
        Assert.Equal("organization", st[1].SpeakerType);
        Assert.Equal("a statement", st[1].Medium);
        Assert.False(st[1].Anonymous);
    }

    [Fact]
    public void A_title_and_a_single_name_is_a_person()
    {
        var st = Extract("President Halvorsen said he will veto the spending bill.",
                         "“The bill costs too much,” he said in a statement.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Halvorsen", st[0].Speaker);
        Assert.Equal("person", st[0].SpeakerType);
        Assert.Equal("President", st[0].Role);
        Assert.Equal("Halvorsen", st[1].Speaker);
    }

    [Fact]
    public void One_of_several_unnamed_analysts_is_not_the_analyst_named_later()
    {
        var st = Extract("“The bid will rise,” said one analyst.",
                         "“It is worth more,” said Mills and Co analyst Peter Dorn.");
        Assert.Equal(2, st.Count);
        Assert.Equal("anonymous", st[0].SpeakerType);
        Assert.True(st[0].Anonymous);
        Assert.Equal("Peter Dorn", st[1].Speaker);
    }

    [Fact]
    public void Capitalised_common_words_after_a_title_like_abbreviation_are_not_names()
    {
        // 1987 copy capitalises the word after "U.S.": neither "Officials" nor "Embassy" nor "Has" is a person
        var st = Extract("U.S. Officials said the talks would resume.",
                         "The U.S. Embassy said the visa rules were unchanged.",
                         "The U.S. Has said it will not pay.");
        Assert.Equal(3, st.Count);
        Assert.Equal("collective", st[0].SpeakerType);
        Assert.Equal("organization", st[1].SpeakerType);
        Assert.Equal("Has said", st[2].Cue);
        Assert.Equal("United States", st[2].Speaker);
    }

    [Fact]
    public void A_relative_clause_with_an_noun_complement_ends_at_its_comma()
    {
        var s = Assert.Single(Extract("The mayor, who opposes new taxes, refuses to say how the deficit will be closed."));
        Assert.Equal("opposes", s.Cue);
        Assert.Equal("new taxes", s.Content);
    }

    [Fact]
    public void A_leading_adjunct_without_its_comma_is_not_part_of_the_speaker()
    {
        var st = Extract("After the talks Mr Dale told reporters the deal was done.",
                         "Trade Minister Ngozi Okafor arrived on Monday.",
                         "Following two days of meetings between the delegations Okafor told reporters \"we have a deal.\"");
        Assert.Equal(2, st.Count);
        Assert.Equal("Mr Dale", st[0].SpeakerText);
        Assert.Equal("the deal was done", st[0].Content);
        Assert.Equal("Okafor", st[1].SpeakerText);
        Assert.Equal("Ngozi Okafor", st[1].Speaker);
        Assert.Equal("direct", st[1].Mode);
        Assert.Equal("we have a deal.", st[1].Content);
        var nd = Assert.Single(Extract("In New Delhi an Indian spokesman said the convoy would sail."));
        Assert.Equal("an Indian spokesman", nd.SpeakerText);
        Assert.Equal("India", nd.Affiliation);
        // a post-modifier with a preposition is not an adjunct: the spokesman speaks, not the group
        var sp = Assert.Single(Extract("A spokesman for the employers group Metall Union said talks would resume."));
        Assert.Equal("anonymous", sp.SpeakerType);
        // a date is not a name
        Assert.DoesNotContain(Extract("Output will rise in early April, the ministry said."), x => x.Speaker == "April");
    }

    [Fact]
    public void Descriptive_nouns_before_a_name_stay_in_the_speaker_phrase()
    {
        var s = Assert.Single(Extract("Company spokesman Rolf Ahrens said the plant would reopen."));
        Assert.Equal("Company spokesman Rolf Ahrens", s.SpeakerText);
        Assert.Equal("Rolf Ahrens", s.Speaker);
    }

    [Fact]
    public void A_capitalised_cue_word_inside_a_sentence_is_part_of_a_name()
    {
        Assert.Empty(Extract("The crude was refined at the Good Hope Refinery in Louisiana."));
    }

    [Fact]
    public void The_and_one_capitalised_word_is_a_body_not_a_person()
    {
        var s = Assert.Single(Extract("Tax receipts rose 4 pct in May, the Treasury said."));
        Assert.Equal("organization", s.SpeakerType);
        Assert.Equal("Treasury", s.Speaker);
        // a title stays a person: "the Chancellor said"
        var c = Assert.Single(Extract("Taxes will not rise, the Chancellor said."));
        Assert.Equal("person", c.SpeakerType);
    }

    [Fact]
    public void Angle_bracketed_company_names_are_organisations()
    {
        var s = Assert.Single(Extract("Spain's state-owned <Banco Ficticio SA-BFS> said it is negotiating to buy a bank."));
        Assert.Equal("organization", s.SpeakerType);
        // the brackets are 1987 markup, not part of the name (round 4: the same company without them is the same speaker)
        Assert.Equal("Banco Ficticio SA-BFS", s.Speaker);
        var st = Extract("Ian Moss of Sydney broker <Moss and Reid Ltd> said the shares were cheap.",
                         "A spokesman for consortium member <Norda Aero Plc> said talks went well.");
        Assert.Equal("Ian Moss", st[0].Speaker);
        Assert.Equal("anonymous", st[1].SpeakerType);
    }

    [Fact]
    public void A_time_word_opening_the_sentence_is_not_part_of_the_speaker()
    {
        var s = Assert.Single(Extract("Yesterday a spokesman for the strikers said they would leave the plant."));
        Assert.Equal("a spokesman for the strikers", s.SpeakerText);
        Assert.Equal("anonymous", s.SpeakerType);
        Assert.Null(s.Affiliation);
    }

    [Fact]
    public void Two_plural_source_nouns_are_one_coordinated_speaker()
    {
        var s = Assert.Single(Extract("Prices may rise further, traders and money market analysts said."));
        Assert.Equal("traders and money market analysts", s.SpeakerText);
        Assert.Equal("collective", s.SpeakerType);
    }

    [Fact]
    public void Told_takes_longer_recipients()
    {
        var st = Extract("Premier Ana Silva told the House of Commons the sale would proceed.",
                         "Silva told the annual shareholders meeting profits rose 5 pct.",
                         "Silva told the annual meeting of the chamber that costs would fall.",
                         "“We will sell,” Silva told the weekly question period.");
        Assert.Equal(["told the House of Commons", "told the annual shareholders meeting", "told the annual meeting of the chamber", "told the weekly question period"],
                     st.Select(s => s.Cue).ToArray());
        Assert.Equal(["the sale would proceed", "profits rose 5 pct", "costs would fall", "We will sell"], st.Select(s => s.Content).ToArray());
        // a short clause after the recipient is content, not more recipient
        var c = Assert.Single(Extract("Premier Ana Silva told the meeting prices rose."));
        Assert.Equal("told the meeting", c.Cue);
        Assert.Equal("prices rose", c.Content);
    }

    [Fact]
    public void An_attribution_inside_the_sentence_is_spanned_by_the_content()
    {
        var st = Extract("On a comparable basis, the company said, sales increased five pct.",
                         "In an earlier statement, Norda Corp said, the rival bid was too low.");
        Assert.Equal(2, st.Count);
        Assert.Equal("On a comparable basis, the company said, sales increased five pct", st[0].Content);
        Assert.Equal("the rival bid was too low", st[1].Content);
        Assert.Equal("a statement", st[1].Medium);
        // a full clause or a quote before the attribution is the whole content; what follows is an appositive or adjunct
        var q = Extract("“The council does nothing,” she added, a reference to the veto.",
                        "The king plans to visit Moscow in March, the agency said, a meeting that would bring the sides together.");
        Assert.Equal("The council does nothing", q[0].Content);
        Assert.Equal("direct", q[0].Mode);
        Assert.Equal("The king plans to visit Moscow in March", q[1].Content);
        // a participle after the comma is not a continued clause
        var p = Assert.Single(Extract("Ankara should act alone, he said, alluding to a buffer zone."));
        Assert.Equal("Ankara should act alone", p.Content);
    }

    [Fact]
    public void A_gapped_relative_between_commas_ends_at_its_comma()
    {
        var s = Assert.Single(Extract("The reform, which Director Kurt Lang said had been planned for years, was sent to the banks."));
        Assert.Equal("had been planned for years", s.Content);
    }

    [Fact]
    public void A_conjunction_before_the_next_attribution_is_not_content()
    {
        var st = Extract("Norda Corp has estimated damage from the fire at 10 mln dlrs and a company spokesman said the mine would reopen.");
        Assert.Equal(2, st.Count);
        Assert.Equal("damage from the fire at 10 mln dlrs", st[0].Content);
        Assert.Equal("the mine would reopen", st[1].Content);
    }

    [Fact]
    public void Commas_around_the_complement_of_a_cue()
    {
        var st = Extract("Ida Kern told a news conference that, contrary to earlier promises, the tax had not been cut.",
                         "Kern told the National Assembly, the country's parliament, that reserves were limited.",
                         "She added, a planned reform of the tax system was an important step.",
                         "Kern told the banks to stop complaining that the rules were strict.");
        Assert.Equal("contrary to earlier promises, the tax had not been cut", st[0].Content);
        Assert.Equal("reserves were limited", st[1].Content);
        Assert.Equal("a planned reform of the tax system was an important step", st[2].Content);
        Assert.DoesNotContain(st, s => s.Cue.Contains("complaining"));
    }

    [Fact]
    public void Tickers_and_unnamed_authors_keep_the_document_rules_sane()
    {
        var st = Extract("Westland Banking Corp <WBC.S> said profits rose.",
                         "Money supply grew 8 pct, according to preliminary figures from the central bank.",
                         "Retail sales will rise, according to a monthly survey of shopkeepers.");
        Assert.Equal(3, st.Count);
        Assert.Equal("organization", st[0].SpeakerType);
        Assert.StartsWith("Westland Banking Corp", st[0].Speaker);
        Assert.NotEqual("collective", st[1].SpeakerType);
        Assert.Equal("figures", st[1].Medium);
        Assert.NotEqual("collective", st[2].SpeakerType);
    }

    [Fact]
    public void A_title_case_1987_dateline_is_not_content()
    {
        var a = Assert.Single(ArticleParser.ParseText("HEADLINE\n\nNew York, April 3 - Norda Inc is still interested in the deal, a company spokesman said.\n"));
        Assert.Equal("New York, April 3 -", a.Dateline);
        var s = Assert.Single(Extractor.Extract(a));
        Assert.Equal("Norda Inc is still interested in the deal", s.Content);
    }

    [Fact]
    public void First_words_of_country_names_are_not_demonyms()
    {
        var st = Extract("Central bank governor Lin Wei-ming said rates would stay on hold.",
                         "Ana Ruiz, an economist with Banco da Costa, said growth would slow.",
                         "Saudi officials said output was unchanged.");
        Assert.Null(st[0].Affiliation);
        Assert.NotEqual("Costa Rica", st[1].Affiliation);
        Assert.Equal("Saudi Arabia", st[2].Affiliation);
    }
}
