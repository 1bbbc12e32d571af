using System.Text;
using KollegialtUtbyte.Feedback.Domain;

namespace KollegialtUtbyte.Feedback.Tests.Domain;

/// <summary>The format comes from the content, fed in chunks as an upload streams; names are made safe.</summary>
public sealed class DocumentFormatTests
{
    public static TheoryData<string, DocumentFormat?> Samples => new()
    {
        { "pdf", DocumentFormat.Pdf },
        { "docx", DocumentFormat.Docx },
        { "odt", DocumentFormat.Odt },
        { "markdown", DocumentFormat.Markdown },
        { "exe", null },
        { "other-zip", null },
        { "latin1-text", null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_format_is_recognised_from_the_content_in_small_chunks(string sample, DocumentFormat? expected)
    {
        var content = sample switch
        {
            "pdf" => SampleFiles.Pdf(),
            "docx" => SampleFiles.Docx(),
            "odt" => SampleFiles.Odt(),
            "markdown" => SampleFiles.Markdown(),
            "exe" => SampleFiles.Exe(),
            "other-zip" => SampleFiles.OtherZip(),
            _ => Encoding.Latin1.GetBytes("Hållbar styrning i Västerbotten"),
        };

        Assert.Equal(expected, Detect(content, chunkSize: 7));
    }

    [Fact]
    public void A_utf8_character_split_across_chunks_is_still_text()
    {
        var content = Encoding.UTF8.GetBytes("Åtgärder för ökad jämställdhet");

        // Chunks of one byte split every two-byte character.
        Assert.Equal(DocumentFormat.Markdown, Detect(content, chunkSize: 1));
    }

    [Fact]
    public void Text_with_a_nul_byte_or_cut_off_mid_character_is_not_markdown()
    {
        Assert.Null(Detect([.. "# Rubrik\n"u8, 0, .. "mer text"u8], chunkSize: 4));
        Assert.Null(Detect([.. "Region Sörmland"u8.ToArray()[..9]], chunkSize: 4));
    }

    [Fact]
    public void A_pdf_header_behind_other_bytes_is_not_a_pdf()
    {
        Assert.Null(Detect([.. SampleFiles.Exe()[..64], .. SampleFiles.Pdf()], chunkSize: 100));
    }

    [Theory]
    [InlineData("../../etc/passwd", DocumentFormat.Markdown, "passwd.md")]
    [InlineData("..\\..\\Windows\\win.ini", DocumentFormat.Markdown, "win.ini.md")]
    [InlineData("C:\\Users\\eva\\Värmlandsstrategin.pdf", DocumentFormat.Pdf, "Värmlandsstrategin.pdf")]
    [InlineData("strategi\u202Efdp.exe", DocumentFormat.Pdf, "strategifdp.exe.pdf")]
    [InlineData("  RUS  2022\t utkast .docx ", DocumentFormat.Docx, "RUS 2022 utkast.docx")]
    [InlineData("handbok.pdf", DocumentFormat.Odt, "handbok.odt")]
    [InlineData("a<b>c:d\"e|f?g*h\u0007.md", DocumentFormat.Markdown, "abcdefgh.md")]
    [InlineData("....", DocumentFormat.Pdf, "dokument.pdf")]
    [InlineData(null, DocumentFormat.Pdf, "dokument.pdf")]
    public void File_names_lose_directories_and_unsafe_characters_and_get_the_real_extension(string? original, DocumentFormat format, string expected)
    {
        Assert.Equal(expected, UploadFileName.Sanitise(original, format));
    }

    [Fact]
    public void Long_file_names_are_cut_keeping_the_extension()
    {
        var name = UploadFileName.Sanitise(new string('å', 400) + ".pdf", DocumentFormat.Pdf);

        Assert.Equal(UploadFileName.MaxLength, name.Length);
        Assert.EndsWith(".pdf", name);
    }

    private static DocumentFormat? Detect(byte[] content, int chunkSize)
    {
        var detector = new DocumentFormatDetector();
        for (var offset = 0; offset < content.Length; offset += chunkSize)
        {
            detector.Append(content.AsSpan(offset, Math.Min(chunkSize, content.Length - offset)));
        }

        Assert.Equal(content.Length, detector.Length);
        return detector.Detect(() => new MemoryStream(content));
    }
}
