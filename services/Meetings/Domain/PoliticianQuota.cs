namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>A politician's standing for one announced meeting of the programme.</summary>
/// <param name="Invited">Whether the politician holds an active invitation to it.</param>
/// <param name="HasStarted">Whether the meeting has begun (no new invitation can reach them).</param>
public sealed record QuotaMeeting(bool Invited, bool HasStarted, InvitationAnswer Answer, AttendanceStatus? Attendance);

/// <summary>
/// Where a politician stands: "En politiker från varje region ska också delta på hälften av
/// träffarna" (seed 001). <see cref="Required"/> = ceil(meetings × share).
/// </summary>
public sealed record QuotaStanding(
    int Meetings,
    int Required,
    int Accepted,
    int Attended,
    int Secured,
    int StillPossible,
    bool Met,
    QuotaStatus Status);

public static class PoliticianQuota
{
    /// <summary>
    /// Computes the standing over the programme's <paramref name="plannedMeetings"/>: the
    /// announced meetings given, and planned ones not yet announced, which are still open to
    /// everyone. A meeting counts as secured when the politician attended it, or accepted it and
    /// attendance is not recorded yet; it is still possible unless they were recorded absent or
    /// excused, declined it, or it started without them being invited.
    /// </summary>
    public static QuotaStanding Calculate(IReadOnlyCollection<QuotaMeeting> announced, int plannedMeetings, decimal share)
    {
        var meetings = Math.Max(plannedMeetings, announced.Count);
        var notYetAnnounced = meetings - announced.Count;
        var required = Required(meetings, share);

        var accepted = announced.Count(m => m.Invited && m.Answer == InvitationAnswer.Accepted);
        var attended = announced.Count(m => m.Attendance == AttendanceStatus.Present);
        var secured = announced.Count(m => m.Attendance == AttendanceStatus.Present
            || (m.Attendance is null && m.Invited && m.Answer == InvitationAnswer.Accepted));
        var stillPossible = notYetAnnounced + announced.Count(m => m.Attendance switch
        {
            AttendanceStatus.Present => true,
            null => m.Invited ? m.Answer != InvitationAnswer.Declined : !m.HasStarted,
            _ => false,
        });

        var met = secured >= required;
        var status = stillPossible < required ? QuotaStatus.Unreachable
            : !met && stillPossible == required ? QuotaStatus.AtRisk
            : QuotaStatus.OnTrack;
        return new QuotaStanding(meetings, required, accepted, attended, secured, stillPossible, met, status);
    }

    /// <summary>
    /// ceil(meetings × share), at least one when there are meetings and a share. The product is
    /// rounded to hundredths first so that a share written as 0.6667 means two thirds
    /// (3 × 0.6667 = 2.0001 requires 2, not 3).
    /// </summary>
    public static int Required(int meetings, decimal share)
    {
        var product = meetings * share;
        return product <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling(Math.Round(product, 2, MidpointRounding.AwayFromZero)));
    }
}
