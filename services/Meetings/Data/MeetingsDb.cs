using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Data;

/// <summary>The meetings service's own database. No other service reads it.</summary>
public sealed class MeetingsDb(DbContextOptions<MeetingsDb> options) : DbContext(options), IOutboxDbContext
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MeetingsDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
    }
}
