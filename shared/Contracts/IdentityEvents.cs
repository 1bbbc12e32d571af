namespace KollegialtUtbyte.Contracts;

// Published by the Identity service.

public sealed record AccountProvisioned(
    Guid AccountId,
    Guid PersonId,
    string Email,
    string Name,
    IReadOnlyList<string> Roles,
    DateTimeOffset OccurredAt);

/// <summary>
/// Mail the person a link to set their password. <c>Token</c> is single-use and expires; it is meant
/// for that mail only and must never be logged.
/// </summary>
public sealed record AccountActivationRequested(
    Guid AccountId,
    Guid PersonId,
    string Email,
    string Name,
    string PreferredLanguage,
    [property: LinkSecret] string Token,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt);

public sealed record PasswordResetRequested(
    Guid AccountId,
    Guid PersonId,
    string Email,
    string Name,
    string PreferredLanguage,
    [property: LinkSecret] string Token,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt);

public sealed record AccountRolesChanged(
    Guid AccountId,
    Guid PersonId,
    string Email,
    string Name,
    IReadOnlyList<string> Roles,
    DateTimeOffset OccurredAt);

public sealed record AccountDisabled(
    Guid AccountId,
    Guid PersonId,
    DateTimeOffset OccurredAt);

/// <summary>A disabled account may sign in again (with the roles it has now).</summary>
public sealed record AccountEnabled(
    Guid AccountId,
    Guid PersonId,
    DateTimeOffset OccurredAt);
