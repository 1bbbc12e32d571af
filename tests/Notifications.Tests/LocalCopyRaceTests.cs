using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Notifications.Domain.Mails;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// Events that arrive at once on different queues, on PostgreSQL: two that bring the same new
/// person (PersonRegistered and FacilitatorAdded) or the same new meeting (two invitations) both
/// apply without a key violation; a mail marked as waiting for its recipient while the
/// recipient's event is being applied still goes out; an invitation applied beside a reschedule
/// of its meeting does not leave the invitee with the old time.
/// </summary>
public sealed class LocalCopyRaceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_consumers_inserting_the_same_new_person_at_once_both_succeed()
    {
        var postgres = await PostgresServer.SharedAsync();
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{NotificationsModule.Name}"] = await postgres.CreateDatabaseAsync("notifications"),
        });
        var personId = Guid.NewGuid();

        await using var first = service.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<NotificationsDb>();
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync(Cancellation);
        await first.ServiceProvider.GetRequiredService<LocalCopies>()
            .UpsertPersonAsync(personId, "Agnes Fors", "agnes@example.test", "sv", Given.Now, Cancellation);
        await firstDb.SaveChangesAsync(Cancellation);

        // The second consumer misses the uncommitted row, inserts too and waits on the first's key.
        await using var second = service.Services.CreateAsyncScope();
        var secondDb = second.ServiceProvider.GetRequiredService<NotificationsDb>();
        var racing = Task.Run(async () =>
        {
            await using var transaction = await secondDb.Database.BeginTransactionAsync(Cancellation);
            await second.ServiceProvider.GetRequiredService<LocalCopies>()
                .UpsertPersonAsync(personId, "Agnes Fors", "agnes.fors@example.test", "sv", Given.Now.AddMinutes(1), Cancellation);
            await secondDb.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
        }, Cancellation);
        await Eventually.UntilAsync(() => WaitingOnALockAsync(service), "the second insert waits for the first transaction");
        await firstTransaction.CommitAsync(Cancellation);
        await racing;

        var person = await service.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.PersonId == personId, Cancellation));
        Assert.Equal("agnes.fors@example.test", person.Email);
    }

    [Fact]
    public async Task Two_invitations_to_a_meeting_not_yet_known_both_apply_at_once()
    {
        await using var service = await PostgresServiceAsync();
        var meeting = Given.Meeting();

        await using var first = service.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<NotificationsDb>();
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync(Cancellation);
        await first.ServiceProvider.GetRequiredService<LocalCopies>().UpsertMeetingAsync(meeting, Given.Now, Cancellation);
        await firstDb.SaveChangesAsync(Cancellation);

        await using var second = service.Services.CreateAsyncScope();
        var secondDb = second.ServiceProvider.GetRequiredService<NotificationsDb>();
        var racing = Task.Run(async () =>
        {
            await using var transaction = await secondDb.Database.BeginTransactionAsync(Cancellation);
            var (copy, _) = await second.ServiceProvider.GetRequiredService<LocalCopies>().UpsertMeetingAsync(meeting, Given.Now, Cancellation);
            await secondDb.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
            return copy.Snapshot;
        }, Cancellation);
        await Eventually.UntilAsync(() => WaitingOnALockAsync(service), "the second insert waits for the first transaction");
        await firstTransaction.CommitAsync(Cancellation);

        Assert.Equal(meeting.StartsAt, (await racing).StartsAt);
        Assert.Equal(1, await service.QueryAsync(db => db.Meetings.CountAsync(m => m.MeetingId == meeting.MeetingId, Cancellation)));
    }

    [Fact]
    public async Task An_invitation_marked_as_waiting_while_its_recipient_arrives_is_sent_once_the_recipient_is_in()
    {
        await using var service = await PostgresServiceAsync();
        var person = Given.Person("Nora Nyström");

        // The person's event is being applied: the row is written, no mail was waiting for them, the transaction is still open.
        await using var arriving = service.Services.CreateAsyncScope();
        var arrivingDb = arriving.ServiceProvider.GetRequiredService<NotificationsDb>();
        await using var transaction = await arrivingDb.Database.BeginTransactionAsync(Cancellation);
        await arriving.ServiceProvider.GetRequiredService<LocalCopies>()
            .UpsertPersonAsync(person.PersonId, person.Name, person.Email, person.PreferredLanguage, person.OccurredAt, Cancellation);
        await arrivingDb.SaveChangesAsync(Cancellation);

        // Meanwhile the invitation arrives; the dispatcher does not see the uncommitted person and marks the mail as waiting.
        await service.PublishAsync(Given.Invitation(Given.Meeting(), person.PersonId));
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == person.PersonId && m.Status == MailStatus.AwaitingRecipient, Cancellation)),
            "the dispatcher marked the invitation as waiting for its recipient");

        await transaction.CommitAsync(Cancellation);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation, once its recipient is in the directory");
        Assert.StartsWith("Inbjudan:", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(MailStatus.Sent, await service.QueryAsync(db => db.OutgoingMails.Where(m => m.PersonId == person.PersonId).Select(m => m.Status).SingleAsync(Cancellation)));
    }

    [Fact]
    public async Task An_invitation_applied_beside_a_reschedule_of_its_meeting_leaves_the_invitee_with_the_new_time()
    {
        await using var service = await PostgresServiceAsync();
        var person = Given.Person("Rut Omplanerad");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(person, new MeetingScheduled(meeting, [], Given.Now.AddDays(-1)));

        // The invitation is being applied: it read the meeting at its old time, the transaction is still open.
        await using var inviting = service.Services.CreateAsyncScope();
        var invitingDb = inviting.ServiceProvider.GetRequiredService<NotificationsDb>();
        var copies = inviting.ServiceProvider.GetRequiredService<LocalCopies>();
        await using var transaction = await invitingDb.Database.BeginTransactionAsync(Cancellation);
        var (copy, _) = await copies.UpsertMeetingAsync(meeting, Given.Now, Cancellation);
        Assert.Equal(meeting.StartsAt, copy.StartsAt);
        var invitation = await copies.InvitationAsync(Guid.NewGuid(), meeting.MeetingId, person.PersonId, Cancellation);
        Assert.True(invitation.Issue(TeamRole.KeyOfficial, Given.NewToken(), meeting.StartsAt, Given.Now));
        await invitingDb.SaveChangesAsync(Cancellation);

        // The meeting is moved meanwhile: its reschedule either waits for the invitation or is applied without the invitee.
        var moved = meeting with { StartsAt = meeting.StartsAt.AddDays(1), EndsAt = meeting.EndsAt.AddDays(1), Sequence = 1 };
        var rescheduling = service.PublishAsync(new MeetingRescheduled(moved, [], Given.Now.AddMinutes(1)));
        await Eventually.UntilAsync(async () => rescheduling.IsCompleted || await WaitingOnALockAsync(service), "the reschedule was applied or waits for the invitation");
        await transaction.CommitAsync(Cancellation);
        await rescheduling;

        // The invitee has the new time: the reschedule found the invitation and updates it.
        var update = await service.QueryAsync(db => db.OutgoingMails.SingleOrDefaultAsync(m => m.PersonId == person.PersonId && m.Kind == MailKind.MeetingUpdate, Cancellation));
        Assert.True(update is not null, "the invitee got no update with the new time");
    }

    private static async Task<NotificationsService> PostgresServiceAsync()
    {
        var postgres = await PostgresServer.SharedAsync();
        return await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{NotificationsModule.Name}"] = await postgres.CreateDatabaseAsync("notifications"),
        });
    }

    private static Task<bool> WaitingOnALockAsync(NotificationsService service) =>
        service.QueryAsync(async db => await db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync(Cancellation) > 0);
}
