using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Reschedules, cancellations and withdrawals reach every invitee, whatever order the events arrive in.</summary>
public sealed class MeetingChangeTests
{
    private static readonly DateTimeOffset NewStart = Given.MeetingStart.AddDays(1).AddHours(4);

    [Fact]
    public async Task A_reschedule_sends_every_invitee_an_update_with_the_same_UID_and_a_higher_SEQUENCE()
    {
        await using var service = await NotificationsService.StartAsync();
        var swedish = Given.Person("Maria Ek");
        var english = Given.Person("Olle Strand", "en");
        var withdrawn = Given.Person("Sara Lund");
        var meeting = Given.Meeting();
        var invitations = new[] { swedish, english, withdrawn }.Select(p => Given.Invitation(meeting, p.PersonId)).ToList();
        await service.PublishAllAsync(swedish, english, withdrawn);
        await service.PublishAllAsync(invitations.Cast<object>().ToArray());
        await service.PublishAsync(new InvitationWithdrawn(invitations[2].InvitationId, meeting, withdrawn.PersonId, Given.Now.AddHours(1)));
        await service.Mailbox.WaitForAsync(4, what: "three invitations and one withdrawal");

        var moved = meeting with { StartsAt = NewStart, EndsAt = NewStart.AddHours(3), Sequence = 1 };
        await service.PublishAsync(new MeetingRescheduled(moved, [], Given.Now.AddHours(2)));

        var updates = await service.Mailbox.WaitForAsync(2, m => m.Calendar.Method == "REQUEST" && m.Event.Sequence == 1, "updates");
        var invitationMail = service.Mailbox.To(swedish.Email).Single(m => m.Subject.StartsWith("Inbjudan", StringComparison.Ordinal));
        var update = updates.Single(m => m.To == swedish.Email);
        Assert.Equal(invitationMail.Event.Uid, update.Event.Uid);
        Assert.True(update.Event.Sequence > invitationMail.Event.Sequence);
        Assert.Equal(new DateTime(2021, 3, 17, 13, 0, 0), update.Event.DtStart!.Value);
        Assert.StartsWith("Ändrat möte:", update.Subject, StringComparison.Ordinal);
        Assert.Contains("onsdag 17 mars 2021 kl. 13:00–16:00", update.PlainText, StringComparison.Ordinal);
        Assert.Contains(update.HtmlLinks, l => l.Query.Contains(Uri.EscapeDataString(invitations[0].AnswerToken), StringComparison.Ordinal));
        Assert.StartsWith("Meeting changed:", updates.Single(m => m.To == english.Email).Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Mailbox.To(withdrawn.Email), m => m.Event.Sequence == 1);
    }

    [Fact]
    public async Task An_older_reschedule_arriving_after_a_newer_one_changes_nothing()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Nils Ås");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));
        var newer = meeting with { StartsAt = NewStart, EndsAt = NewStart.AddHours(3), Sequence = 2 };
        var older = meeting with { StartsAt = NewStart.AddDays(7), EndsAt = NewStart.AddDays(7).AddHours(3), Sequence = 1 };

        await service.PublishAsync(new MeetingRescheduled(newer, [], Given.Now.AddHours(2)));
        var olderId = await service.PublishAsync(new MeetingRescheduled(older, [], Given.Now.AddHours(1)));

