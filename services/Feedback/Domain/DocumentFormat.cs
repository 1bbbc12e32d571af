using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>The formats a draft may be uploaded in.</summary>
public enum DocumentFormat
{
    Pdf,
    Docx,
    Odt,
    Markdown,
}

public static class DocumentFormats
{
    public static string ContentType(this DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFormat.Odt => "application/vnd.oasis.opendocument.text",
        DocumentFormat.Markdown => "text/markdown; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string Extension(this DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => ".pdf",
        DocumentFormat.Docx => ".docx",
        DocumentFormat.Odt => ".odt",
        DocumentFormat.Markdown => ".md",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Extensions a client may have given a document; they are replaced by the detected format's.</summary>
    internal static readonly string[] KnownExtensions = [".pdf", ".docx", ".odt", ".md", ".markdown", ".txt", ".doc", ".rtf"];
}

/// <summary>
/// Decides a file's format from its content, never from its name: PDF by its <c>%PDF-</c> header;
/// DOCX and ODT are both ZIP containers, told apart by their entries (ODT's first entry
/// <c>mimetype</c> names it, DOCX has <c>[Content_Types].xml</c> and <c>word/document.xml</c>);
/// Markdown is valid UTF-8 text without NUL bytes. Fed chunk by chunk while the upload streams,
/// so the file never has to be held in memory.
/// </summary>
public sealed class DocumentFormatDetector
{
    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private readonly byte[] _head = new byte[8];
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private int _headLength;
    private bool _mayBeText = true;

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_headLength < _head.Length)
        {
            var take = Math.Min(_head.Length - _headLength, chunk.Length);
            chunk[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }

        Length += chunk.Length;
        if (_mayBeText)
        {
            _mayBeText = !chunk.Contains((byte)0) && IsValidUtf8Continuation(chunk, flush: false);
        }
    }

    /// <summary>
    /// The detected format once every chunk has been appended, or null when the content is none
    /// of the accepted formats. <paramref name="openContent"/> reopens the complete content
    /// (seekable) for the ZIP containers, whose entries are listed at the end of the file.
    /// </summary>
    public DocumentFormat? Detect(Func<Stream> openContent)
    {
        var head = _head.AsSpan(0, _headLength);
        if (head.StartsWith(PdfMagic))
        {
            return DocumentFormat.Pdf;
        }

        if (head.StartsWith(ZipMagic))
        {
            using var content = openContent();
            return ZipContainerFormat(content);
        }

        return Length > 0 && _mayBeText && IsValidUtf8Continuation([], flush: true) ? DocumentFormat.Markdown : null;
    }

    // Decodes (rather than counts) so the decoder carries a character split across chunks.
    private bool IsValidUtf8Continuation(ReadOnlySpan<byte> chunk, bool flush)
    {
        var chars = ArrayPool<char>.Shared.Rent(chunk.Length + 4);
        try
        {
            _utf8.GetChars(chunk, chars, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static DocumentFormat? ZipContainerFormat(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is { Length: < 256 })
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == OdtMimeType)
                {
                    return DocumentFormat.Odt;
                }
            }

            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null)
            {
                return DocumentFormat.Docx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

/// <summary>
/// Turns a client's file name into one that is safe to show and to send back in
/// Content-Disposition: no directories (so no path traversal), no control or reserved
/// characters, a bounded length, and the extension of the detected format.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 150;

    public static string Sanitise(string? original, DocumentFormat format)
    {
        var name = (original ?? "").Normalize(NormalizationForm.FormC);

        // Both separators, whatever the server's platform: a name is never a path.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];

        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            // Format characters include the right-to-left override that disguises "fdp.exe" as "exe.pdf".
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            cleaned.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var stem = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var extension = Path.GetExtension(stem);
        if (DocumentFormats.KnownExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            stem = stem[..^extension.Length];
        }

        stem = stem.Trim(' ', '.');
        if (stem.Length == 0)
        {
            stem = "dokument";
        }

        var suffix = format.Extension();
        if (stem.Length + suffix.Length > MaxLength)
        {
            stem = stem[..(MaxLength - suffix.Length)].TrimEnd(' ', '.');
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }

        return stem + suffix;
    }
}
