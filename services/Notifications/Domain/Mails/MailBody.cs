using System.Net;
using System.Text;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>
/// Writes one mail twice, as plain text and as simple, accessible HTML (language attribute, a title,
/// one heading, paragraphs, a definition list for facts, descriptive link texts, no images or layout
/// tables). Everything that comes from data is HTML-encoded.
/// </summary>
internal sealed class MailBody
{
    private readonly Language _language;
    private readonly string _subject;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBody(Language language, string subject, string heading)
    {
        _language = language;
        _subject = subject;
        _text.Append(heading).Append("\n\n");
        _html.Append("<h1 style=\"font-size:1.4em;margin:0 0 0.8em\">").Append(Encode(heading)).Append("</h1>\n");
    }

    public MailBody Greeting(string? name) =>
        Paragraph(_language == Language.English
            ? string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},"
            : string.IsNullOrWhiteSpace(name) ? "Hej!" : $"Hej {name}!");

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        return this;
    }

    public MailBody SubHeading(string text)
    {
        _text.Append(text).Append('\n');
        _html.Append("<h2 style=\"font-size:1.1em;margin:1.2em 0 0.4em\">").Append(Encode(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>Labelled facts ("When: ..."); facts without a value are left out.</summary>
    public MailBody Facts(params (string Label, string? Value)[] facts)
    {
        var present = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        if (present.Count == 0)
        {
            return this;
        }

        _html.Append("<dl>\n");
        foreach (var (label, value) in present)
        {
            _text.Append(label).Append(": ").Append(value).Append('\n');
            _html.Append("<dt style=\"font-weight:bold\">").Append(Encode(label)).Append("</dt><dd style=\"margin:0 0 0.5em 0\">")
                .Append(Encode(value!)).Append("</dd>\n");
        }

        _text.Append('\n');
        _html.Append("</dl>\n");
        return this;
    }

    /// <summary>Links the reader acts on (answers, activation), shown as buttons in HTML.</summary>
    public MailBody Actions(params (string Text, Uri Url)[] actions)
    {
        _html.Append("<ul style=\"list-style:none;padding:0\">\n");
        foreach (var (text, url) in actions)
        {
            _text.Append(text).Append(":\n").Append(url.AbsoluteUri).Append("\n\n");
            _html.Append("<li style=\"margin:0 0 0.6em\"><a href=\"").Append(Encode(url.AbsoluteUri))
                .Append("\" style=\"display:inline-block;padding:0.5em 1em;background:#0b4f8a;color:#ffffff;text-decoration:underline;border-radius:4px\">")
                .Append(Encode(text)).Append("</a></li>\n");
        }

        _html.Append("</ul>\n");
        return this;
    }

    public MailBody Link(string text, Uri url)
    {
        _text.Append(text).Append(": ").Append(url.AbsoluteUri).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Encode(url.AbsoluteUri)).Append("\">").Append(Encode(text)).Append("</a></p>\n");
        return this;
    }

    public MailContent Build(CalendarPart? calendar = null)
    {
        var english = _language == Language.English;
        var closing = english ? "Kind regards" : "Med vänliga hälsningar";
        var footer = english
            ? $"This mail was sent automatically by {MailSettings.ServiceName}."
            : $"Det här mejlet skickades automatiskt från {MailSettings.ServiceName}.";

        var text = new StringBuilder(_text.ToString())
            .Append(closing).Append('\n').Append(MailSettings.ServiceName).Append("\n\n-- \n").Append(footer).Append('\n');

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(_language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(_subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff;max-width:40em;margin:0 auto;padding:1em\">\n")
            .Append("<main>\n").Append(_html)
            .Append("<p>").Append(Encode(closing)).Append("<br>\n").Append(Encode(MailSettings.ServiceName)).Append("</p>\n</main>\n")
            .Append("<footer><p style=\"font-size:0.875em;color:#4a4a4a\">").Append(Encode(footer)).Append("</p></footer>\n")
            .Append("</body>\n</html>\n");

        return new MailContent(_subject, text.ToString(), html.ToString(), calendar);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
