using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Meetings.Data.Migrations;

/// <summary>
/// Outbox rows get a back-off of their own and can be parked; inbox records are keyed by the
/// consumer's endpoint name instead of its class name. Hand-written.
/// </summary>
[DbContext(typeof(MeetingsDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class OutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
        migrationBuilder.RenameInboxConsumers(
            ("KollegialtUtbyte.Meetings.Consumers.RegionRegisteredConsumer", "meetings-region-registered"),
            ("KollegialtUtbyte.Meetings.Consumers.RegionUpdatedConsumer", "meetings-region-updated"),
            ("KollegialtUtbyte.Meetings.Consumers.FacilitatorAddedConsumer", "meetings-facilitator-added"),
            ("KollegialtUtbyte.Meetings.Consumers.FacilitatorRemovedConsumer", "meetings-facilitator-removed"),
            ("KollegialtUtbyte.Meetings.Consumers.ProgrammeRegisteredConsumer", "meetings-programme-registered"),
            ("KollegialtUtbyte.Meetings.Consumers.ProgrammeUpdatedConsumer", "meetings-programme-updated"),
            ("KollegialtUtbyte.Meetings.Consumers.RegionJoinedProgrammeConsumer", "meetings-region-joined-programme"),
            ("KollegialtUtbyte.Meetings.Consumers.RegionLeftProgrammeConsumer", "meetings-region-left-programme"),
            ("KollegialtUtbyte.Meetings.Consumers.TeamMemberJoinedConsumer", "meetings-team-member-joined"),
            ("KollegialtUtbyte.Meetings.Consumers.TeamMemberUpdatedConsumer", "meetings-team-member-updated"),
            ("KollegialtUtbyte.Meetings.Consumers.TeamMemberLeftConsumer", "meetings-team-member-left"),
            ("KollegialtUtbyte.Meetings.Consumers.PersonUpdatedConsumer", "meetings-person-updated"));
    }
}
