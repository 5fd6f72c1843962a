using System.IO.Compression;
using System.Text;
using ClaimTracker.Extraction.Articles;

namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// How a file is read when its name says nothing (standard input, /dev/stdin, no extension): gzip is known by its
/// first bytes, the format by the first line.
/// </summary>
public sealed class ArchiveReaderTests
{
    private const string Story = "Ministers meet again\n\nGENEVA (Reuters) - Foreign Minister Anna Berg said on Monday that the talks would resume.\n";

    private static string Temp(byte[] content, string name = "")
    {
        var path = Path.Combine(Path.GetTempPath(), $"archive-{Guid.NewGuid():N}{name}");
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionMode.Compress)) gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    private static List<Article> Read(string path)
    {
        try { return ArchiveReader.ReadFile(path).ToList(); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Gzip_is_known_by_its_first_bytes_and_JSON_lines_by_the_first_line_when_the_name_says_nothing()
    {
        var jsonl = "{\"headline\":\"Talks resume\",\"body\":\"GENEVA (Reuters) - Foreign Minister Anna Berg said the talks would resume.\"}\n" +
                    "{\"headline\":\"Talks stall\",\"body\":\"ROME (Reuters) - Opposition leader Carl Moss said the talks had stalled.\"}\n";
        var articles = Read(Temp(Gzip(jsonl)));
        Assert.Equal(["Talks resume", "Talks stall"], articles.Select(a => a.Headline));
    }

    [Fact]
    public void A_CSV_header_with_title_and_text_makes_a_nameless_file_CSV()
    {
        var csv = "title,text,subject,date\n\"Talks resume\",\"GENEVA (Reuters) - Foreign Minister Anna Berg said the talks would resume.\",politics,2016\n";
        var article = Assert.Single(Read(Temp(Encoding.UTF8.GetBytes(csv))));
        Assert.Equal("Talks resume", article.Headline);
    }

    [Fact]
    public void Wire_copy_in_a_nameless_file_reads_exactly_as_from_a_txt_file()
    {
        var text = Story + "\nPorts reopen\n\nHAMBURG (Reuters) - Port director Jan Vogt said on Wednesday the terminals would reopen.\r\n";
        var named = Read(Temp(Encoding.UTF8.GetBytes(text), ".txt"));
        var nameless = Read(Temp(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(2, named.Count);
        Assert.Equal(named.Select(a => (a.Headline, a.Text, a.HeadlineStart)), nameless.Select(a => (a.Headline, a.Text, a.HeadlineStart)));
    }

    [Fact]
    public void A_gzipped_file_is_read_whatever_its_name()
    {
        var article = Assert.Single(Read(Temp(Gzip(Story), ".txt")));
        Assert.Equal("Ministers meet again", article.Headline);
    }
}
