using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

public sealed record MailRecipient(string Name, string Email, Language Language);

/// <summary>An iCalendar object sent with a mail, and its iTIP method (REQUEST or CANCEL).</summary>
public sealed record CalendarPart(string Text, CalendarMethod Method)
{
    public string MethodName => Method.ToString().ToUpperInvariant();
}

/// <summary>A rendered mail: the same text as plain text and as simple HTML, and possibly a calendar object.</summary>
public sealed record MailContent(string Subject, string PlainText, string Html, CalendarPart? Calendar = null);

/// <summary>What rendering needs from configuration.</summary>
public sealed record MailSettings(Uri PublicBaseUrl, CalendarPerson Organizer, string TimeZone)
{
    public const string ServiceName = "Kollegialt utbyte";

    public MailLinks Links => new(PublicBaseUrl);
}
