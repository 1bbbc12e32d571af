using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Portal.Gateway;

// Shapes that pages of more than one area read from the services, as the services send them.

/// <summary>A team measured against the programme's expectation (Regions).</summary>
public sealed record TeamCompleteness(
    int ProjectLeaders,
    int KeyOfficials,
    int ExpectedKeyOfficials,
    bool HasPolitician,
    bool HasSubstitutePolitician,
    bool IsComplete,
    string Summary,
    string SummaryEnglish,
    IReadOnlyList<string> Missing);

/// <summary>A member of a region's team (Regions).</summary>
public sealed record TeamMember(
    Guid PersonId,
    string Name,
    string? Title,
    TeamRole Role,
    string? Email,
    string? Phone,
    bool ContactHidden,
    string PreferredLanguage,
    DateTimeOffset JoinedAt);
