using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;

namespace KollegialtUtbyte.Notifications.Application.Scheduling;

/// <summary>What a due reminder sends, and to whom.</summary>
public sealed class ReminderFiring(NotificationsDb db, LocalCopies copies, Recipients recipients, MailQueue mails)
{
    /// <summary>
    /// Queues the reminder's mails and marks it sent, or skipped when its moment has passed or a
    /// later reminder of the same subject is due as well (after an outage only the latest goes out).
    /// Returns the number of mails queued.
    /// </summary>
    public async Task<int> FireAsync(Reminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var superseded = await db.Reminders.AnyAsync(
            r => r.Kind == reminder.Kind && r.SubjectId == reminder.SubjectId && r.Status == ReminderStatus.Pending && r.DueAt > reminder.DueAt && r.DueAt <= now,
            cancellationToken);
        if (superseded)
        {
            reminder.Skip(now);
            return 0;
        }

        return reminder.Kind switch
        {
            ReminderKind.MeetingStart => await FireMeetingReminderAsync(reminder, now, cancellationToken),
            ReminderKind.FeedbackDeadline => await FireFeedbackReminderAsync(reminder, now, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown reminder kind {reminder.Kind}."),
        };
    }

    private async Task<int> FireMeetingReminderAsync(Reminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FindAsync([reminder.SubjectId], cancellationToken);
        if (meeting is null || meeting.Cancelled || meeting.StartsAt <= now)
        {
            reminder.Skip(now);
            return 0;
        }

        var queued = 0;
        foreach (var invitation in (await recipients.ActiveInvitationsAsync(meeting.MeetingId, cancellationToken)).Where(i => i.ExpectsReminders))
        {
            var mail = new MeetingMail(meeting.Snapshot, invitation.Role, invitation.Answer, invitation.UsableAnswerToken(now), invitation.AnswerTokenExpiresAt);
            queued += await mails.ToPersonAsync(MailCause.Of(reminder), MailKind.MeetingReminder, invitation.PersonId, mail, cancellationToken) ? 1 : 0;
        }

        reminder.MarkSent(now);
        return queued;
    }

    private async Task<int> FireFeedbackReminderAsync(Reminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var round = await db.FeedbackRounds.FindAsync([reminder.SubjectId], cancellationToken);
        if (round is null || round.Closed || round.Deadline <= now)
        {
            reminder.Skip(now);
            return 0;
        }

        var stillToAnswer = await db.FeedbackReviewers
            .Where(r => r.RoundId == round.RoundId && r.Assigned && r.SubmittedAt == null)
            .Select(r => r.RegionId)
            .ToListAsync(cancellationToken);
        var mail = new FeedbackMail(round.RoundId, round.DocumentTitle, await copies.RegionNameAsync(round.AuthorRegionId, cancellationToken), round.Deadline);
        var queued = 0;
        foreach (var personId in await recipients.FeedbackTeamsAsync(stillToAnswer, cancellationToken))
        {
            queued += await mails.ToPersonAsync(MailCause.Of(reminder), MailKind.FeedbackDeadlineReminder, personId, mail, cancellationToken) ? 1 : 0;
        }

        reminder.MarkSent(now);
        return queued;
    }
}
