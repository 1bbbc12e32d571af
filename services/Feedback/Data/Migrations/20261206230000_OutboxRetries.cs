using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Feedback.Data.Migrations;

/// <summary>
/// Outbox rows get a back-off of their own and can be parked; inbox records are keyed by the
/// consumer's endpoint name instead of its class name. Hand-written.
/// </summary>
[DbContext(typeof(FeedbackDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class OutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
        migrationBuilder.RenameInboxConsumers(
            ("KollegialtUtbyte.Feedback.Consumers.RegionRegisteredConsumer", "feedback-region-registered"),
            ("KollegialtUtbyte.Feedback.Consumers.RegionUpdatedConsumer", "feedback-region-updated"),
            ("KollegialtUtbyte.Feedback.Consumers.RegionJoinedProgrammeConsumer", "feedback-region-joined-programme"),
            ("KollegialtUtbyte.Feedback.Consumers.RegionLeftProgrammeConsumer", "feedback-region-left-programme"),
            ("KollegialtUtbyte.Feedback.Consumers.TeamMemberJoinedConsumer", "feedback-team-member-joined"),
            ("KollegialtUtbyte.Feedback.Consumers.TeamMemberUpdatedConsumer", "feedback-team-member-updated"),
            ("KollegialtUtbyte.Feedback.Consumers.TeamMemberLeftConsumer", "feedback-team-member-left"));
    }
}
