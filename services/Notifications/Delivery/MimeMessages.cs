using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using KollegialtUtbyte.Notifications.Domain;
using KollegialtUtbyte.Notifications.Domain.Mails;

namespace KollegialtUtbyte.Notifications.Delivery;

/// <summary>
/// Builds the MIME message of a rendered mail: multipart/alternative with text/plain, text/html and,
/// for meeting mails, text/calendar with its method parameter (what calendar clients act on), plus
/// the same calendar object as an .ics attachment for clients that only show attachments.
/// </summary>
internal static class MimeMessages
{
    public static MailMessage Create(Guid mailId, MailContent content, MailRecipient recipient, Mailbox sender)
    {
        var message = new MailMessage
        {
            From = new MailAddress(sender.Address, sender.Name, Encoding.UTF8),
            Subject = content.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(recipient.Email, recipient.Name, Encoding.UTF8));

        // The same id on every attempt, so a mail delivered twice after a crash is recognisably one.
        message.Headers.Add("Message-ID", $"<{mailId:N}@{new MailAddress(sender.Address).Host}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Content-Language", recipient.Language.Code());

        // Text lines end with CRLF in MIME (RFC 2045), so quoted-printable keeps them as real line breaks.
        message.AlternateViews.Add(View(content.PlainText.ReplaceLineEndings("\r\n"), new ContentType(MediaTypeNames.Text.Plain) { CharSet = "utf-8" },
            TransferEncoding.QuotedPrintable));
        message.AlternateViews.Add(View(content.Html.ReplaceLineEndings("\r\n"), new ContentType(MediaTypeNames.Text.Html) { CharSet = "utf-8" },
            TransferEncoding.QuotedPrintable));

        if (content.Calendar is { } calendar)
        {
            var calendarType = new ContentType("text/calendar") { CharSet = "utf-8" };
            calendarType.Parameters["method"] = calendar.MethodName;
            message.AlternateViews.Add(View(calendar.Text, calendarType, TransferEncoding.Base64));

            var fileName = calendar.Method == Calendar.CalendarMethod.Cancel ? "cancel.ics" : "invite.ics";
            var attachmentType = new ContentType("application/ics") { Name = fileName, CharSet = "utf-8" };
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(calendar.Text)), attachmentType) { TransferEncoding = TransferEncoding.Base64 };
            attachment.ContentDisposition!.FileName = fileName;
            message.Attachments.Add(attachment);
        }

        return message;
    }

    private static AlternateView View(string content, ContentType type, TransferEncoding encoding) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(content)), type) { TransferEncoding = encoding };
}
