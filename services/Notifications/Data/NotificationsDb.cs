using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Notifications.Data;

/// <summary>The notifications service's own database. No other service reads it.</summary>
public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options), IOutboxDbContext
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
    }
}
