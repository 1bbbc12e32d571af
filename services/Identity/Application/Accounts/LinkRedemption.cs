namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>Choosing a password from an activation or reset link.</summary>
public sealed class LinkRedemption(IdentityDb db, AccountLinks links, Passwords passwords, SignInSessions sessions, TimeProvider time)
{
    /// <summary>
    /// Sets the password (already checked against the rules), uses up the link and every other
    /// outstanding link, and ends every session of the account: whoever had the old password is out.
    /// </summary>
    public async Task RedeemAsync(AccountLinkToken link, Account account, string password, CancellationToken cancellationToken)
    {
        passwords.SetPassword(account, password);
        link.Use(time.GetUtcNow());
        await links.WithdrawAllAsync(account.Id, cancellationToken, except: link.Id);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await sessions.EndAllAsync(account.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
