using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Notifications.Application.Mailing;

/// <summary>Keeps the reminders of a meeting or a feedback round in step with its time and the configured lead times.</summary>
public sealed class ReminderPlanner(NotificationsDb db, TimeProvider time, IOptions<NotificationsOptions> options)
{
    public Task PlanAsync(Meeting meeting, CancellationToken cancellationToken) =>
        meeting.Cancelled
            ? CancelAsync(ReminderKind.MeetingStart, meeting.MeetingId, cancellationToken)
            : PlanAsync(ReminderKind.MeetingStart, meeting.MeetingId, meeting.StartsAt, options.Value.MeetingReminderLeads, cancellationToken);

    public Task PlanAsync(FeedbackRound round, CancellationToken cancellationToken) =>
        round.Closed
            ? CancelAsync(ReminderKind.FeedbackDeadline, round.RoundId, cancellationToken)
            : PlanAsync(ReminderKind.FeedbackDeadline, round.RoundId, round.Deadline, options.Value.FeedbackReminderLeads, cancellationToken);

    private async Task PlanAsync(ReminderKind kind, Guid subjectId, DateTimeOffset targetAt, IReadOnlyList<TimeSpan> leads, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = await ExistingAsync(kind, subjectId, cancellationToken);
        foreach (var lead in leads)
        {
            if (existing.FirstOrDefault(r => r.Lead == lead) is { } reminder)
            {
                reminder.Retarget(targetAt, now);
            }
            else
            {
                db.Reminders.Add(Reminder.Plan(kind, subjectId, lead, targetAt, now));
            }
        }

        // Lead times no longer configured remind no more.
        foreach (var reminder in existing.Where(r => !leads.Contains(r.Lead)))
        {
            reminder.Cancel();
        }
    }

    private async Task CancelAsync(ReminderKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        foreach (var reminder in await ExistingAsync(kind, subjectId, cancellationToken))
        {
            reminder.Cancel();
        }
    }

    private async Task<List<Reminder>> ExistingAsync(ReminderKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        var stored = await db.Reminders.Where(r => r.Kind == kind && r.SubjectId == subjectId).ToListAsync(cancellationToken);

        // Also those added earlier in this unit of work and not saved yet.
        var added = db.ChangeTracker.Entries<Reminder>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == kind && e.Entity.SubjectId == subjectId)
            .Select(e => e.Entity);
        return stored.Union(added).ToList();
    }
}
