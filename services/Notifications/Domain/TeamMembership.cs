using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>That a person is (or was) in a region's team in a programme.</summary>
public sealed class TeamMembership : TeamMembershipCopy<TeamRole>, IVersioned
{
    private TeamMembership()
    {
    }

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
}
