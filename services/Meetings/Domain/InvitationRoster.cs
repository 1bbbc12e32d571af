namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// Orders the changes to a programme's invitations. Publishing the plan and the team events each
/// read one side (the meetings, the members) and write the other; without a common row to
/// conflict on, a member joining while the plan is published could be missed by both. Every
/// change raises <see cref="Revision"/>, a concurrency token, so the later of two overlapping
/// changes fails and is retried with the other's result in view.
/// </summary>
public sealed class InvitationRoster
{
    private InvitationRoster()
    {
    }

    public Guid ProgrammeId { get; private set; }

    public long Revision { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static InvitationRoster For(Guid programmeId, DateTimeOffset now) => new() { ProgrammeId = programmeId, ChangedAt = now };

    public void Changed(DateTimeOffset now)
    {
        Revision++;
        ChangedAt = now;
    }
}
