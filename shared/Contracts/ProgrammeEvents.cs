namespace KollegialtUtbyte.Contracts;

// Published by the Regions service: which programmes exist and which regions take part.

public sealed record ProgrammeRegistered(
    Guid ProgrammeId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ExpectedKeyOfficials,
    DateTimeOffset OccurredAt);

public sealed record ProgrammeUpdated(
    Guid ProgrammeId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ExpectedKeyOfficials,
    DateTimeOffset OccurredAt);

public sealed record RegionJoinedProgramme(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    DateTimeOffset OccurredAt);

public sealed record RegionLeftProgramme(
    Guid ProgrammeId,
    Guid RegionId,
    DateTimeOffset OccurredAt);
