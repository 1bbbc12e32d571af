namespace KollegialtUtbyte.Portal.About;

/// <summary>Whether a service has erased the person (Regions' <c>PersonalDataErasureServiceResponse</c>).</summary>
public sealed record ErasureServiceStatus(string Service, bool Erased, DateTimeOffset? ErasedAt);

/// <summary>
/// An erasure of a person (Regions' <c>PersonalDataErasureResponse</c>); <c>State</c> is
/// Requested, Declined, Erasing or Complete.
/// </summary>
public sealed record PersonalDataErasureStatus(
    Guid Id,
    Guid PersonId,
    string PersonName,
    string State,
    DateTimeOffset RequestedAt,
    bool RequestedBySelf,
    string? Reason,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    List<ErasureServiceStatus> Services);

/// <summary>Where the administrators' personal-data pages live.</summary>
public static class ErasurePaths
{
    public const string Administration = "/admin/radering";

    /// <summary>One person's copies and erasures.</summary>
    public static string Person(Guid personId) => $"/admin/personuppgifter/{personId}";
}
