using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Feedback.Data;

/// <summary>The feedback service's own database. No other service reads it.</summary>
public sealed class FeedbackDb(DbContextOptions<FeedbackDb> options) : DbContext(options), IOutboxDbContext
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FeedbackDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
    }
}
