using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Portal.Gateway;

namespace KollegialtUtbyte.Portal.Team;

// What the team and politician pages read from the services, as the services send it. Enums the
// contracts do not share travel as their names (strings), which is how the services write them.

/// <summary>One of the signed-in person's invitations (Meetings: GET invitations/mine).</summary>
public sealed record MyInvitation(
    Guid Id,
    Guid MeetingId,
    int MeetingNumber,
    string Title,
    string Theme,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Venue,
    string? OnlineLink,
    string MeetingStatus,
    InvitationAnswer Answer,
    string? Comment,
    AttendanceStatus? Attendance,
    long Version);

public sealed record AnswerInvitation(InvitationAnswer Answer, string? Comment, long Version);

/// <summary>The personal calendar feed's address; shown once, because the service keeps only its hash.</summary>
public sealed record CalendarFeed(string Url, DateTimeOffset CreatedAt);

/// <summary>A version of a strategy document (Feedback).</summary>
public sealed record DocumentVersion(
    Guid Id,
    int Number,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string? Note,
    DateTimeOffset UploadedAt,
    string DownloadPath);

/// <summary>A region's strategy document with the versions the caller may read (Feedback).</summary>
public sealed record StrategyDocument(
    Guid Id,
    Guid RegionId,
    string RegionName,
    string Title,
    StrategyDocumentKind Kind,
    string? Description,
    int LatestVersionNumber,
    IReadOnlyList<DocumentVersion> Versions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

public sealed record CreateDocument(string Title, StrategyDocumentKind Kind, string? Description);

public sealed record LensReference(string Code, string Name);

/// <summary>A lens of the catalogue a round chooses from (Feedback: GET lenses).</summary>
public sealed record Lens(string Code, string Group, string Name, string Description);

public sealed record Reviewer(Guid RegionId, string RegionName, string Source, string? FeedbackStatus, bool? Late);

/// <summary>A feedback round on one version (Feedback).</summary>
public sealed record FeedbackRound(
    Guid Id,
    Guid DocumentId,
    string DocumentTitle,
    Guid VersionId,
    int VersionNumber,
    Guid ProgrammeId,
    Guid AuthorRegionId,
    string AuthorRegionName,
    DateTimeOffset Deadline,
    IReadOnlyList<LensReference> Lenses,
    int ReviewerCount,
    string Status,
    IReadOnlyList<Reviewer> Reviewers,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    FeedbackRoundCloseReason? CloseReason,
    bool FeedbackReleased,
    long Version);

public sealed record OpenRound(DateTimeOffset Deadline, IReadOnlyList<string> LensCodes, int ReviewerCount);

public sealed record Suggestion(int Number, string Text, string? Decision, string? ResponseNote, DateTimeOffset? RespondedAt);

public sealed record LensFeedback(string LensCode, string LensName, string? Strengths, IReadOnlyList<Suggestion> Suggestions);

/// <summary>One reviewing region's feedback in a round (Feedback).</summary>
public sealed record PeerFeedback(
    Guid Id,
    Guid RoundId,
    Guid ReviewerRegionId,
    string ReviewerRegionName,
    string Status,
    string? Summary,
    IReadOnlyList<LensFeedback> Lenses,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    bool Late,
    long Version);

public sealed record LensFeedbackInput(string LensCode, string? Strengths, IReadOnlyList<string> Suggestions);

public sealed record SaveFeedback(string? Summary, IReadOnlyList<LensFeedbackInput> Lenses, long Version);

public sealed record SubmitFeedback(long Version);

public sealed record SuggestionResponse(int SuggestionNumber, string Decision, string? Note);

public sealed record RespondToFeedback(IReadOnlyList<SuggestionResponse> Responses, long Version);

/// <summary>A programme a region takes part in (Regions: GET programmes?regionId=).</summary>
public sealed record RegionProgramme(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int ExpectedKeyOfficials, long Version);

/// <summary>A region's team in a programme with its completeness (Regions).</summary>
public sealed record RegionTeam(
    Guid ProgrammeId,
    string ProgrammeName,
    Guid RegionId,
    string RegionName,
    IReadOnlyList<TeamMember> Members,
    TeamCompleteness Completeness,
    DateTimeOffset JoinedAt,
    long Version);

public sealed record RegisterPerson(string Name, string Email, string? Phone, string? Title, Guid? RegionId);

public sealed record RegisteredPerson(Guid Id, string Name, long Version);

public sealed record AddTeamMember(Guid PersonId, TeamRole Role, long? Version);

public sealed record ChangeTeamMember(TeamRole Role, long Version);
