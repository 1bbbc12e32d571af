using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KollegialtUtbyte.Meetings.Data;

/// <summary>The meetings service's own database. No other service reads it.</summary>
public sealed class MeetingsDb(DbContextOptions<MeetingsDb> options) : DbContext(options), IOutboxDbContext, IAuditedDbContext
{
    public DbSet<ProgrammeCalendar> Programmes => Set<ProgrammeCalendar>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<MeetingDocumentation> Documentation => Set<MeetingDocumentation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<Facilitator> Facilitators => Set<Facilitator>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<ProgrammeParticipation> Participations => Set<ProgrammeParticipation>();

    public DbSet<ExchangeParticipant> ExchangeParticipants => Set<ExchangeParticipant>();

    public DbSet<PoliticianQuotaState> QuotaStates => Set<PoliticianQuotaState>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<InvitationRoster> InvitationRosters => Set<InvitationRoster>();

    public DbSet<DecisionAction> Actions => Set<DecisionAction>();

    public DbSet<AnonymousAttendance> AnonymousAttendances => Set<AnonymousAttendance>();

    /// <summary>
    /// Marks the facilitators added to a loaded meeting as new rows. Their whole key (meeting and
    /// person) is already set, so EF takes them for existing rows and would write nothing.
    /// </summary>
    public void InsertAddedFacilitators(Meeting meeting, IReadOnlyCollection<Guid> ledBefore)
    {
        foreach (var entry in ChangeTracker.Entries<MeetingFacilitator>())
        {
            if (entry.State == EntityState.Modified
                && Equals(entry.Property("MeetingId").CurrentValue, meeting.Id)
                && !ledBefore.Contains(entry.Entity.PersonId))
            {
                entry.State = EntityState.Added;
            }
        }
    }

    // A meeting's owned facilitators and agenda are a handful of rows, so loading them in one query
    // is right; documentation, with more and larger parts, is read with split queries instead.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(RelationalEventId.MultipleCollectionIncludeWarning));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MeetingsDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditLog();
    }
}
