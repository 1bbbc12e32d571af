using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Testing.Proof;

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

    /// <summary>Sends a new parcel with this label; returns its id.</summary>
    public async Task<Guid> SendAsync(string label, CancellationToken cancellationToken = default)
    {
        var parcel = new ParcelSent(Guid.NewGuid(), label, DateTimeOffset.UtcNow);
        await SendAsync(parcel, cancellationToken);
        return parcel.ParcelId;
    }

    /// <summary>A state change and its event in one SaveChanges, as every service writes them.</summary>
    public async Task SendAsync(ParcelSent parcel, CancellationToken cancellationToken = default)
    {
        Parcels.Add(new Parcel { Id = parcel.ParcelId, Label = parcel.Label });
        this.AddEvent(parcel);
        await SaveChangesAsync(cancellationToken);
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

/// <summary>How often the receiver applied a parcel: exactly once is 1.</summary>
public sealed class ReceivedParcel
{
    public Guid ParcelId { get; set; }

    public required string Label { get; set; }

    public int TimesApplied { get; set; }
}

/// <summary>The receiving service's database: its local copy and its inbox.</summary>
public sealed class ReceiverDb(DbContextOptions<ReceiverDb> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<ReceivedParcel> Received => Set<ReceivedParcel>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseServiceConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedParcel>(b =>
        {
            b.HasKey(r => r.ParcelId);
            b.Property(r => r.Label).HasMaxLength(200);
        });
        modelBuilder.MapOutboxAndInbox();
    }
}

[DbContext(typeof(ReceiverDb))]
[Migration("20261122000001_Initial")]
public sealed class ReceiverInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Received",
            columns: table => new
            {
                ParcelId = table.Column<Guid>(nullable: false),
                Label = table.Column<string>(maxLength: 200, nullable: false),
                TimesApplied = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Received", x => x.ParcelId));
        migrationBuilder.CreateOutboxAndInboxTables();
    }
}

[DbContext(typeof(ReceiverDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class ReceiverOutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
    }
}
