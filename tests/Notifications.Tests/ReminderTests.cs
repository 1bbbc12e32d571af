using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Meeting reminders, 7 days and 1 day ahead by default, on the service's clock, across restarts.</summary>
public sealed class ReminderTests
{
    private static readonly DateTimeOffset SevenDaysAhead = Given.MeetingStart.AddDays(-7);
    private static readonly DateTimeOffset OneDayAhead = Given.MeetingStart.AddDays(-1);

    [Fact]
    public async Task Reminders_go_out_seven_days_and_one_day_before_the_meeting_to_everyone_who_has_not_declined()
    {
        await using var service = await NotificationsService.StartAsync();
        var pending = Given.Person("Hanna Lind");
        var accepted = Given.Person("Oskar Falk", "en");
        var declined = Given.Person("Rut Moberg");
        var meeting = Given.Meeting();
        var invitations = new[] { pending, accepted, declined }.Select(p => Given.Invitation(meeting, p.PersonId)).ToList();
        await service.PublishAllAsync(pending, accepted, declined);
        await service.PublishAllAsync(invitations.Cast<object>().ToArray());
        await service.PublishAsync(Answered(invitations[1], InvitationAnswer.Accepted));
        await service.PublishAsync(Answered(invitations[2], InvitationAnswer.Declined));
        await service.Mailbox.WaitForAsync(3, what: "the invitations");

        var planned = await service.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meeting.MeetingId).Select(r => r.DueAt).ToListAsync());
        Assert.Equal([SevenDaysAhead, OneDayAhead], planned.Order());

        service.Clock.SetUtcNow(SevenDaysAhead.AddMinutes(-1));
        service.Clock.SetUtcNow(SevenDaysAhead);
        var weekAhead = await service.Mailbox.WaitForAsync(2, IsReminder, "the reminders a week ahead");
        Assert.Equal(SevenDaysAhead, await FiredAtAsync(service, meeting, TimeSpan.FromDays(7)));

        var toPending = weekAhead.Single(m => m.To == pending.Email);
        Assert.Equal($"Påminnelse: {meeting.Title} om 7 dagar", toPending.Subject);
        Assert.Contains("Du har inte bekräftat ännu", toPending.PlainText, StringComparison.Ordinal);
        Assert.Contains(toPending.HtmlLinks, l => l.Query.Contains(Uri.EscapeDataString(invitations[0].AnswerToken), StringComparison.Ordinal));
        var toAccepted = weekAhead.Single(m => m.To == accepted.Email);
        Assert.Equal($"Reminder: {meeting.Title} in 7 days", toAccepted.Subject);
        Assert.Contains("You have accepted the invitation.", toAccepted.PlainText, StringComparison.Ordinal);

        service.Clock.SetUtcNow(OneDayAhead);
        var dayAhead = await service.Mailbox.WaitForAsync(4, IsReminder, "the reminders a day ahead as well");
        Assert.Contains(dayAhead, m => m.To == pending.Email && m.Subject.EndsWith("om 1 dag", StringComparison.Ordinal));
        Assert.DoesNotContain(dayAhead, m => m.To == declined.Email);
        Assert.Equal(OneDayAhead, await FiredAtAsync(service, meeting, TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task Reminders_survive_a_restart_and_what_fell_due_meanwhile_goes_out_on_start()
    {
        var state = NotificationsService.State.Fresh();
        try
        {
            var person = Given.Person("Vera Holm");
            var meeting = Given.Meeting();
            await using (var before = await NotificationsService.StartAsync(state: state))
            {
                await before.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));
                await before.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
            }

            // Down over the week-ahead moment; back two hours after it.
            await using var after = await NotificationsService.StartAsync(clock: new FakeTimeProvider(SevenDaysAhead.AddHours(2)), state: state);

            var weekAhead = await after.Mailbox.WaitForOneAsync(IsReminder, "the week-ahead reminder after the restart");
            Assert.EndsWith("om 7 dagar", weekAhead.Subject, StringComparison.Ordinal);

            after.Clock.SetUtcNow(OneDayAhead);
            await after.Mailbox.WaitForAsync(2, IsReminder, "the day-ahead reminder too");
            Assert.Equal(OneDayAhead, await FiredAtAsync(after, meeting, TimeSpan.FromDays(1)));
        }
        finally
        {
            state.Delete();
        }
    }

    [Fact]
    public async Task A_rescheduled_meeting_is_reminded_of_at_its_new_time()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Alva Nord");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));
        var newStart = Given.MeetingStart.AddDays(14);

        await service.PublishAsync(new MeetingRescheduled(meeting with { StartsAt = newStart, EndsAt = newStart.AddHours(3), Sequence = 1 }, [], Given.Now.AddHours(1)));

        var planned = await service.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meeting.MeetingId && r.Status == ReminderStatus.Pending).Select(r => r.DueAt).ToListAsync());
        Assert.Equal([newStart.AddDays(-7), newStart.AddDays(-1)], planned.Order());

        service.Clock.SetUtcNow(SevenDaysAhead);
        service.Clock.SetUtcNow(newStart.AddDays(-7));
        var reminder = await service.Mailbox.WaitForOneAsync(IsReminder, "the reminder a week before the new time");
        Assert.Contains("tisdag 30 mars 2021", reminder.PlainText, StringComparison.Ordinal);
        Assert.Equal(newStart.AddDays(-7), await FiredAtAsync(service, meeting, TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task Reminder_lead_times_are_configurable()
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:MeetingReminders:0"] = "3.00:00:00",
            ["Notifications:MeetingReminders:1"] = "02:00:00",
        });
        var person = Given.Person("Frida Ek");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));

        var planned = await service.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meeting.MeetingId).Select(r => r.Lead).ToListAsync());
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromDays(3)], planned.Order());

        service.Clock.SetUtcNow(Given.MeetingStart.AddDays(-3));
        var first = await service.Mailbox.WaitForOneAsync(IsReminder, "the reminder three days ahead");
        Assert.EndsWith("om 3 dagar", first.Subject, StringComparison.Ordinal);

        service.Clock.SetUtcNow(Given.MeetingStart.AddHours(-2));
        var both = await service.Mailbox.WaitForAsync(2, IsReminder, "the reminder two hours ahead too");
        Assert.Contains(both, m => m.Subject.EndsWith("om 2 timmar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_long_outage_only_the_latest_due_reminder_goes_out()
    {
        var state = NotificationsService.State.Fresh();
        try
        {
            var person = Given.Person("Elsa Borg");
            var meeting = Given.Meeting();
            await using (var before = await NotificationsService.StartAsync(state: state))
            {
                await before.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));
            }

            // Down over both moments; back twelve hours before the meeting.
            await using var after = await NotificationsService.StartAsync(clock: new FakeTimeProvider(Given.MeetingStart.AddHours(-12)), state: state);

            await Eventually.UntilAsync(
                () => after.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == meeting.MeetingId && r.Status != ReminderStatus.Pending)),
                handled => handled == 2, "both reminders were handled");
            var statuses = await after.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meeting.MeetingId).ToDictionaryAsync(r => r.Lead, r => r.Status));
            Assert.Equal(ReminderStatus.Skipped, statuses[TimeSpan.FromDays(7)]);
            Assert.Equal(ReminderStatus.Sent, statuses[TimeSpan.FromDays(1)]);
            var reminder = await after.Mailbox.WaitForOneAsync(IsReminder, "one reminder");
            Assert.EndsWith("om 12 timmar", reminder.Subject, StringComparison.Ordinal);
        }
        finally
        {
            state.Delete();
        }
    }

    private static bool IsReminder(ReceivedMail mail) => mail.Subject.StartsWith("Påminnelse", StringComparison.Ordinal) || mail.Subject.StartsWith("Reminder", StringComparison.Ordinal);

    private static InvitationAnswered Answered(InvitationIssued invitation, InvitationAnswer answer) =>
        new(invitation.InvitationId, invitation.Meeting.MeetingId, invitation.Meeting.ProgrammeId, invitation.PersonId, answer, null, Given.Now.AddHours(1));

    private static Task<DateTimeOffset?> FiredAtAsync(NotificationsService service, Contracts.MeetingDetails meeting, TimeSpan lead) =>
        Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meeting.MeetingId && r.Lead == lead).Select(r => r.FiredAt).SingleAsync()),
            firedAt => firedAt is not null,
            $"the {lead} reminder was fired");
}
