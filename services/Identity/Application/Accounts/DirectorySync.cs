using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// Keeps accounts in step with the directory: every person who is a team member or a
/// facilitator has an account, linked by person id, with the roles and region their place gives.
/// A new account gets an activation link (or, in Development with a demo password, is activated).
/// </summary>
public sealed class DirectorySync(
    IdentityDb db,
    UserManager<Account> users,
    AccountAccess access,
    AccountOpening opening,
    AccountLinks links,
    Passwords passwords,
    TimeProvider time,
    IOptions<IdentityOptions> settings,
    IHostEnvironment environment,
    ILogger<DirectorySync> logger)
{
    /// <summary>The local copy of the person, inserted race-free when missing (several events may bring the same new person at once).</summary>
    public async Task<DirectoryPerson> PersonAsync(Guid personId, CancellationToken cancellationToken) =>
        (await db.FindOrInsertAsync([personId], () => DirectoryPerson.Known(personId), cancellationToken)).Entity;

    public async Task<TeamMembership> MembershipAsync(Guid personId, Guid programmeId, Guid regionId, CancellationToken cancellationToken) =>
        (await db.FindOrInsertAsync([personId, programmeId, regionId], () => TeamMembership.For(personId, programmeId, regionId), cancellationToken)).Entity;

    public async Task<ExchangeParticipation> ParticipationAsync(Guid personId, Guid programmeId, CancellationToken cancellationToken) =>
        (await db.FindOrInsertAsync([personId, programmeId], () => ExchangeParticipation.For(personId, programmeId), cancellationToken)).Entity;

    /// <summary>
    /// A place in a region's team, joined or updated: an update implies the place, so it also stands
    /// in for a join that has not arrived yet. The person's details and the place, then the account.
    /// </summary>
    public async Task ApplyTeamPlaceAsync(
        Guid personId, PersonDetails details, Guid programmeId, Guid regionId, TeamRole role, string regionName, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(personId, cancellationToken);
        person.ApplyDetails(details, occurredAt);
        var membership = await MembershipAsync(personId, programmeId, regionId, cancellationToken);
        membership.ApplyJoinedOrUpdated(role, regionName, occurredAt);
        await ReconcileAsync(person, cancellationToken);
    }

    /// <summary>An invitation to a strategic dialogue or a member network, given or withdrawn, then the account.</summary>
    public async Task ApplyInvitationAsync(Guid personId, Guid programmeId, bool invited, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(personId, cancellationToken);
        var participation = await ParticipationAsync(personId, programmeId, cancellationToken);
        participation.ApplyInvited(invited, occurredAt);
        await ReconcileAsync(person, cancellationToken);
    }

    /// <summary>Creates, or brings up to date, the account of <paramref name="person"/> after a change in the directory.</summary>
    public async Task ReconcileAsync(DirectoryPerson person, CancellationToken cancellationToken)
    {
        if (person.IsErased)
        {
            // Her account was removed when she was erased; late news from the directory does not bring it back.
            return;
        }

        var account = await db.Users.SingleOrDefaultAsync(a => a.PersonId == person.PersonId, cancellationToken);
        if (account is null)
        {
            var (roles, _) = await access.FromDirectoryAsync(person.PersonId, cancellationToken);
            if (roles.Count > 0)
            {
                await ProvisionAsync(person, cancellationToken);
            }

            return;
        }

        await UpdateDetailsAsync(account, person, cancellationToken);
        await access.RefreshAsync(account, granted: null, announce: true, cancellationToken);
    }

    private async Task ProvisionAsync(DirectoryPerson person, CancellationToken cancellationToken)
    {
        if (!person.HasDetails)
        {
            logger.LogInformation("Person {PersonId} needs an account; waiting for their name and e-mail address", person.PersonId);
            return;
        }

        var holder = await users.FindByEmailAsync(person.Email);
        if (holder is not null)
        {
            logger.LogWarning("Person {PersonId} gets no account: account {AccountId} already uses their e-mail address", person.PersonId, holder.Id);
            return;
        }

        var now = time.GetUtcNow();
        var account = new Account
        {
            Id = Guid.NewGuid(),
            PersonId = person.PersonId,
            UserName = person.Email,
            Email = person.Email,
            Name = person.Name,
            PreferredLanguage = person.PreferredLanguage,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            logger.LogWarning("Person {PersonId} gets no account: {Problems}", person.PersonId, string.Join(", ", created.Errors.Select(e => e.Code)));
            return;
        }

        var demoPassword = DemoPassword;
        await opening.OpenAsync(
            account, granted: [], now, demoPassword is null ? null : a => passwords.SetDemoPassword(a, demoPassword), cancellationToken);
    }

    private async Task UpdateDetailsAsync(Account account, DirectoryPerson person, CancellationToken cancellationToken)
    {
        if (!person.HasDetails)
        {
            return;
        }

        account.Name = person.Name;
        account.PreferredLanguage = person.PreferredLanguage;
        if (string.Equals(account.Email, person.Email, StringComparison.Ordinal))
        {
            return;
        }

        // The sign-in name follows the directory only to an address its owner confirmed or an
        // administrator set: otherwise whoever may edit the directory could take the account
        // over with a password reset to an address of their own.
        var sameAddress = string.Equals(account.NormalizedEmail, users.NormalizeEmail(person.Email), StringComparison.Ordinal);
        if (!sameAddress && !await IsAuthorisedAsync(person.PersonId, person.Email, cancellationToken))
        {
            logger.LogWarning("Account {AccountId} keeps its e-mail address: the directory names an address that was not confirmed", account.Id);
            return;
        }

        await MoveSignInAsync(account, person.Email, confirmedByOwner: false, cancellationToken);
    }

    /// <summary>
    /// Moves the account's sign-in name and address to <paramref name="email"/>, unless another
    /// account uses it. Outstanding links, mailed to the old address, stop working.
    /// </summary>
    public async Task MoveSignInAsync(Account account, string email, bool confirmedByOwner, CancellationToken cancellationToken)
    {
        var holder = await users.FindByEmailAsync(email);
        if (holder is not null && holder.Id != account.Id)
        {
            logger.LogWarning("Account {AccountId} keeps its e-mail address: account {OtherId} already uses the new one", account.Id, holder.Id);
            return;
        }

        var addressChanged = holder is null;
        account.Email = email;
        account.UserName = email;
        await users.UpdateNormalizedEmailAsync(account);
        await users.UpdateNormalizedUserNameAsync(account);
        if (addressChanged)
        {
            account.EmailConfirmed = confirmedByOwner;
            await links.WithdrawAllAsync(account.Id, cancellationToken);

            // A link sent to the old address must not be the only way in.
            if (!account.HasPassword && !account.IsDisabled)
            {
                await links.RequestActivationAsync(account, cancellationToken);
            }
        }
    }

    private async Task<bool> IsAuthorisedAsync(Guid personId, string email, CancellationToken cancellationToken)
    {
        var normalized = EmailChange.Normalize(email);
        return await db.EmailChanges.AnyAsync(
            c => c.PersonId == personId && c.NormalizedNewEmail == normalized
                && (c.State == EmailChangeState.Confirmed || c.State == EmailChangeState.SetByAdministrator),
            cancellationToken);
    }

    private string? DemoPassword =>
        environment.IsDevelopment() && settings.Value.DemoPassword is { Length: > 0 } password ? password : null;
}
