using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Invitations, updates, cancellations, withdrawals and reminders of meetings.</summary>
internal static class MeetingMails
{
    public static MailContent Render(MailKind kind, MeetingMail mail, MailRecipient to, MailSettings settings, DateTimeOffset now)
    {
        var text = new MeetingText(mail, to, settings);
        return kind switch
        {
            MailKind.MeetingInvitation => Invitation(text, now),
            MailKind.MeetingUpdate => Update(text, now),
            MailKind.MeetingCancellation => Cancellation(text, now),
            MailKind.InvitationWithdrawal => Withdrawal(text, now),
            MailKind.MeetingReminder => Reminder(text, now),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a meeting mail."),
        };
    }

    private static MailContent Invitation(MeetingText t, DateTimeOffset now)
    {
        var body = t.Body(t.Pick($"Inbjudan: {t.Title}, {t.Date}", $"Invitation: {t.Title}, {t.Date}"), t.Pick($"Du är inbjuden till {t.Title}", $"You are invited to {t.Title}"))
            .Paragraph(t.Mail.Role is null
                // Invited without a place in a region's team (a strategic dialogue's participant, a
                // network's member, a facilitator): the meeting need not be one between the regions.
                ? t.Pick("Du är inbjuden till träffen som beskrivs nedan.", "You are invited to the meeting described below.")
                : t.Pick(
                    "Du är inbjuden till en träff i det kollegiala utbytet mellan regionerna.",
                    "You are invited to a meeting of the peer exchange (kollegialt utbyte) between the regions."))
            .Facts(t.Facts());
        if (t.Mail.Role == TeamRole.Politician)
        {
            // The programme's rule: one politician per region takes part in half of the meetings.
            body.Paragraph(t.Pick(
                "Som regionens politiker i programmet deltar du på hälften av träffarna. Svara gärna så snart du vet om du kan komma.",
                "As your region's politician in the programme, you take part in half of the meetings. Please answer as soon as you know whether you can come."));
        }

        t.AnswerLinks(body, t.Pick("Svara på inbjudan", "Answer the invitation"), now);
        body.Paragraph(t.Pick(
            "Mötet finns som kalenderfil i mejlet (invite.ics), så att du kan lägga in det i din kalender.",
            "The meeting is attached as a calendar file (invite.ics), so you can add it to your calendar."));
        return body.Build(t.Calendar(CalendarMethod.Request, now));
    }

    private static MailContent Update(MeetingText t, DateTimeOffset now)
    {
        var body = t.Body(t.Pick($"Ändrat möte: {t.Title}, {t.Date}", $"Meeting changed: {t.Title}, {t.Date}"), t.Pick($"{t.Title} har ändrats", $"{t.Title} has changed"))
            .Paragraph(t.Pick("Tid, plats eller tema för träffen har ändrats. Så här ser den ut nu:", "The time, place or theme of the meeting has changed. This is how it looks now:"))
            .Facts(t.Facts());
        t.AnswerLinks(body, t.Pick("Passar den nya tiden? Svara här", "Does the new time suit you? Answer here"), now);
        body.Paragraph(t.Pick("Kalenderfilen i mejlet (invite.ics) uppdaterar mötet i din kalender.", "The calendar file in this mail (invite.ics) updates the meeting in your calendar."));
        return body.Build(t.Calendar(CalendarMethod.Request, now));
    }

    private static MailContent Cancellation(MeetingText t, DateTimeOffset now) =>
        t.Body(t.Pick($"Inställt möte: {t.Title}, {t.Date}", $"Meeting cancelled: {t.Title}, {t.Date}"), t.Pick($"{t.Title} är inställt", $"{t.Title} is cancelled"))
            .Paragraph(t.Pick($"Träffen {t.Title} {t.When} är inställd.", $"The meeting {t.Title} on {t.When} has been cancelled."))
            .Facts((t.Pick("Anledning", "Reason"), t.Mail.Reason))
            .Paragraph(t.Pick("Kalenderfilen i mejlet (cancel.ics) tar bort mötet ur din kalender.", "The calendar file in this mail (cancel.ics) removes the meeting from your calendar."))
            .Build(t.Calendar(CalendarMethod.Cancel, now));

