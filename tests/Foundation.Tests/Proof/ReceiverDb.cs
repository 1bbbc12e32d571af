using MassTransit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>How often the receiver applied a parcel: exactly once is 1.</summary>
public sealed class ReceivedParcel
{
    public Guid ParcelId { get; set; }

    public required string Label { get; set; }

    public int TimesApplied { get; set; }
}

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

/// <summary>Counts applications instead of inserting once, so a double application would show.</summary>
public sealed class ParcelSentConsumer(ReceiverDb db) : IdempotentConsumer<ParcelSent, ReceiverDb>(db)
{
    protected override async Task ApplyAsync(ParcelSent message, ConsumeContext<ParcelSent> context, CancellationToken cancellationToken)
    {
        var received = await Db.Received.FindAsync([message.ParcelId], cancellationToken);
        if (received is null)
        {
            received = new ReceivedParcel { ParcelId = message.ParcelId, Label = message.Label };
            Db.Received.Add(received);
        }

        received.TimesApplied++;
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
