using KollegialtUtbyte.Identity.Application.OpenId;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Identity.Application.Accounts;

public enum ExternalSignInOutcome
{
    /// <summary>The identity was linked before; the account it is linked to signs in.</summary>
    SignedIn,

    /// <summary>Linked now, to the account whose confirmed address the provider vouched for.</summary>
    Linked,

    /// <summary>No account has the address (or the provider may not speak for its domain): nobody is created.</summary>
    UnknownPerson,

    /// <summary>The account with the address has not confirmed it, so the address proves nothing yet.</summary>
    EmailNotConfirmed,

    /// <summary>The account is already linked to another identity at the same provider.</summary>
    LinkedToAnother,
    Disabled,
}

/// <summary>An identity a provider vouched for: its issuer and subject, and the address it gave (if any).</summary>
public sealed record ExternalIdentity(ExternalProvider Provider, string Subject, string? Email, bool? EmailVerified);

/// <summary>
/// Sign-in with an organisation's account: a stored link (issuer + subject, ASP.NET Core
/// Identity's user logins) says whose account it is; without one, the identity is linked to the
/// existing account whose confirmed e-mail address the provider gave, if the provider serves that
/// address's domain. Nobody gets an account this way.
/// </summary>
public sealed class ExternalSignIns(UserManager<Account> users, IdentityDb db, TimeProvider time, ILogger<ExternalSignIns> logger)
{
    public async Task<(ExternalSignInOutcome Outcome, Account? Account)> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var provider = identity.Provider;
        var linked = await users.FindByLoginAsync(provider.LoginProvider, identity.Subject);
        if (linked is not null)
        {
            return (linked.IsDisabled ? ExternalSignInOutcome.Disabled : ExternalSignInOutcome.SignedIn, linked);
        }

        // The provider speaks only for its own domains, and only for addresses it has not said are unverified.
        var account = provider.Serves(identity.Email) && identity.EmailVerified is not false ? await users.FindByEmailAsync(identity.Email!.Trim()) : null;
        if (account is null)
        {
            logger.LogInformation("An identity at provider {Provider} matched no account; nothing was linked", provider.Name);
            return (ExternalSignInOutcome.UnknownPerson, null);
        }

        if (!account.EmailConfirmed)
        {
            logger.LogInformation("Account {AccountId} was not linked to provider {Provider}: its e-mail address is not confirmed", account.Id, provider.Name);
            return (ExternalSignInOutcome.EmailNotConfirmed, null);
        }

        if (account.IsDisabled)
        {
            return (ExternalSignInOutcome.Disabled, account);
        }

        if ((await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == provider.LoginProvider))
        {
            logger.LogWarning("Account {AccountId} was not linked to a second identity at provider {Provider}", account.Id, provider.Name);
            return (ExternalSignInOutcome.LinkedToAnother, null);
        }

        var added = await users.AddLoginAsync(account, new UserLoginInfo(provider.LoginProvider, identity.Subject, provider.DisplayName));
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        db.AddEvent(new ExternalLoginLinked(account.Id, account.PersonId, provider.LoginProvider, identity.Subject, provider.DisplayName, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same identity was linked at the same moment by a parallel callback: the link decides (and its event tells).
            db.ChangeTracker.Clear();
            linked = await users.FindByLoginAsync(provider.LoginProvider, identity.Subject);
            return linked is null || linked.IsDisabled ? (ExternalSignInOutcome.UnknownPerson, null) : (ExternalSignInOutcome.SignedIn, linked);
        }

        logger.LogInformation("Account {AccountId} was linked to its identity at provider {Provider}", account.Id, provider.Name);
        return (ExternalSignInOutcome.Linked, account);
    }
}
