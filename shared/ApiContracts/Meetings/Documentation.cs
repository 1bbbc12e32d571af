namespace KollegialtUtbyte.Meetings.ApiContracts;

public sealed record PointRequest(
    [property: Required, StringLength(4000, MinimumLength = 1)] string Text,
    [property: StringLength(4000)] string? Decision,
    [property: MaxLength(50), ListItems] List<PointRequest>? SubPoints);

public sealed record WorkshopOutcomeRequest([property: Required, StringLength(1000)] string Question, [property: StringLength(8000)] string? Outcome);

public sealed record AttachmentRequest([property: Required, StringLength(300)] string Title, [property: Url, StringLength(1000)] string? Link);

/// <summary>
/// Writes the documentation draft; <c>Version</c> 0 starts it, otherwise it is the draft's version.
/// Workshop outcomes or attachments left out (null) stay as they are.
/// </summary>
public sealed record WriteDocumentationRequest(
    [property: StringLength(8000)] string? Summary,
    [property: Required, MaxLength(100), ListItems] List<PointRequest> Points,
    [property: MaxLength(100), ListItems] List<WorkshopOutcomeRequest>? WorkshopOutcomes,
    [property: MaxLength(50), ListItems] List<AttachmentRequest>? Attachments,
    [property: Range(0, long.MaxValue)] long Version);

public sealed record ApproveDocumentationRequest([property: Range(1, long.MaxValue)] long Version);

public sealed record CorrectDocumentationRequest([property: Required, StringLength(1000, MinimumLength = 1)] string Reason);

public sealed record PointResponse(string Number, int Level, string Text, string? Decision);

public sealed record WorkshopOutcomeResponse(string Question, string Outcome);

public sealed record AttachmentResponse(string Title, string? Link);

public sealed record ParticipantResponse(string Name, string? Organisation, string? Role);

public sealed record DocumentationResponse(
    Guid Id,
    Guid MeetingId,
    int Revision,
    DocumentationStatus Status,
    string? Summary,
    IReadOnlyList<PointResponse> Points,
    IReadOnlyList<WorkshopOutcomeResponse> WorkshopOutcomes,
    IReadOnlyList<AttachmentResponse> Attachments,
    IReadOnlyList<ParticipantResponse> Participants,
    string? CorrectionReason,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? RegistryNumber,
    long Version,
    IReadOnlyList<SignatureResponse>? Signatures = null,
    DateTimeOffset? PublishedAt = null);

/// <summary>A signature of a network's protocol by its convener or its secretary (seed 004: "justeras digitalt").</summary>
public sealed record SignatureResponse(Guid PersonId, string Name, ProtocolSignerRole Role, DateTimeOffset SignedAt);

/// <summary>The signed-in convener or secretary signs the protocol's draft at this version; with both signatures it binds.</summary>
public sealed record SignProtocolRequest([property: Range(1, long.MaxValue)] long Version);
