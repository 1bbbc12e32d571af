using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// Runs at every start, after the migrations: the roles exist, and the first administrator from
/// configuration (<c>Identity:Administrator</c>) has an account. Not demo data: it runs whether
/// or not seeds are enabled.
/// </summary>
public sealed class IdentityBootstrap(
    UserManager<Account> users,
    ILookupNormalizer normalizer,
    AccountAccess access,
    AccountOpening opening,
    Passwords passwords,
    TimeProvider time,
    IOptions<IdentityOptions> settings,
    IHostEnvironment environment,
    ILogger<IdentityBootstrap> logger) : IDatabaseSeeder<IdentityDb>
{
    public async Task SeedAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(settings.Value.DemoPassword) && !environment.IsDevelopment())
        {
            logger.LogWarning("Identity:DemoPassword is set but ignored: it only applies in Development");
        }

        await EnsureRolesAsync(db, cancellationToken);
        await EnsureAdministratorAsync(db, cancellationToken);
    }

    private async Task EnsureRolesAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.NormalizedName).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Where(r => !existing.Contains(normalizer.NormalizeName(r))))
        {
            db.Roles.Add(new IdentityRole<Guid>(role) { Id = Guid.NewGuid(), NormalizedName = normalizer.NormalizeName(role) });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureAdministratorAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        var configured = settings.Value.Administrator;
        if (string.IsNullOrWhiteSpace(configured.Email))
        {
            return;
        }

        var account = await users.FindByEmailAsync(configured.Email);
        if (account is not null)
        {
            if (!await users.IsInRoleAsync(account, Roles.Administrator))
            {
                await users.AddToRoleAsync(account, Roles.Administrator);
                await access.RefreshAsync(account, [.. await access.GrantedRolesAsync(account), Roles.Administrator], announce: true, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Granted the administrator role to the configured administrator {AccountId}", account.Id);
            }

            return;
        }

        var now = time.GetUtcNow();
        var id = Guid.NewGuid();
        account = new Account
        {
            Id = id,
            PersonId = id,
            UserName = configured.Email,
            Email = configured.Email,
            Name = configured.Name,
            CreatedAt = now,
            LockoutEnabled = true,
        };

        var password = configured.Password is { Length: > 0 } given ? given : null;
        if (password is not null)
        {
            var problems = await passwords.ProblemsWithAsync(account, password);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"Identity:Administrator:Password does not meet the password rules: {string.Join(", ", problems)}.");
            }
        }

        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The administrator account cannot be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(account, Roles.Administrator);
        // Production: no password in configuration; the administrator sets one from the mailed link.
        await opening.OpenAsync(
            account, [Roles.Administrator], now, password is null ? null : a => passwords.SetPassword(a, password), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the configured administrator account {AccountId}", account.Id);
    }
}
