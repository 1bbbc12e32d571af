namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// Raw link tokens are kept no longer than their links work: a sent or failed mail keeps no payload,
/// an invitation's answer token is kept for updates and reminders until the meeting starts (moving
/// with it), and is forgotten when the meeting is cancelled.
/// </summary>
public sealed class LinkTokenRetentionTests
{
    private static readonly DateTimeOffset NewStart = Given.MeetingStart.AddDays(2);

    [Fact]
    public async Task The_answer_token_is_kept_until_the_meeting_starts_and_then_forgotten()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Tove Berg");
        var meeting = Given.Meeting();
        var invitation = Given.Invitation(meeting, person.PersonId);
        await service.PublishAllAsync(person, invitation);
        await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
        var sent = await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == person.PersonId)), m => m.Status == MailStatus.Sent, "the mail is recorded as sent");
        Assert.Null(sent.Payload);

        service.Clock.SetUtcNow(Given.MeetingStart.AddHours(-2));
        Assert.Equal(invitation.AnswerToken, await TokenAsync(service, invitation));

        await Eventually.UntilAsync(
            async () =>
            {
                service.Clock.Advance(TimeSpan.FromMinutes(30));
                return await TokenAsync(service, invitation) is null;
            },
            "the token was forgotten once the meeting had started");
        Assert.True(service.Clock.GetUtcNow() >= Given.MeetingStart);
    }

    [Fact]
    public async Task After_a_reschedule_the_token_and_the_links_of_the_update_follow_the_new_start()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Malte Ros");
        var meeting = Given.Meeting();
        var invitation = Given.Invitation(meeting, person.PersonId);
        await service.PublishAllAsync(person, invitation);
        await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");

        await service.PublishAsync(new MeetingRescheduled(meeting with { StartsAt = NewStart, EndsAt = NewStart.AddHours(3), Sequence = 1 }, [], Given.Now.AddHours(1)));

        var update = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email && m.Subject.StartsWith("Ändrat möte", StringComparison.Ordinal), "the update");
        Assert.Contains("De gäller till torsdag 18 mars 2021 kl. 09:00 (svensk tid).", update.PlainText, StringComparison.Ordinal);
        Assert.Contains(update.HtmlLinks, l => l.Query.Contains(Uri.EscapeDataString(invitation.AnswerToken), StringComparison.Ordinal));

        // Past the old start the links still work, so the token is still kept; past the new one it is not.
        service.Clock.SetUtcNow(Given.MeetingStart.AddHours(3));
        service.Clock.SetUtcNow(NewStart.AddHours(-1));
        Assert.Equal(invitation.AnswerToken, await TokenAsync(service, invitation));
        await Eventually.UntilAsync(
            async () =>
            {
                service.Clock.Advance(TimeSpan.FromMinutes(30));
                return await TokenAsync(service, invitation) is null;
            },
            "the token was forgotten once the new start had passed");
    }

    [Fact]
    public async Task Cancelling_the_meeting_forgets_its_answer_tokens_at_once()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Vera Ljung");
        var meeting = Given.Meeting();
        var invitation = Given.Invitation(meeting, person.PersonId);
        await service.PublishAllAsync(person, invitation);

        await service.PublishAsync(new MeetingCancelled(meeting with { Sequence = 1 }, "Lokalen är inte tillgänglig", Given.Now.AddHours(1)));

        Assert.Null(await TokenAsync(service, invitation));
        await service.Mailbox.WaitForAsync(2, m => m.To == person.Email, "the invitation and the cancellation");
    }

    [Fact]
    public async Task A_mail_that_failed_keeps_no_payload_and_so_no_link_token()
    {
        const string unknown = "finns.inte@region.example.test";
        await using var smtp = FakeSmtpServer.Accepting(to => to == unknown ? "550 5.1.1 No such user" : null);
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Delivery:Method"] = "Smtp",
            ["Notifications:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Delivery:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Delivery:Smtp:EnableTls"] = "false",
        });
        var request = new AccountActivationRequested(Guid.NewGuid(), Guid.NewGuid(), unknown, "Finns Inte", "sv", Given.NewToken(), Given.Now.AddDays(3), Given.Now);

        await service.PublishAsync(request);

        var mail = await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == request.PersonId)), m => m.Status == MailStatus.Failed, "the mail is recorded as failed");
        Assert.Null(mail.Payload);
    }

    private static Task<string?> TokenAsync(NotificationsService service, InvitationIssued invitation) =>
        service.QueryAsync(db => db.Invitations.Where(i => i.InvitationId == invitation.InvitationId).Select(i => i.AnswerToken).SingleAsync());
}
