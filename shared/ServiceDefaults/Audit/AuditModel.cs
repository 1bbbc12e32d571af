using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace KollegialtUtbyte.ServiceDefaults.Audit;

/// <summary>The audit log's table: the model mapping and the matching migration, kept side by side.</summary>
public static class AuditModel
{
    public const string Table = "AuditLog";

    public static ModelBuilder MapAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable(Table);
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedOnAdd();
            b.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
            b.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.SubjectPersonId, e.At });
        });
        return modelBuilder;
    }

    /// <summary>Creates the audit table; call from a migration of every service that maps it.</summary>
    public static void CreateAuditLogTable(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Table,
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ActorPersonId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: AuditEntry.ActionMaxLength, nullable: false),
                SubjectPersonId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
                Details = table.Column<string>(maxLength: AuditEntry.DetailsMaxLength, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AuditLog_At", table: Table, column: "At");
        migrationBuilder.CreateIndex(name: "IX_AuditLog_SubjectPersonId_At", table: Table, columns: ["SubjectPersonId", "At"]);
    }
}
