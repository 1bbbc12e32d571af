using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// What every account gets right after it is created, from the directory or as the configured
/// administrator: its roles, the event that tells the other services it exists, and a way in
/// (the password it was given, or else an activation link mailed to its address). Saved by the caller.
/// </summary>
public sealed class AccountOpening(IdentityDb db, AccountAccess access, AccountLinks links)
{
    /// <param name="setPassword">Gives the account its password; without one, an activation link is mailed.</param>
    public async Task OpenAsync(Account account, IReadOnlyList<string> granted, DateTimeOffset now, Action<Account>? setPassword, CancellationToken cancellationToken)
    {
        await access.RefreshAsync(account, granted, announce: false, cancellationToken);
        db.AddEvent(new AccountProvisioned(account.Id, account.PersonId, account.Email!, account.Name, account.RoleList, now));
        if (setPassword is not null)
        {
            setPassword(account);
        }
        else
        {
            await links.RequestActivationAsync(account, cancellationToken);
        }
    }
}
