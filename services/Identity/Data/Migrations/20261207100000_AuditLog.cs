using KollegialtUtbyte.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>The audit log of account changes. Hand-written; the migration tests compare it with the model.</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261207100000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateAuditLogTable();
}
