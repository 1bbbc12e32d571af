using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Notifications.Data;

/// <summary>The notifications service's own database. No other service reads it.</summary>
public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options), IOutboxDbContext, IAuditedDbContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<FeedbackRound> FeedbackRounds => Set<FeedbackRound>();

    public DbSet<FeedbackReviewer> FeedbackReviewers => Set<FeedbackReviewer>();

    public DbSet<AdministratorAccount> AdministratorAccounts => Set<AdministratorAccount>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditLog();
    }
}
