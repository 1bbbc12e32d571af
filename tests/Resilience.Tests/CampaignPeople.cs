namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>Who takes part in the campaign: the administrator, and per region its politician and a project leader.</summary>
public sealed record CampaignPeople(
    Guid ProgrammeId,
    Actor Administrator,
    IReadOnlyList<Actor> Politicians,
    IReadOnlyList<Actor> ProjectLeaders,
    IReadOnlyList<Guid> RegionIds,
    IReadOnlyList<Guid> MeetingIds);
