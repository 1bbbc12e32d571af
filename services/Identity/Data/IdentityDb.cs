using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Identity.Data;

/// <summary>The identity service's own database. No other service reads it.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : DbContext(options), IOutboxDbContext
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
    }
}
