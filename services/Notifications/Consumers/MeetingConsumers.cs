using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Consumers;

// Meetings: their time (for reminders), and updates and cancellations to every invitee.

public sealed class MeetingScheduledConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders)
    : IdempotentConsumer<MeetingScheduled, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(MeetingScheduled message, ConsumeContext<MeetingScheduled> context, CancellationToken cancellationToken)
    {
        var (meeting, _) = await copies.UpsertMeetingAsync(message.Meeting, message.OccurredAt, cancellationToken);
        await reminders.PlanAsync(meeting, cancellationToken);
    }
}

/// <summary>Sends every invitee an update (same calendar UID, higher SEQUENCE) unless these or newer details are already known.</summary>
public sealed class MeetingRescheduledConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders, Recipients recipients, MailQueue mails, TimeProvider time)
    : IdempotentConsumer<MeetingRescheduled, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(MeetingRescheduled message, ConsumeContext<MeetingRescheduled> context, CancellationToken cancellationToken)
    {
        var (meeting, changed) = await copies.UpsertMeetingAsync(message.Meeting, message.OccurredAt, cancellationToken);
        if (changed)
        {
            await reminders.PlanAsync(meeting, cancellationToken);
        }

        if (meeting.Cancelled)
        {
            return;
        }

        // Not only when this event changed the copy: an invitation of a new member may have carried
        // the new time here first, and the other invitees still hold the old one.
        var now = time.GetUtcNow();
        foreach (var invitation in await recipients.ActiveInvitationsAsync(meeting.MeetingId, cancellationToken))
        {
            if (!invitation.NeedsUpdateTo(meeting.Sequence))
            {
                continue;
            }

            // The update asks for an answer to the new time: its links work until the new start.
            invitation.FollowMeetingStart(meeting.StartsAt);
            var mail = new MeetingMail(meeting.Snapshot, invitation.Role, invitation.Answer, invitation.UsableAnswerToken(now), invitation.AnswerTokenExpiresAt);
            await mails.ToPersonAsync(MailCause.Of(context), MailKind.MeetingUpdate, invitation.PersonId, mail, cancellationToken);
            invitation.Mailed(meeting.Sequence);
        }
    }
}

/// <summary>Sends every invitee a cancellation (METHOD:CANCEL) and stops the meeting's reminders.</summary>
public sealed class MeetingCancelledConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders, Recipients recipients, MailQueue mails)
    : IdempotentConsumer<MeetingCancelled, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(MeetingCancelled message, ConsumeContext<MeetingCancelled> context, CancellationToken cancellationToken)
    {
        var (meeting, _) = await copies.UpsertMeetingAsync(message.Meeting, message.OccurredAt, cancellationToken);
        var cancelledNow = meeting.Cancel(message.Meeting, message.OccurredAt);
        await reminders.PlanAsync(meeting, cancellationToken);
        if (!cancelledNow)
        {
            return;
        }

        // The newest details carry the highest SEQUENCE sent so far, which a cancellation must match to replace the entry.
        var snapshot = meeting.Snapshot;
        foreach (var invitation in await recipients.ActiveInvitationsAsync(meeting.MeetingId, cancellationToken))
        {
            invitation.ForgetAnswerToken();
            var mail = new MeetingMail(snapshot, invitation.Role, invitation.Answer, AnswerToken: null, AnswerTokenExpiresAt: null, Reason: message.Reason);
            await mails.ToPersonAsync(MailCause.Of(context), MailKind.MeetingCancellation, invitation.PersonId, mail, cancellationToken);
        }
    }
}

/// <summary>Alerts the administrators when a politician's attendance quota is at risk or out of reach.</summary>
public sealed class PoliticianQuotaStatusChangedConsumer(NotificationsDb db, Recipients recipients, MailQueue mails)
    : IdempotentConsumer<PoliticianQuotaStatusChanged, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(PoliticianQuotaStatusChanged message, ConsumeContext<PoliticianQuotaStatusChanged> context, CancellationToken cancellationToken)
    {
        if (message.Status == QuotaStatus.OnTrack)
        {
            return;
        }

        // An event published before her erasure may arrive after it: it must not name her again.
        var erased = await Db.People.FindAsync([message.PersonId], cancellationToken) is { IsErased: true };
        var politician = erased ? ErasedPerson.Name : message.PoliticianName;
        var mail = new QuotaAlertMail(message.ProgrammeId, message.RegionName, politician, message.Status,
            message.Accepted, message.Attended, message.Required, message.StillPossible);
        foreach (var administrator in await recipients.AdministratorsAsync(cancellationToken))
        {
            await mails.ToAddressAsync(MailCause.Of(context), MailKind.PoliticianQuotaAlert, administrator.Email, administrator.Name,
                language: null, administrator.PersonId, mail, cancellationToken);
        }
    }
}
