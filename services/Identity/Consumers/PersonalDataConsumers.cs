using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using OpenIddict.EntityFrameworkCore.Models;

namespace KollegialtUtbyte.Identity.Consumers;

/// <summary>
/// Identity's part of an export: the account (never its password hash or security stamps), its
/// organisation sign-in links, the sign-in protection, and the links issued to it (without the
/// links themselves).
/// </summary>
public sealed class ExportPersonalData(IdentityDb db, TimeProvider time) : PersonalDataExportConsumer<IdentityDb>(db, time)
{
    protected override string Service => IdentityModule.Name;

    protected override async Task<object> CollectAsync(Guid personId, CancellationToken cancellationToken)
    {
        var accounts = await Db.Users.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(cancellationToken);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var logins = await Db.UserLogins.AsNoTracking().Where(l => accountIds.Contains(l.UserId)).ToListAsync(cancellationToken);
        var links = await Db.AccountLinkTokens.AsNoTracking().Where(t => accountIds.Contains(t.AccountId)).ToListAsync(cancellationToken);
        var emailChanges = await Db.EmailChanges.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        var memberships = await Db.TeamMemberships.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(cancellationToken);
        return new
        {
            accounts = accounts.Select(a => new
            {
                a.Id,
                a.UserName,
                a.Email,
                a.Name,
                a.PreferredLanguage,
                Roles = a.RoleList,
                a.CreatedAt,
                a.ActivatedAt,
                a.DisabledAt,
                HasPassword = a.HasPassword,
                FailedSignInsSinceLastSuccess = a.AccessFailedCount,
                a.LockoutCount,
                LockedOutUntil = a.LockoutEnd,
                OrganisationSignIns = logins.Where(l => l.UserId == a.Id).Select(l => new { Provider = l.ProviderDisplayName ?? l.LoginProvider }),
                Links = links.Where(t => t.AccountId == a.Id).OrderBy(t => t.CreatedAt).Select(t => new { t.Purpose, t.CreatedAt, t.ExpiresAt, t.UsedAt, t.WithdrawnAt }),
            }),
            teamPlaces = memberships.Select(m => new { m.ProgrammeId, m.RegionName, m.Role, m.IsActive }),
            emailChanges = emailChanges.OrderBy(c => c.RequestedAt).Select(c => new { c.PreviousEmail, c.NewEmail, c.State, c.RequestedAt, c.DecidedAt }),
        };
    }
}

/// <summary>
/// Identity's part of an erasure: the account goes (signing in with her old address then answers
/// as for any unknown address), with every sign-in and link she had: the provider's tokens and
/// authorizations, activation, reset and e-mail change links, organisation sign-in links. Her copy
/// stays as a tombstone with the pseudonym, so late news from the directory does not bring her
/// back, and the audit log keeps its entries without her address or name.
/// </summary>
public sealed class ErasePersonalData(IdentityDb db, TimeProvider time, DirectorySync directory) : PersonalDataErasureConsumer<IdentityDb>(db, time)
{
    protected override string Service => IdentityModule.Name;

    protected override async Task EraseAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = await directory.PersonAsync(personId, cancellationToken);
        var accounts = await Db.Users.Where(a => a.PersonId == personId).ToListAsync(cancellationToken);
        var changes = await Db.EmailChanges.Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        var names = accounts.Select(a => a.Name).Append(person.Name).Where(n => n != ErasedPerson.Name);
        var addresses = accounts.SelectMany(a => new[] { a.Email, a.NormalizedEmail, a.UserName, a.NormalizedUserName, a.PhoneNumber })
            .Append(person.Email)
            .Concat(changes.SelectMany(c => new[] { c.PreviousEmail, c.NewEmail, c.NormalizedNewEmail }));

        foreach (var account in accounts)
        {
            var subject = account.Id.ToString();
            await Db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject).ExecuteDeleteAsync(cancellationToken);
            await Db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject).ExecuteDeleteAsync(cancellationToken);
            await Db.AccountLinkTokens.Where(t => t.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        }

        // Roles, claims, organisation sign-in links and Identity's own tokens go with the account (cascade).
        Db.Users.RemoveRange(accounts);
        Db.EmailChanges.RemoveRange(changes);
        person.Erase(now);

        await Db.ScrubAuditDetailsAsync(names, ErasedPerson.Name, cancellationToken);
        await Db.ScrubAuditDetailsAsync(addresses, "", cancellationToken);
    }
}
