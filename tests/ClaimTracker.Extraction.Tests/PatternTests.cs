using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Extraction.Tests;

/// <summary>One test per pattern family of the speaker grammar. Texts are made up for the tests.</summary>
public class PatternTests
{
    internal static List<AttributedStatement> Extract(params string[] paragraphs)
    {
        string text = "Test headline\n\nLONDON (Reuters) – " + string.Join("\n\n", paragraphs) + "\n";
        var articles = ArticleParser.ParseText(text);
        Assert.Single(articles);
        return Extractor.Extract(articles[0]);
    }

    [Fact]
    public void Subject_said_clause()
    {
        var s = Assert.Single(Extract("Finance Minister Anna Berg said on Monday that the budget would be balanced next year."));
        Assert.Equal("said", s.Cue);
        Assert.Equal("the budget would be balanced next year", s.Content);
        Assert.Equal("Anna Berg", s.Speaker);
        Assert.Equal("person", s.SpeakerType);
        Assert.Equal("Finance Minister", s.Role);
        Assert.Equal("indirect", s.Mode);
        Assert.Equal(1, s.Paragraph);
    }

    [Fact]
    public void Inversion_said_X_after_a_quote()
    {
        var s = Assert.Single(Extract("“We will not give up,” said Tom Ruiz, the head of the dockers’ union."));
        Assert.Equal("direct", s.Mode);
        Assert.Equal("We will not give up", s.Content);
        Assert.Equal("Tom Ruiz", s.Speaker);
        Assert.Equal("said", s.Cue);
    }

    [Fact]
    public void Trailing_attribution_with_pronoun_resolves_to_the_full_name()
    {
        var st = Extract("Energy Minister Paula Grant said prices would fall.",
                         "Supplies will improve in the spring, she said.");
        Assert.Equal(2, st.Count);
        Assert.Equal("Supplies will improve in the spring", st[1].Content);
        Assert.Equal("she", st[1].SpeakerText);
        Assert.Equal("Paula Grant", st[1].Speaker);
        Assert.Equal(2, st[1].Paragraph);
    }

    [Fact]
    public void A_title_with_its_own_of_is_the_role_and_the_name_is_the_speaker()
    {
        var st = Extract("Deputy Secretary of State Ellen Marsh said the talks would resume.",
                         "A spokesman for Secretary of State Ellen Marsh said the date was not set.");
        Assert.Equal("Ellen Marsh", st[0].Speaker);
        Assert.Equal("Deputy Secretary of State", st[0].Role);
        // a post-modifier still names someone else: the spokesman speaks, not the secretary
        Assert.NotEqual("Ellen Marsh", st[1].Speaker);
    }

    [Fact]
    public void A_surname_without_its_particle_resolves_to_the_full_name()
    {
        var st = Extract("President Karim al-Haddad said the border would reopen.",
                         "Haddad said the army would withdraw.",
                         "Judge Anna van Dijk said the ruling was final.",
                         "Van Dijk said an appeal was possible.");
        Assert.Equal(["Karim al-Haddad", "Karim al-Haddad", "Anna van Dijk", "Anna van Dijk"], st.Select(s => s.Speaker).ToArray());
    }

    [Fact]
    public void Surname_resolves_to_the_full_name_introduced_earlier()
    {
        var st = Extract("Central bank governor Mark Olsen said rates would stay on hold.",
                         "“Inflation is still too high,” Olsen told reporters.");
        Assert.Equal("Mark Olsen", st[1].Speaker);
        Assert.Equal("told reporters", st[1].Cue);
        Assert.Equal("reporters", st[1].Medium);
    }

    [Fact]
    public void According_to()
    {
        var s = Assert.Single(Extract("The harvest fell by a third, according to the agriculture ministry."));
        Assert.Equal("according to", s.Cue);
        Assert.Equal("The harvest fell by a third", s.Content);
    }

    [Fact]
    public void X_told_Reuters_sets_the_medium()
    {
        var s = Assert.Single(Extract("A senior diplomat told Reuters the talks had stalled."));
        Assert.Equal("told Reuters", s.Cue);
        Assert.Equal("Reuters", s.Medium);
        Assert.Equal("the talks had stalled", s.Content);
        Assert.Equal("anonymous", s.SpeakerType);
        Assert.True(s.Anonymous);
        Assert.Equal("a senior diplomat", s.Speaker);
        Assert.Equal("senior diplomat", s.Role);
    }

    [Fact]
    public void Quoted_X_as_saying_gives_via()
    {
        var s = Assert.Single(Extract("Local broadcaster NTV quoted Prime Minister Lars Holm as saying the border would reopen soon."));
        Assert.Equal("quoted ... as saying", s.Cue);
        Assert.Equal("Lars Holm", s.Speaker);
        Assert.Equal("NTV", s.Via);
        Assert.Equal("the border would reopen soon", s.Content);
    }

    [Fact]
    public void Who_declined_to_be_identified_is_anonymous_with_a_reason()
    {
        var s = Assert.Single(Extract("A European official who declined to be identified said: “No deal is possible this week.”"));
        Assert.True(s.Anonymous);
        Assert.Equal("declined to be identified", s.AnonymityReason);
        Assert.Equal("direct", s.Mode);
        Assert.Equal("No deal is possible this week.", s.Content);
        Assert.Equal("a European official", s.Speaker);
    }

