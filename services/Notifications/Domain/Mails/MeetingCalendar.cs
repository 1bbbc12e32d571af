using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>
/// The calendar object sent with meeting mails: one VEVENT whose UID is the meeting's (the Meetings
/// service's own .ics uses the same), SEQUENCE the meeting's, the organizer from configuration and
/// the recipient as the only attendee, in the meeting's time zone.
/// </summary>
internal static class MeetingCalendar
{
    public static CalendarPart Write(MeetingMail mail, CalendarMethod method, MailRecipient recipient, MailSettings settings, DateTimeOffset stamp)
    {
        var meeting = mail.Meeting;
        var zone = TimeTexts.Zone(meeting.TimeZone, settings.TimeZone);
        var english = recipient.Language == Language.English;
        var description = string.Join('\n', new[]
        {
            (english ? "Theme: " : "Tema: ") + meeting.Theme,
            meeting.OnlineLink is { Length: > 0 } link ? (english ? "Online: " : "Digitalt: ") + link : null,
        }.OfType<string>());

        var calendarEvent = new CalendarEvent(CalendarUids.ForMeeting(meeting.MeetingId), meeting.Sequence, meeting.StartsAt, meeting.EndsAt, meeting.Title, stamp)
        {
            Description = description,
            Location = meeting.Venue is { Length: > 0 } venue ? venue : meeting.OnlineLink,
            Url = Uri.TryCreate(meeting.OnlineLink, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url : null,
            Organizer = settings.Organizer,

            // Answers are taken through the one-click links (which the Meetings service records), so the
            // calendar is not asked to send a reply to the organizer's address.
            Attendees = [new CalendarAttendee(recipient.Name, recipient.Email, Participation(mail.Answer), ResponseRequested: false)],
            Status = CalendarEventStatus.Confirmed,
        };

        var text = IcsWriter.Write(new CalendarDocument(method, zone.Id, [calendarEvent]));
        return new CalendarPart(text, method);
    }

    private static ParticipationStatus Participation(InvitationAnswer answer) => answer switch
    {
        InvitationAnswer.Accepted => ParticipationStatus.Accepted,
        InvitationAnswer.Declined => ParticipationStatus.Declined,
        InvitationAnswer.Tentative => ParticipationStatus.Tentative,
        _ => ParticipationStatus.NeedsAction,
    };
}
