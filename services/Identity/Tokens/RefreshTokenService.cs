using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Identity.Tokens;

/// <summary>Why a refresh token was refused, in words for the RFC 6749 error description.</summary>
public sealed record RefreshRefusal(string Description);

public sealed record RefreshRotation(Account? Account, string? NewToken, RefreshRefusal? Refusal);

/// <summary>
/// Refresh tokens with rotation and reuse detection: each use exchanges the token for a new one
/// of the same family; presenting a token that was already exchanged means someone holds a copy,
/// so the whole family (the sign-in session) is revoked.
/// </summary>
public sealed class RefreshTokenService(IdentityDb db, TimeProvider time, IOptions<IdentitySettings> settings, ILogger<RefreshTokenService> logger)
{
    /// <summary>Adds the first token of a new session; saved with the caller's next SaveChanges.</summary>
    public string StartSession(Guid accountId, string? clientId)
    {
        var (value, hash) = SecretTokens.New();
        db.RefreshTokens.Add(RefreshToken.Issue(accountId, clientId, Guid.NewGuid(), hash, time.GetUtcNow(), settings.Value.RefreshTokenLifetime));
        return value;
    }

    public async Task<RefreshRotation> RotateAsync(string presented, string? clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await FindAsync(presented, cancellationToken);
        if (token is null || !token.BelongsTo(clientId))
        {
            return Refused("The refresh token is not valid.");
        }

        switch (token.StateAt(now))
        {
            case RefreshTokenState.Revoked:
                return Refused("The refresh token has been revoked.");
            case RefreshTokenState.Expired:
                return Refused("The refresh token has expired.");
            case RefreshTokenState.AlreadyUsed:
                await RevokeReusedFamilyAsync(token, cancellationToken);
                return Refused("The refresh token was already used; the session has been revoked.");
        }

        var account = await db.Users.SingleAsync(a => a.Id == token.AccountId, cancellationToken);
        if (account.IsDisabled)
        {
            await RevokeFamilyAsync(token.FamilyId, RefreshTokenRevocation.AccountDisabled, cancellationToken);
            return Refused("The account is disabled.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the token atomically: of two requests racing with the same token only one wins;
        // the other is treated as reuse, exactly like a replayed copy.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await RevokeReusedFamilyAsync(token, cancellationToken);
            return Refused("The refresh token was already used; the session has been revoked.");
        }

        var (value, hash) = SecretTokens.New();
        db.RefreshTokens.Add(RefreshToken.Issue(token.AccountId, token.ClientId, token.FamilyId, hash, now, settings.Value.RefreshTokenLifetime));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RefreshRotation(account, value, null);
    }

    /// <summary>RFC 7009: revokes the session the token belongs to. Unknown tokens are not an error.</summary>
    public async Task<bool> RevokeAsync(string presented, string? clientId, CancellationToken cancellationToken)
    {
        var token = await FindAsync(presented, cancellationToken);
        if (token is null)
        {
            return true;
        }

        if (!token.BelongsTo(clientId))
        {
            return false;
        }

        await RevokeFamilyAsync(token.FamilyId, RefreshTokenRevocation.SignedOut, cancellationToken);
        return true;
    }

    /// <summary>Revokes every session of the account (disabled, or its password was reset).</summary>
    public Task<int> RevokeAllAsync(Guid accountId, RefreshTokenRevocation reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.AccountId == accountId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevocationReason, reason), cancellationToken);
    }

    private Task<RefreshToken?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(presented);
        return db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    private async Task RevokeReusedFamilyAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        logger.LogWarning("Refresh token of session {FamilyId} (account {AccountId}) was used twice; revoking the session", token.FamilyId, token.AccountId);
        await RevokeFamilyAsync(token.FamilyId, RefreshTokenRevocation.ReuseDetected, cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, RefreshTokenRevocation reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevocationReason, reason), cancellationToken);
    }

    private static RefreshRotation Refused(string description) => new(null, null, new RefreshRefusal(description));
}
