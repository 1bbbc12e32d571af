using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

public enum ReminderKind
{
    /// <summary>Before a meeting starts; the subject is the meeting.</summary>
    MeetingStart,

    /// <summary>Before a feedback round's deadline; the subject is the round.</summary>
    FeedbackDeadline,
}

public enum ReminderStatus
{
    Pending,
    Sent,

    /// <summary>Its moment had passed before it could be sent (planned late, or moved into the past).</summary>
    Skipped,
    Cancelled,
}

/// <summary>
/// A reminder due a fixed lead time before a target moment (a meeting's start, a feedback deadline).
/// Kept in the database so it survives restarts; fired by the scheduler when its time has come.
/// </summary>
public sealed class Reminder : IVersioned
{
    private Reminder()
    {
    }

    public Guid Id { get; private set; }

    public ReminderKind Kind { get; private set; }

    public Guid SubjectId { get; private set; }

    public TimeSpan Lead { get; private set; }

    public DateTimeOffset TargetAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public ReminderStatus Status { get; private set; }

    public DateTimeOffset? FiredAt { get; private set; }

    public long Version { get; set; }

    /// <summary>A reminder whose moment has already passed is recorded as skipped: "in 7 days" sent 3 days ahead would be wrong.</summary>
    public static Reminder Plan(ReminderKind kind, Guid subjectId, TimeSpan lead, DateTimeOffset targetAt, DateTimeOffset now)
    {
        var reminder = new Reminder { Id = Guid.NewGuid(), Kind = kind, SubjectId = subjectId, Lead = lead };
        reminder.Target(targetAt, now);
        return reminder;
    }

    /// <summary>Follows a moved target: due again for the new time (if that is still ahead), whatever was sent for the old one.</summary>
    public void Retarget(DateTimeOffset targetAt, DateTimeOffset now)
    {
        if (Status == ReminderStatus.Cancelled || targetAt == TargetAt)
        {
            return;
        }

        Target(targetAt, now);
    }

    public void Cancel()
    {
        if (Status == ReminderStatus.Pending)
        {
            Status = ReminderStatus.Cancelled;
        }
    }

    public bool IsDue(DateTimeOffset now) => Status == ReminderStatus.Pending && DueAt <= now;

    public void MarkSent(DateTimeOffset now)
    {
        Status = ReminderStatus.Sent;
        FiredAt = now;
    }

    public void Skip(DateTimeOffset now)
    {
        Status = ReminderStatus.Skipped;
        FiredAt = now;
    }

    private void Target(DateTimeOffset targetAt, DateTimeOffset now)
    {
        TargetAt = targetAt;
        DueAt = targetAt - Lead;
        Status = DueAt > now ? ReminderStatus.Pending : ReminderStatus.Skipped;
        FiredAt = null;
    }
}
