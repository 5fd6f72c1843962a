using System.IO.Compression;
using System.Text;
using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Extraction.Tests;

public class ParsingTests
{
    static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds", "000_d4dcac6c5e52dfbe.txt");
    static string Dev => Path.Combine(AppContext.BaseDirectory, "data", "dev-1987.txt");

    [Fact]
    public void Seed_file_has_ten_articles_with_datelines_and_credits()
    {
        string text = File.ReadAllText(Seeds);
        var articles = ArticleParser.ParseText(text);
        Assert.Equal(10, articles.Count);
        var a2 = articles[1];
        Assert.Equal("Russia keeps bombing despite Syria truce, Assad vows to fight on", a2.Headline);
        Assert.Equal("Reuters", a2.Agency);
        Assert.Equal(["MUNICH", "AMMAN"], a2.DatelinePlaces);
        Assert.NotNull(a2.Credits);
        Assert.Contains(a2.Credits!.AdditionalReporting, c => c.Name == "Robin Emmott" && c.Place == "Munich");
        Assert.Contains(a2.Credits.AdditionalReporting, c => c.Name == "Suleiman al-Khalidi" && c.Place == "Amman");
        Assert.Equal(["Peter Graff", "Anna Willard"], a2.Credits.Writers);
        Assert.Equal(["Andrew Roche"], a2.Credits.Editors);
        Assert.Equal(["Anthony Deutsch"], articles[0].Credits!.Reporters);
        // the credits line is not a paragraph; the last paragraph of a1 is its 9th
        Assert.Equal(9, articles[0].Paragraphs[^1].Number);
        Assert.Equal(["UNITED NATIONS", "DAMASCUS", "ONCUPINAR", "Turkey"], articles[6].DatelinePlaces);
    }

    [Fact]
    public void Paragraph_numbers_count_subheads_and_skip_the_dateline()
    {
        var a2 = ArticleParser.ParseText(File.ReadAllText(Seeds))[1];
        var sub = a2.Paragraphs.Single(p => a2.Text[p.Start..p.End] == "RUSSIAN TARGETS");
        Assert.True(sub.IsSubhead);
        Assert.Equal(18, sub.Number);
        var first = a2.Paragraphs[0];
        Assert.Equal(1, first.Number);
        Assert.StartsWith("Major powers agreed", a2.Text[first.BodyStart..first.End]);
    }

    [Fact]
    public void Reuters_1987_layout_with_month_datelines()
    {
        var articles = ArticleParser.ParseText(File.ReadAllText(Dev));
        Assert.Equal(10, articles.Count);
        Assert.Equal("KLM DENIES PRESS REPORT OF AIR ATLANTA TAKEOVER", articles[0].Headline);
        Assert.Equal("AMSTERDAM, March 18 -", articles[0].Dateline);
        Assert.Null(articles[0].Credits);
        Assert.Equal(["TRAIL", "BRITISH COLUMBIA"], articles[9].DatelinePlaces);
        var p1 = articles[0].Paragraphs[0];
        Assert.StartsWith("NV KLM Royal Dutch Airlines", articles[0].Text[p1.BodyStart..p1.End]);
    }

    [Fact]
    public void Plain_hyphen_dateline_is_recognised()
    {
        var a = Assert.Single(ArticleParser.ParseText("Head\n\nBERLIN (Reuters) - Body text here.\n"));
        Assert.Equal("BERLIN (Reuters) -", a.Dateline);
    }

    static string Temp(string name) => Path.Combine(Path.GetTempPath(), "ct-extract-" + Guid.NewGuid().ToString("N") + "-" + name);

    [Fact]
    public void Jsonl_and_gzipped_jsonl_stream_articles()
    {
        string line1 = "{\"id\":\"x-1\",\"headline\":\"OIL UP\",\"dateline\":\"LONDON, March 3 -\",\"body\":\"LONDON, March 3 - Oil rose, traders said.\\n\\nPrices may fall again, one dealer said.\"}";
        string content = line1 + "\nnot json\n{\"headline\":\"B\",\"body\":\"X\"}\n";
        string path = Temp("a.jsonl"), gz = Temp("a.jsonl.gz");
        File.WriteAllText(path, content);
        using (var f = File.Create(gz))
        using (var z = new GZipStream(f, CompressionLevel.Fastest))
            z.Write(Encoding.UTF8.GetBytes(content));
        foreach (var p in new[] { path, gz })
        {
            var bad = new List<string>();
            var articles = ArchiveReader.ReadFile(p, bad.Add).ToList();
            Assert.Equal(2, articles.Count);
            Assert.Single(bad);
            Assert.Equal("x-1", articles[0].Id);
            Assert.Equal(2, articles[0].Paragraphs.Count);
            Assert.Equal("LONDON, March 3 -", articles[0].Dateline);
            var st = Extractor.Extract(articles[0]);
            Assert.Equal(2, st.Count);
            Assert.Equal("Oil rose", st[0].Content);
            Assert.Equal(st[1].Content, articles[0].Text[st[1].ContentStart..st[1].ContentEnd]);
            Assert.Equal(2, st[1].Paragraph);
            File.Delete(p);
        }
    }

