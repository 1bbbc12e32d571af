using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// That a person is (or was) in a region's team in a programme. A departure is kept as an inactive
/// row, so a join that arrives after it (out of order) cannot bring the person back.
/// </summary>
public sealed class TeamMembership : IVersioned
{
    private TeamMembership()
    {
    }

    public Guid ProgrammeId { get; private set; }

    public Guid RegionId { get; private set; }

    public Guid PersonId { get; private set; }

    public TeamRole Role { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public long Version { get; set; }

    /// <summary>
    /// Feedback on strategy drafts is the regional team's work: the project leaders and the officials
    /// with key functions. Politicians are invited to meetings but get no feedback mails.
    /// </summary>
    public bool WorksOnFeedback => Active && Role is TeamRole.ProjectLeader or TeamRole.KeyOfficial;

    public static TeamMembership Record(Guid programmeId, Guid regionId, Guid personId, TeamRole role, bool active, DateTimeOffset occurredAt) =>
        new()
        {
            ProgrammeId = programmeId,
            RegionId = regionId,
            PersonId = personId,
            Role = role,
            Active = active,
            ChangedAt = occurredAt,
        };

    public void Apply(TeamRole role, bool active, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        Role = role;
        Active = active;
        ChangedAt = occurredAt;
    }
}
