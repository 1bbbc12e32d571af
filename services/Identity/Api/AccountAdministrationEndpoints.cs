using System.Security.Claims;
using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.Identity.Application.Audit;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Paging;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>Administrators list accounts, grant roles, disable and enable accounts, and resend activation links.</summary>
public static class AccountAdministrationEndpoints
{
    public static RouteGroupBuilder MapAccountAdministration(this RouteGroupBuilder api)
    {
        // The administrators' routes, in the same prefix as the rest of the API.
        var accounts = api.MapGroup("")
            .RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        accounts.MapGet(IdentityRoutes.Accounts, ListAsync);
        accounts.MapGet(IdentityRoutes.Account, GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPut(IdentityRoutes.AccountRoles, GrantRolesAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPost(IdentityRoutes.DisableAccount, DisableAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPost(IdentityRoutes.EnableAccount, EnableAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost(IdentityRoutes.ActivationLink, SendActivationLinkAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapGet(IdentityRoutes.ExternalLogins, ExternalLoginsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapDelete(IdentityRoutes.ExternalLogins, RemoveExternalLoginAsync)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedList<AccountSummary>>, ValidationProblem>> ListAsync(
        IdentityDb db,
        TimeProvider time,
        [AsParameters] PageQuery paging,
        string? role,
        AccountState? state,
        CancellationToken cancellationToken = default)
    {
        if (role is not null && !AccountRoles.IsKnown(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"Unknown role '{role}'. Known roles: {string.Join(", ", Roles.All)}."] });
        }

        var now = time.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(paging.Search))
        {
            var text = paging.Search.Trim().ToUpperInvariant();
            query = query.Where(a => a.NormalizedEmail!.Contains(text) || a.Name.ToUpper().Contains(text));
        }

        if (role is not null)
        {
            query = query.Where(a => (" " + a.EffectiveRoles + " ").Contains(" " + role + " "));
        }

        query = state switch
        {
            AccountState.Disabled => query.Where(a => a.DisabledAt != null),
            AccountState.PendingActivation => query.Where(a => a.DisabledAt == null && a.PasswordHash == null),
            AccountState.LockedOut => query.Where(a => a.DisabledAt == null && a.PasswordHash != null && a.LockoutEnd > now),
            AccountState.Active => query.Where(a => a.DisabledAt == null && a.PasswordHash != null && (a.LockoutEnd == null || a.LockoutEnd <= now)),
            _ => query,
        };

        var (items, total) = await query.OrderBy(a => a.Name).ThenBy(a => a.NormalizedEmail).PageAsync(paging, cancellationToken);
        return TypedResults.Ok(items.Select(a => AccountViews.Summary(a, now)).ToList().ToPage(paging, total));
    }

    private static async Task<Ok<AccountDetails>> GetAsync(Guid id, HttpContext http, IdentityDb db, AccountAccess access, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        return AccountViews.Ok(http, await AccountViews.DetailsAsync(account, access, db, time.GetUtcNow(), cancellationToken));
    }

    private static async Task<Ok<AccountDetails>> GrantRolesAsync(
        Guid id, GrantRolesRequest request, ClaimsPrincipal user, HttpContext http, IdentityDb db, UserManager<Account> users, AccountAccess access, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        db.ExpectVersion(account, request.Version);
        var granted = AccountRoles.ValidateGranted(request.Roles!);
        var current = await access.GrantedRolesAsync(account);
        if (current.Contains(Roles.Administrator))
        {
            AccountRules.EnsureMayRevokeAdministrator(
                isActiveAdministrator: !account.IsDisabled,
                keepsAdministrator: granted.Contains(Roles.Administrator),
                otherActiveAdministrators: await OtherActiveAdministratorsAsync(db, account.Id, cancellationToken));
        }

        var removed = current.Except(granted).ToList();
        var added = granted.Except(current).ToList();
        if (removed.Count > 0)
        {
            Succeed(await users.RemoveFromRolesAsync(account, removed));
        }

        if (added.Count > 0)
        {
            Succeed(await users.AddToRolesAsync(account, added));
        }

        if (removed.Count > 0 || added.Count > 0)
        {
            db.Audit(AuditActions.RolesChanged, user.PersonId(), account.PersonId, time.GetUtcNow(), new { AccountId = account.Id, Added = added, Removed = removed });
            await access.RefreshAsync(account, granted, announce: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return AccountViews.Ok(http, await AccountViews.DetailsAsync(account, access, db, time.GetUtcNow(), cancellationToken));
    }

    /// <summary>The account can no longer sign in, its sessions end at once and its open links stop working.</summary>
    private static async Task<Ok<AccountDetails>> DisableAsync(
        Guid id,
        AccountChangeRequest request,
        ClaimsPrincipal user,
        HttpContext http,
        IdentityDb db,
        AccountAccess access,
        AccountLinks links,
        SignInSessions sessions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        db.ExpectVersion(account, request.Version);
        var now = time.GetUtcNow();
        if (!account.IsDisabled)
        {
            var isAdministrator = (await access.GrantedRolesAsync(account)).Contains(Roles.Administrator);
            AccountRules.EnsureMayDisable(
                isOwnAccount: IsOwnAccount(user, account),
                isActiveAdministrator: isAdministrator,
                otherActiveAdministrators: isAdministrator ? await OtherActiveAdministratorsAsync(db, account.Id, cancellationToken) : 0);

            account.DisabledAt = now;
            await links.WithdrawAllAsync(account.Id, cancellationToken);
            db.AddEvent(new AccountDisabled(account.Id, account.PersonId, now));
            db.Audit(AuditActions.Disabled, user.PersonId(), account.PersonId, now, new { AccountId = account.Id });

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await sessions.EndAllAsync(account.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return AccountViews.Ok(http, await AccountViews.DetailsAsync(account, access, db, now, cancellationToken));
    }

    private static async Task<Ok<AccountDetails>> EnableAsync(
        Guid id, AccountChangeRequest request, ClaimsPrincipal user, HttpContext http, IdentityDb db, AccountAccess access, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        db.ExpectVersion(account, request.Version);
        var now = time.GetUtcNow();
        if (account.IsDisabled)
        {
            account.DisabledAt = null;
            account.AccessFailedCount = 0;
            account.LockoutEnd = null;
            db.AddEvent(new AccountEnabled(account.Id, account.PersonId, now));
            db.Audit(AuditActions.Enabled, user.PersonId(), account.PersonId, now, new { AccountId = account.Id });
            await db.SaveChangesAsync(cancellationToken);
        }

        return AccountViews.Ok(http, await AccountViews.DetailsAsync(account, access, db, now, cancellationToken));
    }

    /// <summary>A new activation link for a person whose mail was lost or whose link expired; older links stop working.</summary>
    private static async Task<Accepted> SendActivationLinkAsync(
        Guid id, ClaimsPrincipal user, IdentityDb db, AccountLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        AccountRules.EnsureMayRequestActivation(account.IsDisabled, account.HasPassword);
        await links.RequestActivationAsync(account, cancellationToken);
        db.Audit(AuditActions.ActivationLinkSent, user.PersonId(), account.PersonId, time.GetUtcNow(), new { AccountId = account.Id });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The organisations' identities linked to the account (issuer and subject), by which it signs in there.</summary>
    private static async Task<Ok<IReadOnlyList<ExternalLogin>>> ExternalLoginsAsync(Guid id, IdentityDb db, UserManager<Account> users, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        return TypedResults.Ok(ExternalLoginViews.From(await users.GetLoginsAsync(account)));
    }

    /// <summary>
    /// Unlinks an organisation's identity: it no longer signs in to the account. A later sign-in
    /// there links again only by the account's confirmed e-mail address.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<ExternalLogin>>, ValidationProblem>> RemoveExternalLoginAsync(
        Guid id, string? issuer, string? subject, ClaimsPrincipal user, IdentityDb db, UserManager<Account> users, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(issuer) ? "issuer" : "subject"] = ["Name the link to remove by its issuer and subject."],
            });
        }

        var account = await FindAsync(db, id, cancellationToken);
        if (!(await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == issuer && l.ProviderKey == subject))
        {
            throw new ResourceNotFoundException("External login", subject);
        }

        Succeed(await users.RemoveLoginAsync(account, issuer, subject));
        var removedBy = Guid.TryParse(user.FindFirst(ClaimNames.Subject)?.Value, out var administrator) ? administrator : (Guid?)null;
        db.AddEvent(new ExternalLoginRemoved(account.Id, account.PersonId, issuer, subject, removedBy, time.GetUtcNow()));
        db.Audit(AuditActions.ExternalLoginRemoved, user.PersonId(), account.PersonId, time.GetUtcNow(), new { AccountId = account.Id, Issuer = issuer });
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(AccountAdministrationEndpoints)).LogInformation("An external login was removed from account {AccountId}", account.Id);
        return TypedResults.Ok(ExternalLoginViews.From(await users.GetLoginsAsync(account)));
    }

    private static async Task<Account> FindAsync(IdentityDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Account", id);

    private static bool IsOwnAccount(ClaimsPrincipal user, Account account) =>
        user.FindFirst(ClaimNames.Subject)?.Value == account.Id.ToString() || user.PersonId() == account.PersonId;

    private static async Task<int> OtherActiveAdministratorsAsync(IdentityDb db, Guid accountId, CancellationToken cancellationToken)
    {
        var normalized = Roles.Administrator.ToUpperInvariant();
        return await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join account in db.Users on userRole.UserId equals account.Id
            where role.NormalizedName == normalized && account.Id != accountId && account.DisabledAt == null
            select account.Id).CountAsync(cancellationToken);
    }

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
