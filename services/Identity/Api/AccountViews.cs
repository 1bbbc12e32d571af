using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

internal static class ExternalLoginViews
{
    public static IReadOnlyList<ExternalLogin> From(IEnumerable<Microsoft.AspNetCore.Identity.UserLoginInfo> logins) =>
        [.. logins.Select(l => new ExternalLogin(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName)).OrderBy(l => l.Issuer, StringComparer.Ordinal)];
}

internal static class AccountViews
{
    public static AccountState StateOf(Account account, DateTimeOffset now) =>
        account.IsDisabled ? AccountState.Disabled
        : !account.HasPassword ? AccountState.PendingActivation
        : LockoutPolicy.IsLockedOut(account.LockoutEnd, now) ? AccountState.LockedOut
        : AccountState.Active;

    public static AccountSummary Summary(Account account, DateTimeOffset now) =>
        new(account.Id, account.PersonId, account.Email ?? "", account.Name, StateOf(account, now), account.RoleList, account.RegionList, account.Version);

    public static async Task<AccountDetails> DetailsAsync(Account account, AccountAccess access, IdentityDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var granted = await access.GrantedRolesAsync(account);
        var (directoryRoles, _) = await access.FromDirectoryAsync(account.PersonId, cancellationToken);
        var person = await db.People.FindAsync([account.PersonId], cancellationToken);
        var places = (await access.MembershipsAsync(account.PersonId, cancellationToken))
            .Where(m => m.IsActive)
            .Select(m => new TeamPlace(m.ProgrammeId, m.RegionId, m.RegionName, m.Role))
            .ToList();
        return new AccountDetails(
            account.Id, account.PersonId, account.Email ?? "", account.Name, account.PreferredLanguage, StateOf(account, now),
            account.RoleList, granted, directoryRoles, person?.IsFacilitator ?? false, places, account.RegionList,
            account.CreatedAt, account.ActivatedAt, account.DisabledAt,
            LockoutPolicy.IsLockedOut(account.LockoutEnd, now) ? account.LockoutEnd : null,
            account.Version);
    }

    /// <summary>The details with the version as ETag.</summary>
    public static Ok<AccountDetails> Ok(HttpContext http, AccountDetails details)
    {
        http.Response.SetVersionTag(details.Version);
        return TypedResults.Ok(details);
    }
}
