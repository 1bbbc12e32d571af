using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// ASP.NET Core Identity's EF store, but without saving on every call: the UserManager's changes
/// are saved by the caller together with the events they raise, in one SaveChanges.
/// </summary>
public sealed class AccountStore : UserStore<Account, IdentityRole<Guid>, IdentityDb, Guid>
{
    public AccountStore(IdentityDb context, IdentityErrorDescriber? describer = null)
        : base(context, describer)
    {
        AutoSaveChanges = false;
    }

    /// <summary>
    /// A tracked account is saved with the caller's changes as it is; the base class would mark it
    /// updated, which turns an account created in the same unit of work from an insert into an update.
    /// </summary>
    public override Task<IdentityResult> UpdateAsync(Account user, CancellationToken cancellationToken = default)
    {
        if (Context.Entry(user).State == EntityState.Detached)
        {
            return base.UpdateAsync(user, cancellationToken);
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        return Task.FromResult(IdentityResult.Success);
    }
}
