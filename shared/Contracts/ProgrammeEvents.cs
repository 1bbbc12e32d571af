namespace KollegialtUtbyte.Contracts;

// Published by the Regions service: which exchanges (programmes, strategic dialogues, member
// networks) exist, which regions take part in a programme, which organisations are members of a
// network and which people are invited to a dialogue or named to a network's meetings. The format
// and the roles of an exchange (dialogue leader, network convener and secretary) were added later:
// a message without them is a programme.

public sealed record ProgrammeRegistered(
    Guid ProgrammeId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ExpectedKeyOfficials,
    DateTimeOffset OccurredAt,
    ExchangeFormat Format = ExchangeFormat.Programme,
    string? Question = null,
    Guid? LeaderPersonId = null,
    Guid? ConvenerPersonId = null,
    Guid? SecretaryPersonId = null);

public sealed record ProgrammeUpdated(
    Guid ProgrammeId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ExpectedKeyOfficials,
    DateTimeOffset OccurredAt,
    ExchangeFormat Format = ExchangeFormat.Programme,
    string? Question = null,
    Guid? LeaderPersonId = null,
    Guid? ConvenerPersonId = null,
    Guid? SecretaryPersonId = null);

public sealed record RegionJoinedProgramme(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    DateTimeOffset OccurredAt);

public sealed record RegionLeftProgramme(
    Guid ProgrammeId,
    Guid RegionId,
    DateTimeOffset OccurredAt);

/// <summary>
/// A person takes part in a strategic dialogue (invited because of its question) or is named by a
/// member organisation to a network's meetings. Programmes' participants are their teams instead.
/// </summary>
public sealed record ExchangeParticipantAdded(
    Guid ProgrammeId,
    Guid PersonId,
    Guid? OrganisationId,
    string? OrganisationName,
    OrganisationKind? OrganisationKind,
    Guid? RegionId,
    DateTimeOffset OccurredAt);

public sealed record ExchangeParticipantRemoved(
    Guid ProgrammeId,
    Guid PersonId,
    DateTimeOffset OccurredAt);

/// <summary>An organisation became a member of a network.</summary>
public sealed record ExchangeMemberJoined(
    Guid ProgrammeId,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind Kind,
    DateOnly JoinedOn,
    DateTimeOffset OccurredAt);

/// <summary>An organisation left a network; the people it had named are removed with <see cref="ExchangeParticipantRemoved"/>.</summary>
public sealed record ExchangeMemberLeft(
    Guid ProgrammeId,
    Guid OrganisationId,
    DateOnly LeftOn,
    DateTimeOffset OccurredAt);