    private static MailContent Withdrawal(MeetingText t, DateTimeOffset now) =>
        t.Body(t.Pick($"Inbjudan återkallad: {t.Title}, {t.Date}", $"Invitation withdrawn: {t.Title}, {t.Date}"), t.Pick("Din inbjudan har återkallats", "Your invitation has been withdrawn"))
            .Paragraph(t.Pick(
                $"Din inbjudan till {t.Title} {t.When} har återkallats. Du behöver inte delta i den här träffen.",
                $"Your invitation to {t.Title} on {t.When} has been withdrawn. You do not need to attend this meeting."))
            .Paragraph(t.Pick("Kalenderfilen i mejlet (cancel.ics) tar bort mötet ur din kalender.", "The calendar file in this mail (cancel.ics) removes the meeting from your calendar."))
            .Build(t.Calendar(CalendarMethod.Cancel, now));

    private static MailContent Reminder(MeetingText t, DateTimeOffset now)
    {
        // From the actual time left: a reminder sent late (after an outage) still says the truth.
        var ahead = TimeTexts.Ahead(t.Mail.Meeting.StartsAt - now, t.Language);
        var body = t.Body(t.Pick($"Påminnelse: {t.Title} {ahead}", $"Reminder: {t.Title} {ahead}"), t.Pick($"{t.Title} börjar {ahead}", $"{t.Title} starts {ahead}"))
            .Paragraph(t.Pick("En påminnelse om nästa träff i det kollegiala utbytet:", "A reminder of the coming meeting of the peer exchange:"))
            .Facts(t.Facts());
        if (t.Mail.Answer == InvitationAnswer.Accepted)
        {
            body.Paragraph(t.Pick("Du har tackat ja till inbjudan. Välkommen!", "You have accepted the invitation. Welcome!"));
        }
        else
        {
            t.AnswerLinks(body, t.Pick("Du har inte bekräftat ännu. Svara här", "You have not confirmed yet. Answer here"), now);
        }

        return body.Build();
    }

    /// <summary>What every meeting mail says, in the recipient's language.</summary>
    private sealed class MeetingText(MeetingMail mail, MailRecipient to, MailSettings settings)
    {
        private readonly TimeZoneInfo _zone = TimeTexts.Zone(mail.Meeting.TimeZone, settings.TimeZone);

        public MeetingMail Mail => mail;

        public Language Language => to.Language;

        public string Title => mail.Meeting.Title;

        public string Date => TimeTexts.Date(mail.Meeting.StartsAt, _zone, Language);

        public string When => TimeTexts.Span(mail.Meeting.StartsAt, mail.Meeting.EndsAt, _zone, Language);

        public string Pick(string swedish, string english) => Language == Language.English ? english : swedish;

        public MailBody Body(string subject, string heading) => new MailBody(Language, subject, heading).Greeting(to.Name);

        public (string, string?)[] Facts() =>
        [
            (Pick("Träff", "Meeting"), Title),
            (Pick("Tema", "Theme"), mail.Meeting.Theme),
            (Pick("När", "When"), When),
            (Pick("Var", "Where"), mail.Meeting.Venue),
            (Pick("Digitalt", "Online"), mail.Meeting.OnlineLink),
        ];

        public CalendarPart Calendar(CalendarMethod method, DateTimeOffset stamp) => MeetingCalendar.Write(mail, method, to, settings, stamp);

        /// <summary>The answer links, while they work. Each opens a page where the answer is confirmed (mail scanners open links too).</summary>
        public void AnswerLinks(MailBody body, string heading, DateTimeOffset now)
        {
            if (mail.AnswerToken is not { Length: > 0 } token || mail.AnswerTokenExpiresAt <= now)
            {
                return;
            }

            var links = settings.Links;
            body.SubHeading(heading).Actions(
                (Pick("Ja, jag kommer", "Yes, I will attend"), links.InvitationAnswer(token, InvitationAnswer.Accepted)),
                (Pick("Nej, jag kan inte komma", "No, I cannot attend"), links.InvitationAnswer(token, InvitationAnswer.Declined)),
                (Pick("Kanske, jag vet inte ännu", "Maybe, I do not know yet"), links.InvitationAnswer(token, InvitationAnswer.Tentative)));
            if (mail.AnswerTokenExpiresAt is { } expires)
            {
                var until = TimeTexts.Moment(expires, TimeTexts.Zone(settings.TimeZone, settings.TimeZone), Language);
                body.Paragraph(Pick(
                    $"Länkarna öppnar en sida där du bekräftar ditt svar. De gäller till {until}. Fram till dess kan du ändra ditt svar med dem.",
                    $"The links open a page where you confirm your answer. They are valid until {until}. You can change your answer with them until then."));
            }
        }
    }
}
