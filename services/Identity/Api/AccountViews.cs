using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Identity.Application.Accounts;
using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.Identity.Domain;
using KollegialtUtbyte.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

public enum AccountState
{
    /// <summary>Provisioned; the person has not chosen a password yet.</summary>
    PendingActivation,
    Active,

    /// <summary>Locked for a while after repeated wrong passwords.</summary>
    LockedOut,
    Disabled,
}

public sealed record AccountSummary(
    Guid Id,
    Guid PersonId,
    string Email,
    string Name,
    AccountState State,
    IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> RegionIds,
    long Version);

public sealed record AccountList(IReadOnlyList<AccountSummary> Items, int Total, int Page, int PageSize);

public sealed record TeamPlace(Guid ProgrammeId, Guid RegionId, string RegionName, TeamRole Role);

/// <summary>An account with where its roles come from: granted by an administrator, or from the directory.</summary>
public sealed record AccountDetails(
    Guid Id,
    Guid PersonId,
    string Email,
    string Name,
    string PreferredLanguage,
    AccountState State,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> GrantedRoles,
    IReadOnlyList<string> DirectoryRoles,
    bool IsFacilitator,
    IReadOnlyList<TeamPlace> TeamPlaces,
    IReadOnlyList<Guid> RegionIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LockedOutUntil,
    long Version);

/// <summary>The roles an administrator grants (replacing the granted ones); team and facilitator roles come from the directory.</summary>
public sealed record GrantRolesRequest(
    [property: Required] IReadOnlyList<string>? Roles,
    [property: Range(1, long.MaxValue)] long Version);

/// <summary>A change that only needs the version the administrator saw.</summary>
public sealed record AccountChangeRequest([property: Range(1, long.MaxValue)] long Version);

/// <summary>An organisation's identity linked to an account: who vouches (the provider's issuer) and for whom (its subject).</summary>
public sealed record ExternalLogin(string Issuer, string Subject, string? ProviderName);

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
