using KollegialtUtbyte.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Feedback.Data.Migrations;

/// <summary>The service's audit log, where exports and erasures of a person record themselves. Hand-written; the migration tests compare it with the model.</summary>
[DbContext(typeof(FeedbackDb))]
[Migration("20261207110000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateAuditLogTable();
}
