using System.IO.Compression;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KollegialtUtbyte.Feedback.Tests.Support;

/// <summary>Real files of each accepted format, and some that must be refused, built in memory.</summary>
public static class SampleFiles
{
    /// <summary>A PDF written by PDFsharp (MIT): two pages with shapes (no fonts needed on a server without them).</summary>
    public static byte[] Pdf()
    {
        using var document = new PdfDocument();
        document.Info.Title = "Värmlandsstrategin – utkast";
        for (var i = 0; i < 2; i++)
        {
            var page = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawRectangle(XPens.DarkGreen, XBrushes.LightGreen, 50, 50 + (i * 20), 300, 120);
            graphics.DrawLine(XPens.Black, 50, 300, 400, 300);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The parts Word needs for a minimal document.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """, true),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>
            """, true),
        ("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:body><w:p><w:r><w:t>Handlingsplan för hållbar besöksnäring</w:t></w:r></w:p></w:body>
            </w:document>
            """, true));

    /// <summary>An OpenDocument text: the uncompressed <c>mimetype</c> entry comes first, as the standard requires.</summary>
    public static byte[] Odt() => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.text", false),
        ("META-INF/manifest.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
              <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
              <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """, true),
        ("content.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
              <office:body><office:text><text:p>Hållbarhetshandbok</text:p></office:text></office:body>
            </office:document-content>
            """, true));

    /// <summary>A file of exactly <paramref name="length"/> bytes that starts like a PDF (what the format check reads), for the size limits.</summary>
    public static byte[] PdfOfLength(int length)
    {
        var content = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }

    /// <summary>A ZIP that is neither: a spreadsheet-like container.</summary>
    public static byte[] OtherZip() => Zip(("xl/workbook.xml", "<workbook/>", true), ("[Content_Types].xml", "<Types/>", true));

    public static byte[] Markdown() => Encoding.UTF8.GetBytes("""
        # Värmlandsstrategin

        Hållbarhet är norm i det regionala utvecklingsarbetet.

        - Förändringslogik
        - Intressentanalys
        """);

    /// <summary>The start of a Windows executable: "MZ", a DOS stub and the zero padding every PE header has.</summary>
    public static byte[] Exe()
    {
        var bytes = new byte[4096];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[2] = 0x90;
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 0x4E);
        bytes[0x3C] = 0x80;
        Encoding.ASCII.GetBytes("PE\0\0").CopyTo(bytes, 0x80);
        return bytes;
    }

    private static byte[] Zip(params (string Name, string Content, bool Compress)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, compress) in entries)
            {
                var entry = zip.CreateEntry(name, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return output.ToArray();
    }
}
