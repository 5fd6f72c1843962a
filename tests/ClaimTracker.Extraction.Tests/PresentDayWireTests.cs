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
}
