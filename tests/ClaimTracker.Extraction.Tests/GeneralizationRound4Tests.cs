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
}
