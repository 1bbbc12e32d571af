using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>
/// Outbox rows get a back-off of their own and can be parked; inbox records are keyed by the
/// consumer's endpoint name instead of its class name. Hand-written.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class OutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
        migrationBuilder.RenameInboxConsumers(
            ("KollegialtUtbyte.Identity.Consumers.PersonEmailChangeRequestedConsumer", "identity-person-email-change-requested"),
            ("KollegialtUtbyte.Identity.Consumers.PersonEmailChangedByAdministratorConsumer", "identity-person-email-changed-by-administrator"),
            ("KollegialtUtbyte.Identity.Consumers.FacilitatorAddedConsumer", "identity-facilitator-added"),
            ("KollegialtUtbyte.Identity.Consumers.FacilitatorRemovedConsumer", "identity-facilitator-removed"),
            ("KollegialtUtbyte.Identity.Consumers.PersonRegisteredConsumer", "identity-person-registered"),
            ("KollegialtUtbyte.Identity.Consumers.PersonUpdatedConsumer", "identity-person-updated"),
            ("KollegialtUtbyte.Identity.Consumers.TeamMemberJoinedConsumer", "identity-team-member-joined"),
            ("KollegialtUtbyte.Identity.Consumers.TeamMemberUpdatedConsumer", "identity-team-member-updated"),
            ("KollegialtUtbyte.Identity.Consumers.TeamMemberLeftConsumer", "identity-team-member-left"));
    }
}
