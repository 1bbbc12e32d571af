namespace KollegialtUtbyte.Regions.Data;

/// <summary>The regions service's own database. No other service reads it.</summary>
public sealed class RegionsDb(DbContextOptions<RegionsDb> options) : DbContext(options), IOutboxDbContext, IAuditedDbContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<ExchangeParticipant> ExchangeParticipants => Set<ExchangeParticipant>();

    public DbSet<ExchangeMember> ExchangeMembers => Set<ExchangeMember>();

    public DbSet<Facilitator> Facilitators => Set<Facilitator>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<EmailChangeAudit> EmailChangeAudits => Set<EmailChangeAudit>();

    public DbSet<PersonalDataExport> PersonalDataExports => Set<PersonalDataExport>();

    public DbSet<PersonalDataErasure> PersonalDataErasures => Set<PersonalDataErasure>();

    public DbSet<AccountCopy> Accounts => Set<AccountCopy>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegionsDb).Assembly);
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditLog();
    }
}
