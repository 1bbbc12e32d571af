namespace KollegialtUtbyte.Contracts;

// Published by the Regions service. Meetings, Feedback, Notifications and Identity
// keep their own copies of regions, people and teams from these.

public sealed record RegionRegistered(
    Guid RegionId,
    string Name,
    string CountyCode,
    DateTimeOffset OccurredAt);

public sealed record RegionUpdated(
    Guid RegionId,
    string Name,
    string CountyCode,
    DateTimeOffset OccurredAt);

public sealed record OrganisationRegistered(
    Guid OrganisationId,
    string Name,
    OrganisationKind Kind,
    DateTimeOffset OccurredAt);

/// <summary>
/// A person entered the directory. <c>Gender</c> is no longer filled (null): it travels only in
/// <see cref="PersonGenderStated"/>, to the statistics that need it.
/// </summary>
public sealed record PersonRegistered(
    Guid PersonId,
    string Name,
    string Email,
    string? Phone,
    string? Title,
    Guid? OrganisationId,
    string? OrganisationName,
    Guid? RegionId,
    string PreferredLanguage,
    string? Gender,
    DateTimeOffset OccurredAt);

/// <summary>A person's details changed. <c>Gender</c> is no longer filled (null), see <see cref="PersonGenderStated"/>.</summary>
public sealed record PersonUpdated(
    Guid PersonId,
    string Name,
    string Email,
    string? Phone,
    string? Title,
    Guid? OrganisationId,
    string? OrganisationName,
    Guid? RegionId,
    string PreferredLanguage,
    string? Gender,
    DateTimeOffset OccurredAt);

/// <summary>
/// A person joined a region's team in a programme (carries what invitations and accounts need).
/// <c>Gender</c> is no longer filled (null), see <see cref="PersonGenderStated"/>.
/// </summary>
public sealed record TeamMemberJoined(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    Guid PersonId,
    TeamRole Role,
    string Name,
    string Email,
    string? Title,
    string PreferredLanguage,
    string? Gender,
    DateTimeOffset OccurredAt);

/// <summary>A team member's role or personal details changed. <c>Gender</c> is no longer filled (null), see <see cref="PersonGenderStated"/>.</summary>
public sealed record TeamMemberUpdated(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    Guid PersonId,
    TeamRole Role,
    string Name,
    string Email,
    string? Title,
    string PreferredLanguage,
    string? Gender,
    DateTimeOffset OccurredAt);

/// <summary>
/// A person's self-declared gender, stated when she is registered and whenever it changes (null:
/// not stated). Only the aggregated attendance statistics need it, so only Meetings consumes it;
/// the other directory events do not carry it.
/// </summary>
public sealed record PersonGenderStated(Guid PersonId, string? Gender, DateTimeOffset OccurredAt);

public sealed record TeamMemberLeft(
    Guid ProgrammeId,
    Guid RegionId,
    Guid PersonId,
    TeamRole Role,
    DateTimeOffset OccurredAt);

/// <summary>A person of the facilitating consultancy can now be assigned to meetings.</summary>
public sealed record FacilitatorAdded(
    Guid PersonId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    string Email,
    string PreferredLanguage,
    DateTimeOffset OccurredAt);

public sealed record FacilitatorRemoved(
    Guid PersonId,
    DateTimeOffset OccurredAt);

/// <summary>A cross-region working group was formed or changed; <c>Disbanded</c> marks its end.</summary>
public sealed record WorkingGroupChanged(
    Guid WorkingGroupId,
    Guid ProgrammeId,
    string Topic,
    IReadOnlyList<Guid> RegionIds,
    IReadOnlyList<Guid> PersonIds,
    bool Disbanded,
    DateTimeOffset OccurredAt);

/// <summary>An organisation (or a region, as <see cref="OrganisationKind.Region"/>) was renamed or recategorised.</summary>
public sealed record OrganisationUpdated(
    Guid OrganisationId,
    string Name,
    OrganisationKind Kind,
    DateTimeOffset OccurredAt);
