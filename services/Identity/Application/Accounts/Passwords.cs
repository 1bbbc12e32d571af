namespace KollegialtUtbyte.Identity.Application.Accounts;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>No such account, no password yet, or the wrong password.</summary>
    WrongCredentials,
    LockedOut,
    Disabled,

    // The token endpoint answers the three failures alike, so none tells whether an account exists.
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account);

/// <summary>Checking and setting passwords with ASP.NET Core Identity's hasher and validators, and the lockout rule.</summary>
public sealed class Passwords(UserManager<Account> users, IdentityDb db, TimeProvider time, IOptions<IdentityOptions> settings)
{
    // Verified against when the account does not exist, so a wrong user name costs as long as a wrong password.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DemoHashes = new(StringComparer.Ordinal);

    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString()));

    private LockoutPolicy Lockout => new(settings.Value.MaxFailedSignIns, settings.Value.LockoutDuration, settings.Value.MaxLockoutDuration);

    /// <summary>Checks the password; counts failures toward the lockout and saves that count.</summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = await users.FindByNameAsync(userName.Trim());
        if (account?.PasswordHash is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new Account(), DecoyHash.Value, password);
            return new SignInResult(SignInOutcome.WrongCredentials, null);
        }

        // Verified even while locked (and the result then ignored), so every failure costs the same time.
        var verification = users.PasswordHasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (LockoutPolicy.IsLockedOut(account.LockoutEnd, now))
        {
            return new SignInResult(SignInOutcome.LockedOut, account);
        }

        if (verification == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(account, now, cancellationToken);
            return new SignInResult(account.LockoutEnd is null ? SignInOutcome.WrongCredentials : SignInOutcome.LockedOut, account);
        }

        // The account's state is told only to someone who knows its password.
        if (account.IsDisabled)
        {
            return new SignInResult(SignInOutcome.Disabled, account);
        }

        var changed = false;
        if (account.AccessFailedCount != 0 || account.LockoutEnd is not null || account.LockoutCount != 0)
        {
            account.AccessFailedCount = 0;
            account.LockoutEnd = null;
            account.LockoutCount = 0;
            changed = true;
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
            changed = true;
        }

        if (changed)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (another sign-in, an administrator): the password was right all the same.
            }
        }

        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    /// <summary>
    /// Counts a wrong password. Guesses sent in parallel race on the account's version; each loser
    /// reloads and counts again, so parallel guessing cannot slip past the lockout.
    /// </summary>
    private async Task CountFailureAsync(Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!LockoutPolicy.IsLockedOut(account.LockoutEnd, now))
            {
                (account.AccessFailedCount, account.LockoutCount, account.LockoutEnd) = Lockout.AfterFailure(account.AccessFailedCount, account.LockoutCount, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.Entry(account).ReloadAsync(cancellationToken);
            }
        }
    }

    /// <summary>The codes of the password rules <paramref name="password"/> breaks (ASP.NET Core Identity's codes); empty when it is acceptable.</summary>
    public async Task<IReadOnlyList<string>> ProblemsWithAsync(Account account, string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password);
            problems.AddRange(result.Errors.Select(e => e.Code));
        }

        return problems.Distinct().ToList();
    }

    /// <summary>
    /// Sets a password that passed <see cref="ProblemsWithAsync"/>: activates the account, confirms
    /// the e-mail (the link reached it) and lifts any lockout, starting the lockouts over as a
    /// successful sign-in does (the link proved the mailbox). Saved by the caller.
    /// </summary>
    public void SetPassword(Account account, string password) => SetHash(account, users.PasswordHasher.HashPassword(account, password));

    /// <summary>
    /// Sets Development's demo password, hashed once per process for every demo account: a hash per
    /// account cost a hundred key derivations on the first start, each inside a consumer's write
    /// transaction, and held the database's write lock long enough to starve the outbox.
    /// </summary>
    public void SetDemoPassword(Account account, string password) =>
        SetHash(account, DemoHashes.GetOrAdd(password, p => users.PasswordHasher.HashPassword(account, p)));

    private void SetHash(Account account, string hash)
    {
        account.PasswordHash = hash;
        account.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        account.EmailConfirmed = true;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.LockoutCount = 0;
        account.ActivatedAt ??= time.GetUtcNow();
    }
}

/// <summary>A password must not be the account's own e-mail address.</summary>
public sealed class NotTheUserNameValidator : IPasswordValidator<Account>
{
    public const string Code = "PasswordIsUserName";

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password) =>
        Task.FromResult(
            password is not null && user.Email is not null && string.Equals(password.Trim(), user.Email, StringComparison.OrdinalIgnoreCase)
                ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "The password must not be the e-mail address." })
                : IdentityResult.Success);
}
