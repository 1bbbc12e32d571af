namespace KollegialtUtbyte.Identity.Domain;

public enum AccountLinkPurpose
{
    /// <summary>The first password of a new account.</summary>
    Activation,

    PasswordReset,
}

/// <summary>
/// The secret in an activation or password-reset link mailed to a person: single use, expiring,
/// stored only as a hash. A newer link of the same purpose replaces the older ones.
/// </summary>
public sealed class AccountLinkToken
{
    private AccountLinkToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public AccountLinkPurpose Purpose { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Set when a newer link was sent or the account was disabled.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public static AccountLinkToken Issue(Guid accountId, AccountLinkPurpose purpose, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        Purpose = purpose,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && WithdrawnAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now)
    {
        if (!IsUsableAt(now))
        {
            throw new InvalidOperationException("The link is no longer usable.");
        }

        UsedAt = now;
    }

    public void Withdraw(DateTimeOffset now) => WithdrawnAt ??= now;
}
