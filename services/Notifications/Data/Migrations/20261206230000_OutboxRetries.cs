using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Notifications.Data.Migrations;

/// <summary>
/// Outbox rows get a back-off of their own and can be parked; inbox records are keyed by the
/// consumer's endpoint name instead of its class name. Hand-written.
/// </summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261206230000_OutboxRetries")]
public sealed class OutboxRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddOutboxRetryColumns();
        migrationBuilder.RenameInboxConsumers(
            ("KollegialtUtbyte.Notifications.Consumers.AccountActivationRequestedConsumer", "notifications-account-activation-requested"),
            ("KollegialtUtbyte.Notifications.Consumers.PasswordResetRequestedConsumer", "notifications-password-reset-requested"),
            ("KollegialtUtbyte.Notifications.Consumers.AccountProvisionedConsumer", "notifications-account-provisioned"),
            ("KollegialtUtbyte.Notifications.Consumers.AccountRolesChangedConsumer", "notifications-account-roles-changed"),
            ("KollegialtUtbyte.Notifications.Consumers.AccountDisabledConsumer", "notifications-account-disabled"),
            ("KollegialtUtbyte.Notifications.Consumers.PersonEmailChangeLinksIssuedConsumer", "notifications-person-email-change-links-issued"),
            ("KollegialtUtbyte.Notifications.Consumers.PersonRegisteredConsumer", "notifications-person-registered"),
            ("KollegialtUtbyte.Notifications.Consumers.PersonUpdatedConsumer", "notifications-person-updated"),
            ("KollegialtUtbyte.Notifications.Consumers.FacilitatorAddedConsumer", "notifications-facilitator-added"),
            ("KollegialtUtbyte.Notifications.Consumers.TeamMemberJoinedConsumer", "notifications-team-member-joined"),
            ("KollegialtUtbyte.Notifications.Consumers.TeamMemberUpdatedConsumer", "notifications-team-member-updated"),
            ("KollegialtUtbyte.Notifications.Consumers.TeamMemberLeftConsumer", "notifications-team-member-left"),
            ("KollegialtUtbyte.Notifications.Consumers.RegionRegisteredConsumer", "notifications-region-registered"),
            ("KollegialtUtbyte.Notifications.Consumers.RegionUpdatedConsumer", "notifications-region-updated"),
            ("KollegialtUtbyte.Notifications.Consumers.FeedbackRoundOpenedConsumer", "notifications-feedback-round-opened"),
            ("KollegialtUtbyte.Notifications.Consumers.ReviewersAssignedConsumer", "notifications-reviewers-assigned"),
            ("KollegialtUtbyte.Notifications.Consumers.FeedbackSubmittedConsumer", "notifications-feedback-submitted"),
            ("KollegialtUtbyte.Notifications.Consumers.FeedbackRoundClosedConsumer", "notifications-feedback-round-closed"),
            ("KollegialtUtbyte.Notifications.Consumers.InvitationIssuedConsumer", "notifications-invitation-issued"),
            ("KollegialtUtbyte.Notifications.Consumers.InvitationWithdrawnConsumer", "notifications-invitation-withdrawn"),
            ("KollegialtUtbyte.Notifications.Consumers.InvitationAnsweredConsumer", "notifications-invitation-answered"),
            ("KollegialtUtbyte.Notifications.Consumers.MeetingScheduledConsumer", "notifications-meeting-scheduled"),
            ("KollegialtUtbyte.Notifications.Consumers.MeetingRescheduledConsumer", "notifications-meeting-rescheduled"),
            ("KollegialtUtbyte.Notifications.Consumers.MeetingCancelledConsumer", "notifications-meeting-cancelled"),
            ("KollegialtUtbyte.Notifications.Consumers.PoliticianQuotaStatusChangedConsumer", "notifications-politician-quota-status-changed"));
    }
}
