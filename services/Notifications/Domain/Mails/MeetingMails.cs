using KollegialtUtbyte.Calendar;
using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Invitations, updates, cancellations, withdrawals and reminders of meetings.</summary>
internal static class MeetingMails
{
    public static MailContent Render(MailKind kind, MeetingMail mail, MailRecipient to, MailSettings settings, DateTimeOffset now)
    {
        var language = to.Language;
        var english = language == Language.English;
        var meeting = mail.Meeting;
        var zone = TimeTexts.Zone(meeting.TimeZone, settings.TimeZone);
        var date = TimeTexts.Date(meeting.StartsAt, zone, language);

        switch (kind)
        {
            case MailKind.MeetingInvitation:
            {
                var subject = english ? $"Invitation: {meeting.Title}, {date}" : $"Inbjudan: {meeting.Title}, {date}";
                var body = new MailBody(language, subject, english ? $"You are invited to {meeting.Title}" : $"Du är inbjuden till {meeting.Title}")
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? "You are invited to a meeting of the peer exchange (kollegialt utbyte) between the regions."
                        : "Du är inbjuden till en träff i det kollegiala utbytet mellan regionerna.")
                    .Facts(Facts(meeting, zone, language));
                if (mail.Role == TeamRole.Politician)
                {
                    // The programme's rule: one politician per region takes part in half of the meetings.
                    body.Paragraph(english
                        ? "As your region's politician in the programme, you take part in half of the meetings. Please answer as soon as you know whether you can come."
                        : "Som regionens politiker i programmet deltar du på hälften av träffarna. Svara gärna så snart du vet om du kan komma.");
                }

                AnswerLinks(body, mail, settings, language, english ? "Answer with one click" : "Svara med ett klick");
                body.Paragraph(english
                    ? "The meeting is attached as a calendar file (invite.ics), so you can add it to your calendar."
                    : "Mötet finns som kalenderfil i mejlet (invite.ics), så att du kan lägga in det i din kalender.");
                return body.Build(MeetingCalendar.Write(mail, CalendarMethod.Request, to, settings, now));
            }

            case MailKind.MeetingUpdate:
            {
                var subject = english ? $"Meeting changed: {meeting.Title}, {date}" : $"Ändrat möte: {meeting.Title}, {date}";
                var body = new MailBody(language, subject, english ? $"{meeting.Title} has changed" : $"{meeting.Title} har ändrats")
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? "The time, place or theme of the meeting has changed. This is how it looks now:"
                        : "Tid, plats eller tema för träffen har ändrats. Så här ser den ut nu:")
                    .Facts(Facts(meeting, zone, language));
                AnswerLinks(body, mail, settings, language, english ? "Does the new time suit you? Answer with one click" : "Passar den nya tiden? Svara med ett klick");
                body.Paragraph(english
                    ? "The calendar file in this mail (invite.ics) updates the meeting in your calendar."
                    : "Kalenderfilen i mejlet (invite.ics) uppdaterar mötet i din kalender.");
                return body.Build(MeetingCalendar.Write(mail, CalendarMethod.Request, to, settings, now));
            }

