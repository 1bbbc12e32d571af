using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>The event every candidate carries: the same record, serialized the same way.</summary>
public sealed record ParcelSent(Guid ParcelId, string Label, DateTimeOffset OccurredAt);

public sealed class Parcel
{
    public Guid Id { get; set; }

    public required string Label { get; set; }
}

public sealed class ReceivedParcel
{
    public Guid ParcelId { get; set; }

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

    /// <summary>A state change and its event in one SaveChanges, as every service writes them.</summary>
    public async Task SendAsync(ParcelSent parcel, CancellationToken cancellationToken = default)
    {
        Parcels.Add(new Parcel { Id = parcel.ParcelId, Label = parcel.Label });
        this.AddEvent(parcel);
        await SaveChangesAsync(cancellationToken);
    }
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

/// <summary>Keeps a local copy of each parcel, exactly once per message, as the services' consumers do.</summary>
public sealed class ParcelSentConsumer(ReceiverDb db) : IdempotentConsumer<ParcelSent, ReceiverDb>(db)
{
    protected override Task ApplyAsync(ParcelSent message, ConsumeContext<ParcelSent> context, CancellationToken cancellationToken)
    {
        // Saved with the inbox record in the consumer's one SaveChanges.
        Db.Received.Add(new ReceivedParcel { ParcelId = message.ParcelId, Label = message.Label });
        return Task.CompletedTask;
    }
}

[DbContext(typeof(SenderDb))]
[Migration("20261206000001_Initial")]
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
        migrationBuilder.AddOutboxRetryColumns();
    }
}

[DbContext(typeof(ReceiverDb))]
[Migration("20261206000001_Initial")]
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
            },
            constraints: table => table.PrimaryKey("PK_Received", x => x.ParcelId));
        migrationBuilder.CreateOutboxAndInboxTables();
        migrationBuilder.AddOutboxRetryColumns();
    }
}
