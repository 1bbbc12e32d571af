using System.Text;
using KollegialtUtbyte.Notifications.Domain.Mails;
using MimeKit;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>
/// Builds the MIME message of a rendered mail: multipart/alternative with text/plain, text/html and,
/// for meeting mails, text/calendar with its method parameter (what calendar clients act on), plus
/// the same calendar object as an .ics attachment for clients that only show attachments.
/// </summary>
internal static class MimeMessages
{
    public static MimeMessage Create(Guid mailId, MailContent content, MailRecipient recipient, Mailbox sender, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = content.Subject,
            Date = date,

            // The same id on every attempt, so a mail delivered twice after a crash is recognisably one.
            MessageId = $"{mailId:N}@{MailboxAddress.Parse(sender.Address).Domain}",
        };
        message.From.Add(new MailboxAddress(Encoding.UTF8, sender.Name, sender.Address));
        message.To.Add(new MailboxAddress(Encoding.UTF8, recipient.Name, recipient.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // Text lines end with CRLF in MIME (RFC 2045), so quoted-printable keeps them as real line breaks.
        var alternative = new MultipartAlternative
        {
            Text("plain", content.PlainText.ReplaceLineEndings("\r\n"), ContentEncoding.QuotedPrintable),
            Text("html", content.Html.ReplaceLineEndings("\r\n"), ContentEncoding.QuotedPrintable),
        };

        MimeEntity body = alternative;
        if (content.Calendar is { } calendar)
        {
            var calendarPart = Text("calendar", calendar.Text, ContentEncoding.Base64);
            calendarPart.ContentType.Parameters.Add("method", calendar.MethodName);
            alternative.Add(calendarPart);

            var fileName = calendar.Method == Calendar.CalendarMethod.Cancel ? "cancel.ics" : "invite.ics";
            var attachment = new MimePart("application", "ics")
            {
                Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(calendar.Text))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = fileName },
                ContentTransferEncoding = ContentEncoding.Base64,
            };
            attachment.ContentType.Name = fileName;
            attachment.ContentType.Charset = "utf-8";
            body = new Multipart("mixed") { alternative, attachment };
        }

        body.Headers.Add(HeaderId.ContentLanguage, recipient.Language.Code());
        message.Body = body;
        return message;
    }

    private static TextPart Text(string subtype, string text, ContentEncoding encoding)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = encoding };
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
