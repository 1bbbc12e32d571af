using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>The outbox and inbox tables: the model mapping and the matching migration, kept side by side.</summary>
public static class OutboxModel
{
    public const string OutboxTable = "OutboxMessages";
    public const string InboxTable = "InboxMessages";

    public static ModelBuilder MapOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable(OutboxTable);
            b.HasKey(m => m.SequenceNumber);
            b.Property(m => m.SequenceNumber).ValueGeneratedOnAdd();
            b.HasIndex(m => m.MessageId).IsUnique();
            b.HasIndex(m => new { m.DispatchedAt, m.SequenceNumber });
            b.Property(m => m.MessageType).HasMaxLength(512);
            b.Property(m => m.TraceParent).HasMaxLength(128);
            b.Property(m => m.TraceState).HasMaxLength(512);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.HasIndex(m => m.ParkedAt);
        });

        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable(InboxTable);
            b.HasKey(m => new { m.MessageId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(256);
            b.HasIndex(m => m.ProcessedAt);
        });

        return modelBuilder;
    }

    /// <summary>
    /// The retry columns added after the first release (<see cref="OutboxMessage.NextAttemptAt"/>,
    /// <see cref="OutboxMessage.ParkedAt"/>); call from a later migration of every service with an outbox.
    /// </summary>
    public static void AddOutboxRetryColumns(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "NextAttemptAt", table: OutboxTable, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ParkedAt", table: OutboxTable, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_ParkedAt", table: OutboxTable, column: "ParkedAt");
    }

    /// <summary>
    /// Re-keys existing inbox records from a consumer's former key (its type's full name) to its
    /// stable name, so history is not applied again. Each service's migration lists its own pairs
    /// as literals: the mapping must not change when a class is renamed later.
    /// </summary>
    public static void RenameInboxConsumers(this MigrationBuilder migrationBuilder, params (string From, string To)[] renames)
    {
        foreach (var (from, to) in renames)
        {
            // Double-quoted identifiers and single-quoted literals read the same on SQLite and PostgreSQL.
            migrationBuilder.Sql($"UPDATE \"{InboxTable}\" SET \"Consumer\" = '{to}' WHERE \"Consumer\" = '{from}'");
        }
    }

    /// <summary>Creates both tables; call from a service's initial migration.</summary>
    public static void CreateOutboxAndInboxTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: OutboxTable,
            columns: table => new
            {
                SequenceNumber = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MessageId = table.Column<Guid>(nullable: false),
                MessageType = table.Column<string>(maxLength: 512, nullable: false),
                Body = table.Column<string>(nullable: false),
                TraceParent = table.Column<string>(maxLength: 128, nullable: true),
                TraceState = table.Column<string>(maxLength: 512, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DispatchedAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_" + OutboxTable, x => x.SequenceNumber));

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_MessageId",
            table: OutboxTable,
            column: "MessageId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_DispatchedAt_SequenceNumber",
            table: OutboxTable,
            columns: ["DispatchedAt", "SequenceNumber"]);

        migrationBuilder.CreateTable(
            name: InboxTable,
            columns: table => new
            {
                MessageId = table.Column<Guid>(nullable: false),
                Consumer = table.Column<string>(maxLength: 256, nullable: false),
                ProcessedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_" + InboxTable, x => new { x.MessageId, x.Consumer }));

        migrationBuilder.CreateIndex(
            name: "IX_InboxMessages_ProcessedAt",
            table: InboxTable,
            column: "ProcessedAt");
    }
}
