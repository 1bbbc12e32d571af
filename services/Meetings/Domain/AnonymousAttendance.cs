namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// An erased invitee's attendance as the statistics counted it, with no link to her: a random
/// subject (the same for all her attendances in one erasure, so the programme's count of people
/// stays right) instead of her id. Her gender lives on here only as one count among many.
/// </summary>
public sealed class AnonymousAttendance
{
    private AnonymousAttendance()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid Subject { get; private set; }

    public Guid? RegionId { get; private set; }

    public TeamRole? Role { get; private set; }

    public string? Gender { get; private set; }

    public AttendanceStatus? Attendance { get; private set; }

    internal static AnonymousAttendance Of(Invitation invitation, Guid subject, string? gender) => new()
    {
        Id = Guid.NewGuid(),
        MeetingId = invitation.MeetingId,
        Subject = subject,
        RegionId = invitation.RegionId,
        Role = invitation.Role,
        Gender = gender,
        Attendance = invitation.Attendance,
    };
}
