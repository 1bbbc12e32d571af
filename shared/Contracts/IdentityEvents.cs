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

/// <summary>
/// An organisation's identity (its issuer and the subject it gave) was linked to the account, by
/// the account's confirmed e-mail address: from now on that identity signs in to the account.
/// For the audit trail.
/// </summary>
public sealed record ExternalLoginLinked(
    Guid AccountId,
    Guid PersonId,
    string Issuer,
    string Subject,
    string? ProviderName,
    DateTimeOffset OccurredAt);

/// <summary>An administrator (<c>RemovedBy</c>, their account id) removed the link: the identity no longer signs in to the account. For the audit trail.</summary>
public sealed record ExternalLoginRemoved(
    Guid AccountId,
    Guid PersonId,
    string Issuer,
    string Subject,
    Guid? RemovedBy,
    DateTimeOffset OccurredAt);
