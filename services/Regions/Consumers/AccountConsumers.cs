using MassTransit;

namespace KollegialtUtbyte.Regions.Consumers;

// Who administers the suite, from Identity's events: an erasure may not remove the last administrator.

public sealed class AccountProvisionedConsumer(RegionsDb db) : IdempotentConsumer<AccountProvisioned, RegionsDb>(db)
{
    protected override async Task ApplyAsync(AccountProvisioned message, ConsumeContext<AccountProvisioned> context, CancellationToken cancellationToken) =>
        (await Accounts.OfAsync(Db, message.PersonId, cancellationToken))?.ApplyRoles(message.Roles, message.OccurredAt);
}

public sealed class AccountRolesChangedConsumer(RegionsDb db) : IdempotentConsumer<AccountRolesChanged, RegionsDb>(db)
{
    protected override async Task ApplyAsync(AccountRolesChanged message, ConsumeContext<AccountRolesChanged> context, CancellationToken cancellationToken) =>
        (await Accounts.OfAsync(Db, message.PersonId, cancellationToken))?.ApplyRoles(message.Roles, message.OccurredAt);
}

public sealed class AccountDisabledConsumer(RegionsDb db) : IdempotentConsumer<AccountDisabled, RegionsDb>(db)
{
    protected override async Task ApplyAsync(AccountDisabled message, ConsumeContext<AccountDisabled> context, CancellationToken cancellationToken) =>
        (await Accounts.OfAsync(Db, message.PersonId, cancellationToken))?.ApplyDisabled(true, message.OccurredAt);
}

public sealed class AccountEnabledConsumer(RegionsDb db) : IdempotentConsumer<AccountEnabled, RegionsDb>(db)
{
    protected override async Task ApplyAsync(AccountEnabled message, ConsumeContext<AccountEnabled> context, CancellationToken cancellationToken) =>
        (await Accounts.OfAsync(Db, message.PersonId, cancellationToken))?.ApplyDisabled(false, message.OccurredAt);
}

internal static class Accounts
{
    /// <summary>The copy of the person's account, added on first news; none for an erased person (her account is gone, late news must not bring it back).</summary>
    public static async Task<AccountCopy?> OfAsync(RegionsDb db, Guid personId, CancellationToken cancellationToken)
    {
        if (await db.People.AnyAsync(p => p.Id == personId && p.ErasedAt != null, cancellationToken))
        {
            return null;
        }

        var account = await db.Accounts.FirstOrDefaultAsync(a => a.PersonId == personId, cancellationToken);
        if (account is null)
        {
            account = AccountCopy.Known(personId);
            db.Accounts.Add(account);
        }

        return account;
    }
}
