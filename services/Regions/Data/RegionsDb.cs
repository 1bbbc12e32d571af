using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Data;

/// <summary>The regions service's own database. No other service reads it.</summary>
public sealed class RegionsDb(DbContextOptions<RegionsDb> options) : DbContext(options), IOutboxDbContext
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegionsDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
    }
}
