using System.Security.Claims;
using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.ServiceDefaults.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The directory person behind the token, if it is a person (not a machine client).</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) => GuidClaim(user, ClaimNames.Person);

    /// <summary>
    /// Every region whose team the person has a place in (the multi-valued <c>region</c> claim),
    /// whatever the role there; a person may sit in several regions' teams.
    /// </summary>
    public static IReadOnlySet<Guid> RegionIds(this ClaimsPrincipal user) =>
        user.FindAll(ClaimNames.Region)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>True for an administrator or a member of <paramref name="regionId"/>'s team (any of the person's regions).</summary>
    public static bool MayActForRegion(this ClaimsPrincipal user, Guid regionId) =>
        user.IsAdministrator() || user.RegionIds().Contains(regionId);

    public static string? DisplayName(this ClaimsPrincipal user) => user.FindFirst(ClaimNames.Name)?.Value;

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirst(type)?.Value, out var value) ? value : null;
}