            case MailKind.MeetingCancellation:
            {
                var subject = english ? $"Meeting cancelled: {meeting.Title}, {date}" : $"Inställt möte: {meeting.Title}, {date}";
                var body = new MailBody(language, subject, english ? $"{meeting.Title} is cancelled" : $"{meeting.Title} är inställt")
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? $"The meeting {meeting.Title} on {TimeTexts.Span(meeting.StartsAt, meeting.EndsAt, zone, language)} has been cancelled."
                        : $"Träffen {meeting.Title} {TimeTexts.Span(meeting.StartsAt, meeting.EndsAt, zone, language)} är inställd.")
                    .Facts((english ? "Reason" : "Anledning", mail.Reason))
                    .Paragraph(english
                        ? "The calendar file in this mail (cancel.ics) removes the meeting from your calendar."
                        : "Kalenderfilen i mejlet (cancel.ics) tar bort mötet ur din kalender.");
                return body.Build(MeetingCalendar.Write(mail, CalendarMethod.Cancel, to, settings, now));
            }

            case MailKind.InvitationWithdrawal:
            {
                var subject = english ? $"Invitation withdrawn: {meeting.Title}, {date}" : $"Inbjudan återkallad: {meeting.Title}, {date}";
                var body = new MailBody(language, subject, english ? "Your invitation has been withdrawn" : "Din inbjudan har återkallats")
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? $"Your invitation to {meeting.Title} on {TimeTexts.Span(meeting.StartsAt, meeting.EndsAt, zone, language)} has been withdrawn. You do not need to attend this meeting."
                        : $"Din inbjudan till {meeting.Title} {TimeTexts.Span(meeting.StartsAt, meeting.EndsAt, zone, language)} har återkallats. Du behöver inte delta i den här träffen.")
                    .Paragraph(english
                        ? "The calendar file in this mail (cancel.ics) removes the meeting from your calendar."
                        : "Kalenderfilen i mejlet (cancel.ics) tar bort mötet ur din kalender.");
                return body.Build(MeetingCalendar.Write(mail, CalendarMethod.Cancel, to, settings, now));
            }

            case MailKind.MeetingReminder:
            {
                // From the actual time left: a reminder sent late (after an outage) still says the truth.
                var ahead = TimeTexts.Ahead(meeting.StartsAt - now, language);
                var subject = english ? $"Reminder: {meeting.Title} {ahead}" : $"Påminnelse: {meeting.Title} {ahead}";
                var body = new MailBody(language, subject, english ? $"{meeting.Title} starts {ahead}" : $"{meeting.Title} börjar {ahead}")
                    .Greeting(to.Name)
                    .Paragraph(english ? "A reminder of the coming meeting of the peer exchange:" : "En påminnelse om nästa träff i det kollegiala utbytet:")
                    .Facts(Facts(meeting, zone, language));
                if (mail.Answer == InvitationAnswer.Accepted)
                {
                    body.Paragraph(english ? "You have accepted the invitation. Welcome!" : "Du har tackat ja till inbjudan. Välkommen!");
                }
                else
                {
                    AnswerLinks(body, mail, settings, language,
                        english ? "You have not confirmed yet. Answer with one click" : "Du har inte bekräftat ännu. Svara med ett klick");
                }

                return body.Build();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a meeting mail.");
        }
    }

    private static (string, string?)[] Facts(MeetingSnapshot meeting, TimeZoneInfo zone, Language language) =>
        language == Language.English
            ?
            [
                ("Meeting", meeting.Title),
                ("Theme", meeting.Theme),
                ("When", TimeTexts.Span(meeting.StartsAt, meeting.EndsAt, zone, language)),
                ("Where", meeting.Venue),
                ("Online", meeting.OnlineLink),
            ]
            :
            [
                ("Träff", meeting.Title),
                ("Tema", meeting.Theme),
                ("När", TimeTexts.Span(meeting.StartsAt, meeting.EndsAt, zone, language)),
                ("Var", meeting.Venue),
                ("Digitalt", meeting.OnlineLink),
            ];

    private static void AnswerLinks(MailBody body, MeetingMail mail, MailSettings settings, Language language, string heading)
    {
        if (mail.AnswerToken is not { Length: > 0 } token)
        {
            return;
        }

        var english = language == Language.English;
        var links = settings.Links;
        body.SubHeading(heading).Actions(
            (english ? "Yes, I will attend" : "Ja, jag kommer", links.InvitationAnswer(token, InvitationAnswer.Accepted)),
            (english ? "No, I cannot attend" : "Nej, jag kan inte komma", links.InvitationAnswer(token, InvitationAnswer.Declined)),
            (english ? "Maybe, I do not know yet" : "Kanske, jag vet inte ännu", links.InvitationAnswer(token, InvitationAnswer.Tentative)));
        if (mail.AnswerTokenExpiresAt is { } expires)
        {
            var zone = TimeTexts.Zone(settings.TimeZone, settings.TimeZone);
            body.Paragraph(english
                ? $"The answer links are valid until {TimeTexts.Moment(expires, zone, language)}. You can change your answer with them until then."
                : $"Svarslänkarna gäller till {TimeTexts.Moment(expires, zone, language)}. Fram till dess kan du ändra ditt svar med dem.");
        }
    }
}
