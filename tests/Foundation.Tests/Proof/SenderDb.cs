using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Foundation.Tests.Proof;

public sealed class Parcel
{
    public Guid Id { get; set; }

    public required string Label { get; set; }
}

/// <summary>The sending service's database: its state and its outbox.</summary>
public sealed class SenderDb(DbContextOptions<SenderDb> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Parcel> Parcels => Set<Parcel>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Parcel>(b => b.Property(p => p.Label).HasMaxLength(200));
        modelBuilder.MapOutboxAndInbox();
    }

    /// <summary>Sends a parcel: the state change and its event in one SaveChanges.</summary>
    public async Task<Guid> SendAsync(string label, CancellationToken cancellationToken = default)
    {
        var parcel = new Parcel { Id = Guid.NewGuid(), Label = label };
        Parcels.Add(parcel);
        this.AddEvent(new ParcelSent(parcel.Id, label, DateTimeOffset.UtcNow));
        await SaveChangesAsync(cancellationToken);
        return parcel.Id;
    }
}

[DbContext(typeof(SenderDb))]
[Migration("20261122000001_Initial")]
public sealed class SenderInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Parcels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Label = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Parcels", x => x.Id));
        migrationBuilder.CreateOutboxAndInboxTables();
    }
}

[DbContext(typeof(SenderDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class SenderOutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
    }
}
