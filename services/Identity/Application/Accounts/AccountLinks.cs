using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// Activation and password-reset links: a single-use, expiring secret for the person's mail
/// (sent by Notifications from the event), of which only the hash is kept.
/// </summary>
public sealed class AccountLinks(IdentityDb db, TimeProvider time, IOptions<IdentityOptions> settings)
{
    /// <summary>Adds a new activation link and its event; saved by the caller. Older links stop working.</summary>
    public async Task RequestActivationAsync(Account account, CancellationToken cancellationToken)
    {
        var (token, expiresAt) = await IssueAsync(account, AccountLinkPurpose.Activation, settings.Value.ActivationLinkLifetime, cancellationToken);
        db.AddEvent(new AccountActivationRequested(
            account.Id, account.PersonId, account.Email!, account.Name, account.PreferredLanguage, token, expiresAt, time.GetUtcNow()));
    }

    public async Task RequestPasswordResetAsync(Account account, CancellationToken cancellationToken)
    {
        var (token, expiresAt) = await IssueAsync(account, AccountLinkPurpose.PasswordReset, settings.Value.PasswordResetLinkLifetime, cancellationToken);
        db.AddEvent(new PasswordResetRequested(
            account.Id, account.PersonId, account.Email!, account.Name, account.PreferredLanguage, token, expiresAt, time.GetUtcNow()));
    }

    /// <summary>The link's token and account, if the token is one of ours, of this purpose and still usable.</summary>
    public async Task<(AccountLinkToken Link, Account Account)?> FindUsableAsync(string? token, AccountLinkPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretTokens.Hash(token);
        var link = await db.AccountLinkTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (link is null || !link.IsUsableAt(time.GetUtcNow()))
        {
            return null;
        }

        var account = await db.Users.SingleAsync(a => a.Id == link.AccountId, cancellationToken);
        return account.IsDisabled ? null : (link, account);
    }

    /// <summary>Makes every outstanding link of the account unusable (it was disabled, or a password was just set).</summary>
    public async Task WithdrawAllAsync(Guid accountId, CancellationToken cancellationToken, Guid? except = null)
    {
        var now = time.GetUtcNow();
        foreach (var link in (await OutstandingAsync(accountId, null, cancellationToken)).Where(l => l.Id != except))
        {
            link.Withdraw(now);
        }
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(Account account, AccountLinkPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var older in await OutstandingAsync(account.Id, purpose, cancellationToken))
        {
            older.Withdraw(now);
        }

        var (value, hash) = SecretTokens.New();
        var link = AccountLinkToken.Issue(account.Id, purpose, hash, now, lifetime);
        db.AccountLinkTokens.Add(link);
        return (value, link.ExpiresAt);
    }

    private async Task<List<AccountLinkToken>> OutstandingAsync(Guid accountId, AccountLinkPurpose? purpose, CancellationToken cancellationToken)
    {
        var links = await db.AccountLinkTokens
            .Where(t => t.AccountId == accountId && t.UsedAt == null && t.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        return links.Where(t => purpose is null || t.Purpose == purpose).ToList();
    }
}
