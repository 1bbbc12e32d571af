using System.Security.Claims;
using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.ServiceDefaults.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The directory person behind the token, if it is a person (not a machine client).</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) => GuidClaim(user, ClaimNames.Person);

    /// <summary>The region whose team the person belongs to, if any.</summary>
    public static Guid? RegionId(this ClaimsPrincipal user) => GuidClaim(user, ClaimNames.Region);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>True for an administrator or a member of <paramref name="regionId"/>'s team.</summary>
    public static bool MayActForRegion(this ClaimsPrincipal user, Guid regionId) =>
        user.IsAdministrator() || user.RegionId() == regionId;

    public static string? DisplayName(this ClaimsPrincipal user) => user.FindFirst(ClaimNames.Name)?.Value;

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirst(type)?.Value, out var value) ? value : null;
}
