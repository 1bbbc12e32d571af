using System.Web;
using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Invitations: one mail per invitee with a valid calendar request and answer links, in their language, once.</summary>
public sealed class InvitationMailTests
{
    [Fact]
    public async Task An_invitation_reaches_the_invitee_in_Swedish_with_a_calendar_request_and_links_to_the_answer_page()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Åsa Öberg");
        var meeting = Given.Meeting(sequence: 2);
        var invitation = Given.Invitation(meeting, person.PersonId);
        await service.PublishAllAsync(person, invitation);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");

        Assert.Equal($"Inbjudan: {meeting.Title}, 16 mars 2021", mail.Subject);
        Assert.Contains("Åsa Öberg", mail.ToHeader, StringComparison.Ordinal);
        Assert.Equal(NotificationsService.SenderAddress, mail.From);
        Assert.Contains("Hej Åsa Öberg!", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("tisdag 16 mars 2021 kl. 09:00–12:00 (svensk tid)", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Residenset, Växjö", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(mail.Subject)}</title>", mail.Html, StringComparison.Ordinal);

        // The calendar request: the meeting's UID and sequence, organizer, the invitee, Stockholm times.
        Assert.Equal("REQUEST", mail.CalendarPart!.ContentType.Parameters["method"]);
        Assert.Equal("REQUEST", mail.Calendar.Method);
        var calendarEvent = mail.Event;
        Assert.Equal(CalendarUids.ForMeeting(meeting.MeetingId), calendarEvent.Uid);
        Assert.Equal(2, calendarEvent.Sequence);
        Assert.Equal($"mailto:{NotificationsService.OrganizerAddress}", calendarEvent.Organizer?.Value?.ToString());
        Assert.Equal($"mailto:{person.Email}", calendarEvent.Attendees.Single().Value?.ToString());
        Assert.Equal("Europe/Stockholm", calendarEvent.DtStart!.TzId);
        Assert.Equal(new DateTime(2021, 3, 16, 9, 0, 0), calendarEvent.DtStart!.Value);
        Assert.Equal("Europe/Stockholm", calendarEvent.DtEnd!.TzId);
        Assert.Equal(new DateTime(2021, 3, 16, 12, 0, 0), calendarEvent.DtEnd!.Value);
        Assert.Equal(meeting.Title, calendarEvent.Summary);
        Assert.Equal("Europe/Stockholm", Assert.Single(mail.Calendar.TimeZones).TzId);
        Assert.Equal(mail.CalendarText, mail.CalendarAttachmentText);

        // Answer links through the gateway's public route, carrying this invitation's token, to a page that asks to confirm.
        Assert.Contains("Svara på inbjudan", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Länkarna öppnar en sida där du bekräftar ditt svar. De gäller till tisdag 16 mars 2021 kl. 09:00 (svensk tid).", mail.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("ett klick", mail.PlainText, StringComparison.Ordinal);
        foreach (var links in new[] { mail.HtmlLinks, mail.TextLinks })
        {
            var answers = links.Where(l => l.AbsolutePath == "/api/meetings/invitations/answer").ToList();
            Assert.Equal(["accepted", "declined", "tentative"], answers.Select(l => HttpUtility.ParseQueryString(l.Query)["answer"]));
            Assert.All(answers, link =>
            {
                Assert.StartsWith(NotificationsService.PublicBaseUrl, link.AbsoluteUri, StringComparison.Ordinal);
                Assert.Equal(invitation.AnswerToken, HttpUtility.ParseQueryString(link.Query)["token"]);
            });
        }
    }

    [Fact]
    public async Task A_person_who_prefers_English_gets_the_invitation_in_English()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Erik Lindqvist", language: "en");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");

        Assert.Equal($"Invitation: {meeting.Title}, 16 March 2021", mail.Subject);
        Assert.Contains("Hello Erik Lindqvist,", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Tuesday 16 March 2021, 09:00–12:00 (Swedish time)", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Yes, I will attend", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Theme: Extern samverkan", mail.Event.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_the_meeting_plan_leaves_one_mail_per_invitee_with_a_valid_calendar_file_and_that_invitations_links()
    {
        await using var service = await NotificationsService.StartAsync();
        var people = new[] { Given.Person("Anna Svedlund"), Given.Person("Eva Lingwall"), Given.Person("Jonas Berg", "en"), Given.Person("Pia Politiker") };
        var meetings = Enumerable.Range(1, 6).Select(n => Given.Meeting(n, Given.MeetingStart.AddDays(30 * n))).ToList();
        await service.PublishAllAsync(people);
        var invitations = meetings.SelectMany(m => people.Select(p => Given.Invitation(m, p.PersonId, p.Name == "Pia Politiker" ? TeamRole.Politician : TeamRole.KeyOfficial))).ToList();

        // The plan's invitations arrive together and are consumed side by side.
        await service.PublishTogetherAsync(invitations);

        var mails = await service.Mailbox.WaitForAsync(invitations.Count);

        foreach (var invitation in invitations)
        {
            var person = people.Single(p => p.PersonId == invitation.PersonId);
            var mail = Assert.Single(mails, m => m.To == person.Email && m.Event.Uid == CalendarUids.ForMeeting(invitation.Meeting.MeetingId));
            Assert.Equal("REQUEST", mail.Calendar.Method);
            Assert.Equal($"mailto:{person.Email}", mail.Event.Attendees.Single().Value?.ToString());
            var tokens = mail.HtmlLinks.Select(l => HttpUtility.ParseQueryString(l.Query)["token"]).OfType<string>().Distinct();
            Assert.Equal([invitation.AnswerToken], tokens);
        }

        // Politicians are told why their answer matters (one per region, half of the meetings).
        Assert.All(mails.Where(m => m.To == people[3].Email), m => Assert.Contains("hälften av träffarna", m.PlainText, StringComparison.Ordinal));
        Assert.All(mails.Where(m => m.To == people[0].Email), m => Assert.DoesNotContain("hälften av träffarna", m.PlainText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivered_invitation_is_mailed_once_even_after_the_inbox_has_forgotten_it()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Karin Holm");
        var invitation = Given.Invitation(Given.Meeting(), person.PersonId);
        await service.PublishAsync(person);

        var messageId = await service.PublishAsync(invitation);
        await service.PublishAsync(invitation, messageId);
        await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");

        // Inbox records expire after a retention period; the mail's own key still recognises the event.
        await service.QueryAsync(db => db.Set<ServiceDefaults.Outbox.InboxMessage>().Where(m => m.MessageId == messageId).ExecuteDeleteAsync());
        await service.PublishAsync(invitation, messageId);

        Assert.Equal(1, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == person.PersonId)));
        Assert.Single(service.Mailbox.To(person.Email));
    }

    [Fact]
    public async Task An_invitation_for_someone_not_yet_in_the_directory_is_sent_when_they_arrive()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Lars Nyström");
        await service.PublishAsync(Given.Invitation(Given.Meeting(), person.PersonId));
        await Eventually(service, MailStatus.AwaitingRecipient, person.PersonId);

        await service.PublishAsync(person);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
        Assert.StartsWith("Inbjudan:", mail.Subject, StringComparison.Ordinal);
    }

    private static Task Eventually(NotificationsService service, MailStatus status, Guid personId) =>
        Testing.Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == personId && m.Status == status)),
            $"a mail to {personId} is {status}");
}
