using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>
/// Reads a PDF's text back as the reader's software does: every text-showing operator of every
/// page (Tj, TJ, ', ") in drawing order, decoded by its font: a simple font in WinAnsiEncoding
/// (what PDFsharp writes when every character fits it) byte by byte, a composite font's two-byte
/// codes (Identity-H) through its ToUnicode map.
/// </summary>
internal static partial class PdfText
{
    /// <summary>One string per text-showing operator: with PDFsharp, one per DrawString.</summary>
    public static List<string> Runs(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var runs = new List<string>();
        foreach (var page in document.Pages)
        {
            var fonts = page.Resources.Elements.GetDictionary("/Font")
                ?? throw new InvalidOperationException("The page has no fonts.");
            var maps = fonts.Elements.Keys.ToDictionary(name => name, name => Decoder(name, fonts.Elements.GetDictionary(name)!));
            Func<byte[], string>? font = null;
            foreach (var op in ContentReader.ReadContent(page).OfType<COperator>())
            {
                switch (op.Name)
                {
                    case "Tf":
                        font = maps[((CName)op.Operands[0]).Name];
                        break;
                    case "Tj" or "'":
                        runs.Add(Decode((CString)op.Operands[0], font));
                        break;
                    case "\"":
                        runs.Add(Decode((CString)op.Operands[2], font));
                        break;
                    case "TJ":
                        runs.Add(string.Concat(((CArray)op.Operands[0]).OfType<CString>().Select(s => Decode(s, font))));
                        break;
                }
            }
        }

        return runs;
    }

    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    private static string Decode(CString text, Func<byte[], string>? font) =>
        (font ?? throw new InvalidOperationException("Text shown before a font was chosen."))([.. text.Value.Select(c => checked((byte)c))]);

    private static Func<byte[], string> Decoder(string name, PdfDictionary font)
    {
        if (font.Elements.GetDictionary("/ToUnicode") is { } cmap)
        {
            var map = ToUnicode(cmap);
            return bytes =>
            {
                var decoded = new StringBuilder();
                for (var i = 0; i + 1 < bytes.Length; i += 2)
                {
                    decoded.Append(map.TryGetValue((bytes[i] << 8) | bytes[i + 1], out var unicode) ? unicode : "\uFFFD");
                }

                return decoded.ToString();
            };
        }

        return font.Elements.GetName("/Encoding") == "/WinAnsiEncoding"
            ? WinAnsi.GetString
            : throw new InvalidOperationException($"Font {name} has neither a ToUnicode map nor WinAnsiEncoding: its text cannot be read back.");
    }

    /// <summary>The bfchar and bfrange entries of a ToUnicode CMap.</summary>
    private static Dictionary<int, string> ToUnicode(PdfDictionary cmap)
    {
        var text = Encoding.ASCII.GetString(cmap.Stream.UnfilteredValue);
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(text))
        {
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
            {
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            }
        }

        foreach (Match block in BfRange().Matches(text))
        {
            foreach (Match range in Range().Matches(block.Groups[1].Value))
            {
                var (from, to, first) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
                for (var code = from; code <= to; code++)
                {
                    map[code] = char.ConvertFromUtf32(first + (code - from));
                }
            }
        }

        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) =>
        new(Enumerable.Range(0, hex.Length / 4).Select(i => (char)Hex(hex.Substring(i * 4, 4))).ToArray());

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
