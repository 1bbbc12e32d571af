using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// The newest known details of a meeting (a copy fed by the Meetings service's events). Events of
/// different kinds travel on different queues, so an invitation may carry older details than a
/// reschedule that was applied before it: the higher calendar sequence wins, then the later event.
/// </summary>
public sealed class Meeting : IVersioned
{
    private Meeting()
    {
        Title = "";
        Theme = "";
        TimeZone = "";
    }

    public Guid MeetingId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public string Theme { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string TimeZone { get; private set; }

    public string? Venue { get; private set; }

    public string? OnlineLink { get; private set; }

    public int Sequence { get; private set; }

    public bool Cancelled { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public long Version { get; set; }

    /// <summary>The stored details, in the shape the Meetings service publishes them; mails keep them as they were when queued.</summary>
    public MeetingDetails Snapshot => new(MeetingId, ProgrammeId, Number, Title, Theme, StartsAt, EndsAt, TimeZone, Venue, OnlineLink, Sequence);

    public static Meeting From(MeetingDetails details, DateTimeOffset occurredAt)
    {
        var meeting = new Meeting { MeetingId = details.MeetingId, Sequence = int.MinValue, ChangedAt = DateTimeOffset.MinValue };
        meeting.Apply(details, occurredAt);
        return meeting;
    }

    /// <summary>
    /// Takes the details if they are at least as new as the known ones and differ from them; returns
    /// whether the meeting changed. Identical details (every invitation of a meeting carries them)
    /// leave the row alone, so invitations consumed side by side do not contend for it.
    /// </summary>
    public bool Apply(MeetingDetails details, DateTimeOffset occurredAt)
    {
        if (details.Sequence < Sequence || (details.Sequence == Sequence && occurredAt < ChangedAt) || Clipped(details) == Snapshot)
        {
            return false;
        }

        var clipped = Clipped(details);
        ProgrammeId = clipped.ProgrammeId;
        Number = clipped.Number;
        Title = clipped.Title;
        Theme = clipped.Theme;
        StartsAt = clipped.StartsAt;
        EndsAt = clipped.EndsAt;
        TimeZone = clipped.TimeZone;
        Venue = clipped.Venue;
        OnlineLink = clipped.OnlineLink;
        Sequence = clipped.Sequence;
        ChangedAt = occurredAt;
        return true;
    }

    // What would be stored: texts clipped to their columns, times in UTC as the database returns them.
    private static MeetingDetails Clipped(MeetingDetails details) =>
        details with
        {
            Title = Limits.Clip(details.Title, Limits.Title),
            Theme = Limits.Clip(details.Theme, Limits.Title),
            StartsAt = details.StartsAt.ToUniversalTime(),
            EndsAt = details.EndsAt.ToUniversalTime(),
            TimeZone = Limits.Clip(details.TimeZone, Limits.TimeZone),
            Venue = Limits.ClipOrNull(details.Venue, Limits.Venue),
            OnlineLink = Limits.ClipOrNull(details.OnlineLink, Limits.Link),
        };

    /// <summary>Marks the meeting cancelled for good; returns false when it already was.</summary>
    public bool Cancel(MeetingDetails details, DateTimeOffset occurredAt)
    {
        Apply(details, occurredAt);
        if (Cancelled)
        {
            return false;
        }

        Cancelled = true;
        return true;
    }
}
