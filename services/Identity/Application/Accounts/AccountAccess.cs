using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>What an account may do: granted roles, the roles and regions its person's places in the directory give.</summary>
public sealed class AccountAccess(IdentityDb db, UserManager<Account> users, TimeProvider time)
{
    public async Task<IReadOnlyList<string>> GrantedRolesAsync(Account account) => AccountRoles.ValidateGranted(await users.GetRolesAsync(account));

    /// <summary>The person's active team places (including ones added but not yet saved).</summary>
    public async Task<IReadOnlyList<TeamMembership>> MembershipsAsync(Guid personId, CancellationToken cancellationToken)
    {
        await db.TeamMemberships.Where(m => m.PersonId == personId).LoadAsync(cancellationToken);
        return db.TeamMemberships.Local.Where(m => m.PersonId == personId).OrderByDescending(m => m.AsOf).ToList();
    }

    /// <summary>Whether the person takes part in (or holds a role of) a dialogue or network, counting places added but not yet saved.</summary>
    public async Task<bool> ParticipatesAsync(Guid personId, CancellationToken cancellationToken)
    {
        await db.ExchangeParticipations.Where(p => p.PersonId == personId).LoadAsync(cancellationToken);
        return db.ExchangeParticipations.Local.Any(p => p.PersonId == personId && p.IsActive);
    }

    public async Task<(IReadOnlyList<string> Roles, IReadOnlyList<Guid> RegionIds)> FromDirectoryAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.FindAsync([personId], cancellationToken);
        var memberships = await MembershipsAsync(personId, cancellationToken);
        var participates = await ParticipatesAsync(personId, cancellationToken);
        var roles = AccountRoles.FromDirectory(memberships.Where(m => m.IsActive).Select(m => m.Role), person?.IsFacilitator ?? false, participates);
        return (roles, TeamMembership.RegionsOf(memberships));
    }

    /// <summary>
    /// Recomputes the account's roles and region after a change of its granted roles or its
    /// person's directory entry, and announces changed roles. Returns whether the roles changed.
    /// </summary>
    public async Task<bool> RefreshAsync(Account account, IReadOnlyList<string>? granted, bool announce, CancellationToken cancellationToken)
    {
        granted ??= await GrantedRolesAsync(account);
        var (directoryRoles, regionIds) = await FromDirectoryAsync(account.PersonId, cancellationToken);
        var effective = AccountRoles.Effective(granted, directoryRoles);
        var joined = string.Join(' ', effective);
        var changed = account.EffectiveRoles != joined;
        account.EffectiveRoles = joined;
        account.RegionIds = string.Join(' ', regionIds);
        if (changed && announce)
        {
            db.AddEvent(new AccountRolesChanged(account.Id, account.PersonId, account.Email!, account.Name, effective, time.GetUtcNow()));
        }

        return changed;
    }
}
