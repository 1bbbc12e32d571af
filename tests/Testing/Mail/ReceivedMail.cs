using System.Text;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using MimeKit;

namespace KollegialtUtbyte.Testing.Mail;

/// <summary>
/// A mail as a recipient's client sees it. MimeKit decodes the headers and parts and Ical.Net parses the calendar,
/// so that independent implementations judge what the service writes.
/// </summary>
public sealed partial class ReceivedMail
{
    private ReceivedMail(string fileName, MimeMessage message)
    {
        FileName = fileName;
        Message = message;
    }

    public string FileName { get; }

    public MimeMessage Message { get; }

    public string Subject => Message.Subject ?? "";

    /// <summary>The address of the (only) recipient.</summary>
    public string To => Message.To.Mailboxes.Single().Address;

    /// <summary>The decoded To header, display name included.</summary>
    public string ToHeader => Message.To.ToString();

    public string From => Message.From.Mailboxes.Single().Address;

    /// <summary>The leaf parts (alternatives and attachments).</summary>
    public IEnumerable<MimeEntity> Leaves => Message.BodyParts;

    public TextPart TextPart => Leaves.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "plain"));

    public TextPart HtmlPart => Leaves.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "html"));

    public string PlainText => TextPart.Text;

    public string Html => HtmlPart.Text;

    /// <summary>The text/calendar alternative (the part calendar clients act on), or null.</summary>
    public TextPart? CalendarPart => Leaves.OfType<TextPart>().SingleOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));

    public MimePart? CalendarAttachment => Leaves.OfType<MimePart>().SingleOrDefault(p => p.ContentType.IsMimeType("application", "ics"));

    /// <summary>The calendar part's octets as sent (TextPart.Text would normalise the line endings).</summary>
    public string CalendarText => Decode(CalendarPart ?? throw new InvalidOperationException($"'{Subject}' has no calendar part."));

    /// <summary>The attachment's content with its transfer encoding undone.</summary>
    public string CalendarAttachmentText => Decode(CalendarAttachment ?? throw new InvalidOperationException($"'{Subject}' has no calendar attachment."));

    public Ical.Net.Calendar Calendar => ParseCalendar(CalendarText);

    public CalendarEvent Event => Calendar.Events.Single();

    /// <summary>The links of the HTML part (href values, decoded).</summary>
    public IReadOnlyList<Uri> HtmlLinks => HrefPattern().Matches(Html).Select(m => new Uri(WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();

    /// <summary>The links of the plain-text part.</summary>
    public IReadOnlyList<Uri> TextLinks => UrlPattern().Matches(PlainText).Select(m => new Uri(m.Value)).ToList();

    public static ReceivedMail Load(string path) => new(Path.GetFileName(path), MimeMessage.Load(path));

    public override string ToString() => $"{To}: {Subject}";

    /// <summary>
    /// RFC 5545 content lines end with CRLF; Ical.Net reads bare line feeds too, so that rule is checked here.
    /// </summary>
    private static Ical.Net.Calendar ParseCalendar(string text)
    {
        if (text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
        {
            throw new FormatException("iCalendar lines must end with CRLF.");
        }

        return Ical.Net.Calendar.Load(text) ?? throw new FormatException("No calendar in the calendar part.");
    }

    private static string Decode(MimePart part)
    {
        using var content = new MemoryStream();
        (part.Content ?? throw new InvalidOperationException("The attachment has no content.")).DecodeTo(content);
        var charset = part.ContentType.CharsetEncoding ?? Encoding.UTF8;
        return charset.GetString(content.ToArray());
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}
