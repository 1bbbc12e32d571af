using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Testing.Mail;

/// <summary>A mail as a recipient's client sees it: headers decoded, MIME parts decoded, the calendar parsed, the links found.</summary>
public sealed partial class ReceivedMail
{
    private ReceivedMail(string fileName, MimeEntity root)
    {
        FileName = fileName;
        Root = root;
    }

    public string FileName { get; }

    public MimeEntity Root { get; }

    public string Subject => Root.Header("Subject") ?? "";

    /// <summary>The address of the (only) recipient.</summary>
    public string To => AddressIn(Root.Header("To") ?? "");

    public string ToHeader => Root.Header("To") ?? "";

    public string From => AddressIn(Root.Header("From") ?? "");

    public IEnumerable<MimeEntity> Leaves => Root.Leaves();

    public MimeEntity TextPart => Leaves.Single(p => p.MediaType == "text/plain");

    public MimeEntity HtmlPart => Leaves.Single(p => p.MediaType == "text/html");

    public string PlainText => TextPart.Text;

    public string Html => HtmlPart.Text;

    /// <summary>The text/calendar alternative (the part calendar clients act on), or null.</summary>
    public MimeEntity? CalendarPart => Leaves.SingleOrDefault(p => p.MediaType == "text/calendar");

    public MimeEntity? CalendarAttachment => Leaves.SingleOrDefault(p => p.MediaType == "application/ics");

    public CalendarComponent Calendar => IcsReader.Parse(CalendarPart?.Text ?? throw new InvalidOperationException($"'{Subject}' has no calendar part."));

    public CalendarComponent Event => Calendar.Descendants("VEVENT").Single();

    /// <summary>The links of the HTML part (href values, decoded).</summary>
    public IReadOnlyList<Uri> HtmlLinks => HrefPattern().Matches(Html).Select(m => new Uri(WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();

    /// <summary>The links of the plain-text part.</summary>
    public IReadOnlyList<Uri> TextLinks => UrlPattern().Matches(PlainText).Select(m => new Uri(m.Value)).ToList();

    public static ReceivedMail Load(string path) => new(Path.GetFileName(path), MimeEntity.Parse(File.ReadAllText(path, Encoding.Latin1)));

    public override string ToString() => $"{To}: {Subject}";

    private static string AddressIn(string header) => AddressPattern().Match(header) is { Success: true } match ? match.Groups[1].Value : header.Trim();

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex AddressPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}

/// <summary>A MIME entity (RFC 2045/2046), parsed strictly enough to test what the service writes.</summary>
public sealed partial class MimeEntity
{
    private readonly List<KeyValuePair<string, string>> _headers;

    private MimeEntity(List<KeyValuePair<string, string>> headers, byte[] body, List<MimeEntity> parts)
    {
        _headers = headers;
        Body = body;
        Parts = parts;
        var (mediaType, parameters) = ParseContentType(Header("Content-Type") ?? "text/plain; charset=us-ascii");
        MediaType = mediaType;
        ContentTypeParameters = parameters;
    }

    public string MediaType { get; }

    public IReadOnlyDictionary<string, string> ContentTypeParameters { get; }

    /// <summary>The body after the transfer encoding is undone.</summary>
    public byte[] Body { get; }

    public IReadOnlyList<MimeEntity> Parts { get; }

    public string Text => Encoding.GetEncoding(ContentTypeParameters.GetValueOrDefault("charset", "us-ascii")).GetString(Body);

    /// <summary>A header's value with RFC 2047 encoded words decoded.</summary>
    public string? Header(string name) =>
        _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => DecodeWords(h.Value)).FirstOrDefault();

    public IEnumerable<MimeEntity> Leaves() => Parts.Count == 0 ? [this] : Parts.SelectMany(p => p.Leaves());

    public static MimeEntity Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = split < 0 ? raw : raw[..split];
        var bodyText = split < 0 ? "" : raw[(split + 4)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerText.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line);
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "text/plain";
        var (mediaType, parameters) = ParseContentType(contentType);
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = parameters["boundary"];
            return new MimeEntity(headers, [], SplitParts(bodyText, boundary).Select(Parse).ToList());
        }

        var encoding = headers.FirstOrDefault(h => h.Key.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value?.Trim().ToLowerInvariant();
        var body = encoding switch
        {
            "base64" => Convert.FromBase64String(string.Concat(bodyText.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => DecodeQuotedPrintable(bodyText),
            _ => Encoding.Latin1.GetBytes(bodyText),
        };
        return new MimeEntity(headers, body, []);
    }

    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var lines = body.Split("\r\n");
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line == delimiter || line == delimiter + "--")
            {
                if (current is not null)
                {
                    yield return string.Join("\r\n", current);
                }

                if (line.EndsWith("--", StringComparison.Ordinal) && line != delimiter)
                {
                    yield break;
                }

                current = [];
            }
            else
            {
                current?.Add(line);
            }
        }

        throw new FormatException($"Multipart body without the closing delimiter {delimiter}--.");
    }

    private static (string MediaType, IReadOnlyDictionary<string, string> Parameters) ParseContentType(string value)
    {
        var parts = value.Split(';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parameters[parameter[..equals].Trim()] = parameter[(equals + 1)..].Trim().Trim('"');
            }
        }

        return (parts[0].Trim().ToLowerInvariant(), parameters);
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var unfolded = text.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>(unfolded.Length);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length)
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)unfolded[i]);
            }
        }

        return bytes.ToArray();
    }

    private static string DecodeWords(string value)
    {
        // Whitespace between adjacent encoded words is not part of the text (RFC 2047 §6.2).
        var joined = AdjacentWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match =>
        {
            var encoding = Encoding.GetEncoding(match.Groups[1].Value);
            var data = match.Groups[3].Value;
            var bytes = match.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(data)
                : DecodeQuotedPrintable(data.Replace('_', ' '));
            return encoding.GetString(bytes);
        });
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWords();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
