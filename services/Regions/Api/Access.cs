namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// Who may do what with the directory. Administrators manage everything; a project leader
/// manages their own region's team and people; everyone signed in reads the directory.
/// </summary>
internal static class Access
{
    public static bool ManagesRegion(this ClaimsPrincipal user, Guid regionId) =>
        user.IsAdministrator() || (user.IsInRole(Roles.ProjectLeader) && user.RegionIds().Contains(regionId));

    /// <summary>Administrators, the region's project leaders and the person themselves.</summary>
    public static bool MayEdit(this ClaimsPrincipal user, Person person) =>
        user.IsAdministrator() || user.PersonId() == person.Id || (person.RegionId is { } region && user.ManagesRegion(region));

    /// <summary>
    /// A politician's e-mail and phone are shown to their own region (and to administrators), to
    /// other regions only when the politician allowed it.
    /// </summary>
    public static bool SeesContactOf(this ClaimsPrincipal user, Person person, bool isPolitician) =>
        !isPolitician
        || person.ShareContactDetails
        || user.IsAdministrator()
        || user.PersonId() == person.Id
        || (person.RegionId is { } region && user.RegionIds().Contains(region));

    /// <summary>Self-declared gender feeds aggregated statistics only; it is not shown to others.</summary>
    public static bool SeesGenderOf(this ClaimsPrincipal user, Person person) =>
        user.IsAdministrator() || user.PersonId() == person.Id;

    /// <summary>An erased person cannot be changed, nor given a place again: that would bring her back.</summary>
    public static ProblemHttpResult Erased() =>
        TypedResults.Problem(
            "Personen är borttagen enligt rätten till radering och kan inte ändras eller läggas till igen.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The person is erased",
            extensions: new Dictionary<string, object?> { ["rule"] = ErasureRules.PersonErased });
}
