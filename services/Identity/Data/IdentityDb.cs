using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace KollegialtUtbyte.Identity.Data;

/// <summary>The identity service's own database: ASP.NET Core Identity's tables plus its own. No other service reads it.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IOutboxDbContext, IAuditedDbContext
{
    public DbSet<DirectoryPerson> People => Set<DirectoryPerson>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<ExchangeParticipation> ExchangeParticipations => Set<ExchangeParticipation>();

    public DbSet<AccountLinkToken> AccountLinkTokens => Set<AccountLinkToken>();

    public DbSet<EmailChange> EmailChanges => Set<EmailChange>();

    // Fixed so the model (and so the migrations) does not depend on the options at run time.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version1;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MapAuditLog();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
        modelBuilder.MapOutboxAndInbox();

        // The OpenID Connect provider's applications, authorizations, scopes and tokens.
        modelBuilder.UseOpenIddict();
    }
}
