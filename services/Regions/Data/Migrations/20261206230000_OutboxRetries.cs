using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>
/// Outbox rows get a back-off of their own and can be parked; inbox records are keyed by the
/// consumer's endpoint name instead of its class name. Hand-written.
/// </summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class OutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
        migrationBuilder.RenameInboxConsumers(
            ("KollegialtUtbyte.Regions.Consumers.PersonEmailChangeConfirmedConsumer", "regions-person-email-change-confirmed"),
            ("KollegialtUtbyte.Regions.Consumers.PersonEmailChangeCancelledConsumer", "regions-person-email-change-cancelled"));
    }
}