    [Fact]
    public void Condition_of_anonymity_reason_is_carried_to_the_same_source()
    {
        var st = Extract("The plant will close next year, an official said.",
                         "The official, speaking on condition of anonymity because the plan is not public, said 300 jobs would go.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("because the plan is not public", s.AnonymityReason));
        Assert.All(st, s => Assert.Equal("an official", s.Speaker));
    }

    [Fact]
    public void Continuation_quote_inherits_speaker_cue_and_medium()
    {
        var st = Extract("“The market is oversupplied,” trader Ben Cole told Reuters.",
                         "“Prices could drop another ten percent.”");
        Assert.Equal(2, st.Count);
        Assert.Equal("Ben Cole", st[1].Speaker);
        Assert.Equal("told Reuters", st[1].Cue);
        Assert.Equal("Reuters", st[1].Medium);
        Assert.Equal("direct", st[1].Mode);
        Assert.Equal("Prices could drop another ten percent.", st[1].Content);
        Assert.Equal(2, st[1].Paragraph);
    }

    [Fact]
    public void Relative_clause_who_said()
    {
        var st = Extract("The strike was called by port workers, who said wages had not kept up with prices.");
        var s = Assert.Single(st);
        Assert.Equal("who", s.SpeakerText);
        Assert.Equal("wages had not kept up with prices", s.Content);
    }

    [Fact]
    public void Participle_adding_is_its_own_statement()
    {
        var st = Extract("Airline chief Sara Lind said demand was recovering, adding that fares would rise.");
        Assert.Equal(2, st.Count);
        Assert.Equal("demand was recovering", st[0].Content);
        Assert.Equal("adding", st[1].Cue);
        Assert.Equal("fares would rise", st[1].Content);
        Assert.Equal("Sara Lind", st[1].Speaker);
    }

    [Fact]
    public void Capital_as_metonym_is_the_government()
    {
        var s = Assert.Single(Extract("Moscow said the sanctions were illegal."));
        Assert.Equal("Russia", s.Speaker);
        Assert.Equal("government", s.SpeakerType);
        Assert.False(s.Anonymous);
    }

    [Fact]
    public void Plural_group_is_collective()
    {
        var s = Assert.Single(Extract("Western diplomats say the vote will be delayed."));
        Assert.Equal("collective", s.SpeakerType);
        Assert.True(s.Anonymous);
        Assert.Equal("Western diplomats", s.Speaker);
    }

    [Fact]
    public void Directive_urged_keeps_addressee_and_infinitive()
    {
        var s = Assert.Single(Extract("The commission urged member states to cut emissions faster."));
        Assert.Equal("urged", s.Cue);
        Assert.Equal("member states to cut emissions faster", s.Content);
    }

    [Fact]
    public void Narration_headline_and_subheads_give_nothing()
    {
        Assert.Empty(Extract("The river rose two metres overnight.", "FLOOD WARNINGS SAID TO RISE", "Roads were closed."));
    }

    [Fact]
    public void Offsets_point_into_the_input()
    {
        string text = "Test headline\n\nPARIS (Reuters) – Minister Jean Roux said taxes would fall.\n";
        var s = Assert.Single(Extractor.Extract(ArticleParser.ParseText(text)[0]));
        Assert.Equal(s.Content, text[s.ContentStart..s.ContentEnd]);
        Assert.Equal(s.Cue, text[s.CueStart..s.CueEnd]);
        Assert.Equal(s.SpeakerText, text[s.SpeakerStart..s.SpeakerEnd]);
    }

    [Fact]
    public void Thought_report_with_a_phrase_cue()
    {
        var st = Extract("Diplomats saw little chance of a breakthrough, while bankers held out hope for a deal.");
        Assert.Contains(st, s => s.Cue == "saw" && s.Content.StartsWith("little chance of a breakthrough") && s.SpeakerType == "collective");
        Assert.Contains(st, s => s.Cue == "held out" && s.Content.StartsWith("hope for a deal"));
    }

    [Fact]
    public void Attribution_inside_a_relative_clause_is_its_own_statement()
    {
        var st = Extract("The United States urged allies to join a campaign that it says must be accelerated.");
        Assert.Equal(2, st.Count);
        Assert.Equal("allies to join a campaign", st[0].Content);
        Assert.Equal("must be accelerated", st[1].Content);
        Assert.All(st, s => Assert.Equal("United States", s.Speaker));
    }

    [Fact]
    public void The_company_resolves_to_the_company_in_the_story()
    {
        var st = Extract("Acme Widgets Inc said it would cut 200 jobs.", "The company said sales fell 10 pct.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Acme Widgets Inc", s.Speaker));
        Assert.All(st, s => Assert.Equal("organization", s.SpeakerType));
    }

    [Fact]
    public void An_office_named_in_the_next_paragraph_is_that_person()
    {
        var st = Extract("The governor of the central bank urged banks to lend more.",
                         "Ruth Adebayo told reporters that rates would stay low.");
        Assert.Equal(2, st.Count);
        Assert.All(st, s => Assert.Equal("Ruth Adebayo", s.Speaker));
        Assert.All(st, s => Assert.False(s.Anonymous));
    }
}
