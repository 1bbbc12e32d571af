using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Identity.ApiContracts;

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