    [Fact]
    public void Csv_in_the_isot_layout_with_rfc4180_quoting()
    {
        string csv = "title,text,subject,date\n" +
                     "\"Talks stall, envoy says\",\"GENEVA (Reuters) - The talks have stalled, a U.N. envoy said on Monday, adding \"\"we will try again\"\".\",worldnews,\"March 1, 2017 \"\n" +
                     "Second,\"Line one\nline two, with comma\",politicsNews,\"March 2, 2017\"\n";
        string path = Temp("a.csv");
        File.WriteAllText(path, csv);
        var articles = ArchiveReader.ReadFile(path).ToList();
        File.Delete(path);
        Assert.Equal(2, articles.Count);
        Assert.Equal("Talks stall, envoy says", articles[0].Headline);
        Assert.Equal("March 1, 2017", articles[0].Date);
        Assert.Equal("GENEVA (Reuters) -", articles[0].Dateline);
        var st = Extractor.Extract(articles[0]);
        Assert.Contains(st, s => s.Content == "The talks have stalled" && s.Speaker == "a U.N. envoy");
        Assert.Equal(2, articles[1].Paragraphs.Count);
    }
}

/// <summary>Hostile input: the extractor never throws, whatever the text.</summary>
public class HostileInputTests
{
    static void NoThrow(string text)
    {
        foreach (var a in ArticleParser.ParseText(text)) _ = Extractor.Extract(a);
        _ = Extractor.Extract(ArticleParser.FromRecord("H", text, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("said")]
    [InlineData("“")]
    [InlineData("” said he, “ “ ” ” said")]
    [InlineData("Head\n\nX (Reuters) – “Unclosed quote, he said. And more, according to")]
    [InlineData("Head\n\nX (Reuters) – \"straight \"quotes\" everywhere,\" said \"he\" \"")]
    [InlineData("Head\n\nX (Reuters) – according to , said , told , quoted as saying , who said , which said")]
    [InlineData("Head\n\nX (Reuters) – , , , . . . : : ; ; – – ( ) ( ( ) ) ’s ’ ‘")]
    [InlineData("All said.")]
    [InlineData("Head\n\nX (Reuters) – All said no.")]
    [InlineData("Head\n\nX (Reuters) – The ministry said without quotes that it would said said said told told Reuters told")]
    public void Odd_texts(string text) => NoThrow(text);

    [Fact]
    public void Binary_garbage()
    {
        var rnd = new Random(42);
        var bytes = new byte[200_000];
        rnd.NextBytes(bytes);
        NoThrow(Encoding.UTF8.GetString(bytes));
        NoThrow(Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Enormous_single_paragraph()
    {
        var sb = new StringBuilder("Head\n\nLONDON (Reuters) – ");
        for (int i = 0; i < 40_000; i++) sb.Append("“Prices will rise, ” said Ann Lee, adding that costs would fall, according to the report ");
        var a = ArticleParser.ParseText(sb.ToString())[0];
        var st = Extractor.Extract(a);
        Assert.NotNull(st);
    }

    [Fact]
    public void Random_word_salad_from_the_lexicon()
    {
        string[] words = ["said", "told", "Reuters", "“", "”", "\"", ",", ".", "who", "which", "according", "to", "he", "she",
                          "quoted", "as", "saying", "The", "minister", "John", "Smith", "adding", "that", ":", "(", ")", "\n\n", "A", "diplomat"];
        var rnd = new Random(7);
        for (int n = 0; n < 300; n++)
        {
            var sb = new StringBuilder("Head\n\nPARIS (Reuters) – ");
            for (int i = 0; i < 200; i++) sb.Append(words[rnd.Next(words.Length)]).Append(rnd.Next(3) == 0 ? "" : " ");
            NoThrow(sb.ToString());
        }
    }
}
