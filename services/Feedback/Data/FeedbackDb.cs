using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Feedback.Data;

/// <summary>The feedback service's own database. No other service reads it.</summary>
public sealed class FeedbackDb(DbContextOptions<FeedbackDb> options) : DbContext(options), IOutboxDbContext, IAuditedDbContext
{
    public DbSet<Lens> Lenses => Set<Lens>();

    public DbSet<KnownRegion> Regions => Set<KnownRegion>();

    public DbSet<KnownProgramme> Programmes => Set<KnownProgramme>();

    public DbSet<ProgrammeRegion> ProgrammeRegions => Set<ProgrammeRegion>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<ErasedPersonMark> ErasedPeople => Set<ErasedPersonMark>();

    public DbSet<StrategyDocument> Documents => Set<StrategyDocument>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<FeedbackRound> Rounds => Set<FeedbackRound>();

    public DbSet<PeerFeedback> Feedback => Set<PeerFeedback>();

    public DbSet<LearningNote> LearningNotes => Set<LearningNote>();

    public DbSet<RegionPriority> Priorities => Set<RegionPriority>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FeedbackDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditLog();
    }
}
