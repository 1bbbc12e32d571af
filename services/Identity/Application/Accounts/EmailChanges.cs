using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// Changes of a person's e-mail address, which is their sign-in name and where password resets
/// go. A change asked for in the directory is mailed (confirmation link to the new address,
/// notice with a stop link to the old) and takes effect only when confirmed: the directory then
/// adopts the address, and the account follows. Only the links' hashes are kept.
/// </summary>
public sealed class EmailChanges(
    IdentityDb db, UserManager<Account> users, DirectorySync directory, TimeProvider time, IOptions<IdentityOptions> settings)
{
    /// <summary>Issues the links for a requested change (replacing older pending ones of the person) and asks for the mails; saved by the caller.</summary>
    public async Task RequestAsync(PersonEmailChangeRequested request, CancellationToken cancellationToken)
    {
        // A change asked for before she was erased, arriving late, mails nobody.
        if (await db.EmailChanges.AnyAsync(c => c.Id == request.ChangeId, cancellationToken) || await IsErasedAsync(request.PersonId, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        await ReplacePendingAsync(request.PersonId, now, cancellationToken);
        var (confirmToken, confirmHash) = SecretTokens.New();
        var (stopToken, stopHash) = SecretTokens.New();
        var change = EmailChange.Request(
            request.ChangeId, request.PersonId, request.CurrentEmail, request.NewEmail, confirmHash, stopHash, now, settings.Value.EmailChangeLinkLifetime);
        db.EmailChanges.Add(change);
        db.AddEvent(new PersonEmailChangeLinksIssued(
            change.Id, change.PersonId, request.Name, request.CurrentEmail, change.NewEmail, Languages.Normalize(request.PreferredLanguage),
            confirmToken, stopToken, change.ExpiresAt, now));
    }

    /// <summary>Records an administrator's direct change, so the account may follow it, and lets it follow; saved by the caller.</summary>
    public async Task RecordAdministratorChangeAsync(PersonEmailChangedByAdministrator message, CancellationToken cancellationToken)
    {
        if (await IsErasedAsync(message.PersonId, cancellationToken))
        {
            return;
        }

        await ReplacePendingAsync(message.PersonId, message.OccurredAt, cancellationToken);
        db.EmailChanges.Add(EmailChange.SetByAdministrator(message.PersonId, message.PreviousEmail, message.NewEmail, message.OccurredAt));
        await db.SaveChangesAsync(cancellationToken);
        var person = await directory.PersonAsync(message.PersonId, cancellationToken);
        await directory.ReconcileAsync(person, cancellationToken);
    }

    private Task<bool> IsErasedAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.AnyAsync(p => p.PersonId == personId && p.ErasedAt != null, cancellationToken);

    public Task<EmailChange?> FindPendingByConfirmTokenAsync(string? token, CancellationToken cancellationToken) =>
        FindPendingAsync(token, hash => c => c.ConfirmTokenHash == hash, cancellationToken);

    public Task<EmailChange?> FindPendingByStopTokenAsync(string? token, CancellationToken cancellationToken) =>
        FindPendingAsync(token, hash => c => c.StopTokenHash == hash, cancellationToken);

    /// <summary>The account of the change's person, if they have one (not everyone in the directory does).</summary>
    public Task<Account?> AccountOfAsync(EmailChange change, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(a => a.PersonId == change.PersonId, cancellationToken);

    /// <summary>Whether another account already signs in with the change's new address.</summary>
    public async Task<bool> AddressTakenAsync(EmailChange change, Account? account) =>
        await users.FindByEmailAsync(change.NewEmail) is { } holder && holder.Id != account?.Id;

    /// <summary>
    /// Confirms the change: the account signs in with the new address from now on, and the
    /// directory is told to adopt it (and tell the other services).
    /// </summary>
    public async Task ConfirmAsync(EmailChange change, Account? account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        change.Confirm(now);
        if (account is not null)
        {
            await directory.MoveSignInAsync(account, change.NewEmail, confirmedByOwner: true, cancellationToken);
        }

        db.AddEvent(new PersonEmailChangeConfirmed(change.Id, change.PersonId, change.NewEmail, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Calls the change off: the old address stays, and the directory drops the pending one.</summary>
    public async Task CancelAsync(EmailChange change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        change.Cancel(now);
        db.AddEvent(new PersonEmailChangeCancelled(change.Id, change.PersonId, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Counts a wrong password on the confirmation page; too many call the change off (and the directory hears of it).</summary>
    public async Task FailConfirmationAsync(EmailChange change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (change.FailConfirmation(now))
        {
            db.AddEvent(new PersonEmailChangeCancelled(change.Id, change.PersonId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<EmailChange?> FindPendingAsync(
        string? token, Func<string, System.Linq.Expressions.Expression<Func<EmailChange, bool>>> byHash, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var change = await db.EmailChanges.SingleOrDefaultAsync(byHash(SecretTokens.Hash(token)), cancellationToken);
        return change is not null && change.IsPendingAt(time.GetUtcNow()) ? change : null;
    }

    private async Task ReplacePendingAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var older in await db.EmailChanges.Where(c => c.PersonId == personId && c.State == EmailChangeState.Pending).ToListAsync(cancellationToken))
        {
            older.Replace(now);
        }
    }
}
