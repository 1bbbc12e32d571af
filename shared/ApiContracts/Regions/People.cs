using static KollegialtUtbyte.Regions.ApiContracts.RegionsLimits;

namespace KollegialtUtbyte.Regions.ApiContracts;

/// <summary>A person's place in a team, as the directory shows it.</summary>
public sealed record MembershipResponse(Guid ProgrammeId, Guid RegionId, TeamRole Role);

/// <summary>
/// A directory entry. <c>Email</c> and <c>Phone</c> are null when <c>ContactHidden</c> (another
/// region's politician who has not allowed sharing); <c>Gender</c> is shown only to the person
/// and to administrators. <c>PendingEmail</c>, shown to those who may edit the person, is an
/// address waiting for its owner's confirmation; until then <c>Email</c> is the one in use.
/// </summary>
public sealed record PersonResponse(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    string? Title,
    Guid? RegionId,
    string? RegionName,
    Guid? OrganisationId,
    string? OrganisationName,
    string PreferredLanguage,
    string? Gender,
    bool ShareContactDetails,
    bool ContactHidden,
    bool IsFacilitator,
    IReadOnlyList<MembershipResponse> Teams,
    long Version,
    string? PendingEmail = null);

/// <summary>A step in changing a person's e-mail address, as the audit keeps it.</summary>
public sealed record EmailChangeAuditResponse(
    Guid Id,
    Guid PersonId,
    EmailChangeStep Step,
    string PreviousEmail,
    string NewEmail,
    Guid? ChangedBy,
    string? ChangedByName,
    DateTimeOffset At);

public sealed record RegisterPersonRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required, EmailFormat] string Email,
    [property: PhoneFormat] string? Phone,
    [property: StringLength(TitleMaxLength)] string? Title,
    Guid? RegionId,
    Guid? OrganisationId,
    [property: AllowedValues(Languages.Swedish, Languages.English, null, ErrorMessage = "Språket är 'sv' eller 'en'.")] string? PreferredLanguage,
    [property: AllowedValues(Genders.Woman, Genders.Man, Genders.NonBinary, null, ErrorMessage = "Kön är 'woman', 'man', 'non-binary' eller utelämnas.")] string? Gender,
    bool ShareContactDetails = false);

public sealed record UpdatePersonRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required, EmailFormat] string Email,
    [property: PhoneFormat] string? Phone,
    [property: StringLength(TitleMaxLength)] string? Title,
    Guid? RegionId,
    Guid? OrganisationId,
    [property: Required, AllowedValues(Languages.Swedish, Languages.English, ErrorMessage = "Språket är 'sv' eller 'en'.")] string PreferredLanguage,
    [property: AllowedValues(Genders.Woman, Genders.Man, Genders.NonBinary, null, ErrorMessage = "Kön är 'woman', 'man', 'non-binary' eller utelämnas.")] string? Gender,
    bool ShareContactDetails,
    [property: Range(1, long.MaxValue)] long Version,
    bool SetEmailDirectly = false);
