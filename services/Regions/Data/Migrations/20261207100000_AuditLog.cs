using KollegialtUtbyte.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>The audit log of changes to people, teams and facilitators. Hand-written; the migration tests compare it with the model.</summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261207100000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateAuditLogTable();
}
