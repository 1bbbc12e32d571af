namespace KollegialtUtbyte.Identity.Domain;

public enum RefreshTokenState
{
    Usable,
    Expired,
    Revoked,

    /// <summary>Already exchanged for a newer token: presenting it again means it was copied.</summary>
    AlreadyUsed,
}

public enum RefreshTokenRevocation
{
    SignedOut,
    ReuseDetected,
    AccountDisabled,
    PasswordChanged,
}

/// <summary>
/// One refresh token of a sign-in session (its family). Each use exchanges it for a new one
/// (rotation); only a hash of the token is stored.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the token the client holds.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>All tokens rotated from one sign-in share the family; reuse of any revokes all of them.</summary>
    public Guid FamilyId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>The client the token was issued to, if the client identified itself.</summary>
    public string? ClientId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public RefreshTokenRevocation? RevocationReason { get; private set; }

    public static RefreshToken Issue(Guid accountId, string? clientId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        ClientId = clientId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public RefreshTokenState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? RefreshTokenState.Revoked
        : UsedAt is not null ? RefreshTokenState.AlreadyUsed
        : now >= ExpiresAt ? RefreshTokenState.Expired
        : RefreshTokenState.Usable;

    /// <summary>Whether a client may use or revoke this token: the one it was issued to, if any.</summary>
    public bool BelongsTo(string? clientId) => ClientId is null || string.Equals(ClientId, clientId, StringComparison.Ordinal);
}
