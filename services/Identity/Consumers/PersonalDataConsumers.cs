using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using Microsoft.EntityFrameworkCore;

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