        await service.Mailbox.WaitForAsync(2, m => m.To == person.Email, "the invitation and one update");
        Assert.Equal(0, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.DeduplicationKey.StartsWith($"event:{olderId:N}"))));
        Assert.Equal(NewStart, await service.QueryAsync(db => db.Meetings.Where(m => m.MeetingId == meeting.MeetingId).Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_that_arrives_after_a_reschedule_carries_the_new_time()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Ida Sjö");
        var meeting = Given.Meeting();
        await service.PublishAsync(person);

        // The reschedule travels on another queue and overtakes the invitation written before it.
        await service.PublishAsync(new MeetingRescheduled(meeting with { StartsAt = NewStart, EndsAt = NewStart.AddHours(3), Sequence = 1 }, [], Given.Now.AddHours(2)));
        await service.PublishAsync(Given.Invitation(meeting, person.PersonId));

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
        Assert.Equal(1, mail.Event.Sequence);
        Assert.Equal(new DateTime(2021, 3, 17, 13, 0, 0), mail.Event.DtStart!.Value);
    }

    [Fact]
    public async Task A_reschedule_overtaken_by_a_new_members_invitation_with_the_new_time_still_updates_the_other_invitees()
    {
        await using var service = await NotificationsService.StartAsync();
        var invited = Given.Person("Eva Tidig");
        var newcomer = Given.Person("Ny Medlem");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(invited, newcomer, Given.Invitation(meeting, invited.PersonId));
        await service.Mailbox.WaitForOneAsync(m => m.To == invited.Email, "the first invitation");

        // The meeting moves; the newcomer's invitation, written after the move, overtakes the reschedule
        // (which waits in its own queue, e.g. retried while the database restarts).
        var moved = meeting with { StartsAt = NewStart, EndsAt = NewStart.AddHours(3), Sequence = 1 };
        await service.PublishAsync(Given.Invitation(moved, newcomer.PersonId));
        await service.PublishAsync(new MeetingRescheduled(moved, [], Given.Now.AddHours(2)));

        var update = await service.Mailbox.WaitForOneAsync(m => m.To == invited.Email && m.Event.Sequence == 1, "the update to the earlier invitee");
        Assert.StartsWith("Ändrat möte:", update.Subject, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2021, 3, 17, 13, 0, 0), update.Event.DtStart!.Value);
        var newcomersMail = Assert.Single(service.Mailbox.To(newcomer.Email));
        Assert.Equal(1, newcomersMail.Event.Sequence);

        // The same reschedule again, or an older one, sends nobody anything more.
        await service.PublishAsync(new MeetingRescheduled(moved, [], Given.Now.AddHours(2)));
        await service.PublishAsync(new MeetingRescheduled(meeting with { StartsAt = NewStart.AddDays(7), EndsAt = NewStart.AddDays(7).AddHours(3), Sequence = 1 }, [], Given.Now.AddHours(1)));
        Assert.Equal(2, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == invited.PersonId)));
        Assert.Equal(1, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == newcomer.PersonId)));
    }

    [Fact]
    public async Task A_cancellation_reaches_every_invitee_as_METHOD_CANCEL_for_the_same_UID_and_stops_the_reminders()
    {
        await using var service = await NotificationsService.StartAsync();
        var people = new[] { Given.Person("Anders Kvist"), Given.Person("Emma Ros", "en") };
        var meeting = Given.Meeting();
        await service.PublishAllAsync(people);
        await service.PublishAllAsync(people.Select(p => (object)Given.Invitation(meeting, p.PersonId)).ToArray());

        await service.PublishAsync(new MeetingCancelled(meeting with { Sequence = 1 }, "Lokalen är inte tillgänglig", Given.Now.AddHours(3)));

        var cancellations = await service.Mailbox.WaitForAsync(2, m => m.Calendar.Method == "CANCEL", "cancellations");
        foreach (var mail in cancellations)
        {
            Assert.Equal("CANCEL", mail.CalendarPart!.ContentType.Parameters["method"]);
            Assert.Equal(CalendarUids.ForMeeting(meeting.MeetingId), mail.Event.Uid);
            Assert.Equal(1, mail.Event.Sequence);
            Assert.Equal("CANCELLED", mail.Event.Status);
            Assert.Equal("cancel.ics", mail.CalendarAttachment!.ContentType.Name);
        }

        var swedish = cancellations.Single(m => m.To == people[0].Email);
        Assert.StartsWith("Inställt möte:", swedish.Subject, StringComparison.Ordinal);
        Assert.Contains("Anledning: Lokalen är inte tillgänglig", swedish.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(swedish.HtmlLinks, l => l.AbsolutePath.Contains("answer", StringComparison.Ordinal));
        Assert.StartsWith("Meeting cancelled:", cancellations.Single(m => m.To == people[1].Email).Subject, StringComparison.Ordinal);

        var reminders = await service.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meeting.MeetingId).Select(r => r.Status).ToListAsync());
        Assert.Equal([ReminderStatus.Cancelled, ReminderStatus.Cancelled], reminders);
    }

    [Fact]
    public async Task A_withdrawn_invitation_is_cancelled_for_that_person_alone()
    {
        await using var service = await NotificationsService.StartAsync();
        var staying = Given.Person("Gun Berg");
        var leaving = Given.Person("Tor Vik");
        var meeting = Given.Meeting(sequence: 1);
        var leavingInvitation = Given.Invitation(meeting, leaving.PersonId);
        await service.PublishAllAsync(staying, leaving, Given.Invitation(meeting, staying.PersonId), leavingInvitation);

        await service.PublishAsync(new InvitationWithdrawn(leavingInvitation.InvitationId, meeting, leaving.PersonId, Given.Now.AddHours(1)));

        var withdrawal = await service.Mailbox.WaitForOneAsync(m => m.To == leaving.Email && m.Calendar.Method == "CANCEL", "the withdrawal");
        Assert.StartsWith("Inbjudan återkallad:", withdrawal.Subject, StringComparison.Ordinal);
        Assert.Equal(CalendarUids.ForMeeting(meeting.MeetingId), withdrawal.Event.Uid);
        Assert.Equal($"mailto:{leaving.Email}", withdrawal.Event.Attendees.Single().Value?.ToString());
        Assert.Single(service.Mailbox.To(staying.Email));
    }

    [Fact]
    public async Task An_invitation_issued_again_after_its_withdrawal_is_mailed_again()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Rut Åter");
        var meeting = Given.Meeting(sequence: 1);
        var invitation = Given.Invitation(meeting, person.PersonId);

        // The person left the team and rejoined: Meetings issues the same invitation again, with a new token.
        var again = invitation with { AnswerToken = Given.NewToken(), OccurredAt = Given.Now.AddHours(2) };
        await service.PublishAllAsync(person, invitation, new InvitationWithdrawn(invitation.InvitationId, meeting, person.PersonId, Given.Now.AddHours(1)), again);

        var mails = await service.Mailbox.WaitForAsync(3, m => m.To == person.Email, "the invitation, its withdrawal and the invitation again");
        Assert.Equal(2, mails.Count(m => m.Calendar.Method == "REQUEST"));
        Assert.Single(mails, m => m.Calendar.Method == "CANCEL");
        var active = await service.QueryAsync(db => db.Invitations.SingleAsync(i => i.InvitationId == invitation.InvitationId));
        Assert.True(active.IsActive);
        Assert.Equal(again.AnswerToken, active.AnswerToken);
    }

    [Fact]
    public async Task An_invitation_issued_again_that_overtakes_its_withdrawal_and_the_original_is_mailed_once_and_stays()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Sam Före");
        var meeting = Given.Meeting(sequence: 1);
        var invitation = Given.Invitation(meeting, person.PersonId);
        var again = invitation with { AnswerToken = Given.NewToken(), OccurredAt = Given.Now.AddHours(2) };
        await service.PublishAsync(person);

        await service.PublishAllAsync(again, new InvitationWithdrawn(invitation.InvitationId, meeting, person.PersonId, Given.Now.AddHours(1)), invitation);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
        Assert.Equal("REQUEST", mail.Calendar.Method);
        Assert.Equal(1, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == person.PersonId)));
        Assert.True((await service.QueryAsync(db => db.Invitations.SingleAsync(i => i.InvitationId == invitation.InvitationId))).IsActive);
    }

    [Fact]
    public async Task An_invitation_withdrawn_before_it_arrived_is_never_mailed()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Ulf Dahl");
        var meeting = Given.Meeting();
        var invitation = Given.Invitation(meeting, person.PersonId);
        await service.PublishAsync(person);

        await service.PublishAsync(new InvitationWithdrawn(invitation.InvitationId, meeting, person.PersonId, Given.Now.AddHours(1)));
        await service.PublishAsync(invitation);

        Assert.Equal(0, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == person.PersonId)));
    }
}
