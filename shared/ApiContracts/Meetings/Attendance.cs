using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Meetings.ApiContracts;

public sealed record AttendanceEntryRequest([property: Required] Guid? PersonId, [property: Required] AttendanceStatus? Status);

public sealed record RecordAttendanceRequest(
    [property: Required, MinLength(1), MaxLength(500), ListItems] List<AttendanceEntryRequest> Entries,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record AttendanceResponse(Guid MeetingId, MeetingStatus MeetingStatus, IReadOnlyList<InvitationResponse> Invitees, long Version);

/// <summary>How many of a group were invited, said yes, and (once recorded) were there.</summary>
public sealed record Tally(int Invited, int Accepted, int? Present);

public sealed record RegionRepresentationResponse(
    Guid RegionId,
    string RegionName,
    Tally ProjectLeaders,
    Tally KeyOfficials,
    int ExpectedKeyOfficials,
    Tally Politicians,
    bool ProjectLeaderThere,
    int KeyOfficialsThere,
    bool PoliticianThere);

public sealed record RepresentationResponse(Guid MeetingId, bool AttendanceTaken, IReadOnlyList<RegionRepresentationResponse> Regions);

/// <summary>A politician's quota: "confirmed vs required", warned as soon as it can no longer be reached.</summary>
public sealed record QuotaResponse(
    Guid PersonId,
    string Name,
    Guid RegionId,
    string RegionName,
    int Meetings,
    int Required,
    int Accepted,
    int Attended,
    int Secured,
    int StillPossible,
    bool Met,
    QuotaStatus Status);
