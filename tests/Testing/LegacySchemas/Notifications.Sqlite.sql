-- Schema of the Notifications database on Sqlite as its hand-written migrations left it (commit dee0c6e), produced by
-- dotnet ef migrations script (with ';' after the statements the migrations wrote without one).
-- The upgrade tests start from it; never edit it.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "SequenceNumber" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "MessageType" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "TraceParent" TEXT NULL,
    "TraceState" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DispatchedAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE UNIQUE INDEX "IX_OutboxMessages_MessageId" ON "OutboxMessages" ("MessageId");

CREATE INDEX "IX_OutboxMessages_DispatchedAt_SequenceNumber" ON "OutboxMessages" ("DispatchedAt", "SequenceNumber");

CREATE TABLE "InboxMessages" (
    "MessageId" TEXT NOT NULL,
    "Consumer" TEXT NOT NULL,
    "ProcessedAt" TEXT NOT NULL,
    CONSTRAINT "PK_InboxMessages" PRIMARY KEY ("MessageId", "Consumer")
);

CREATE INDEX "IX_InboxMessages_ProcessedAt" ON "InboxMessages" ("ProcessedAt");

CREATE TABLE "People" (
    "PersonId" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Regions" (
    "RegionId" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "TeamMemberships" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_TeamMemberships" PRIMARY KEY ("ProgrammeId", "RegionId", "PersonId")
);

CREATE INDEX "IX_TeamMemberships_RegionId" ON "TeamMemberships" ("RegionId");

CREATE TABLE "AdministratorAccounts" (
    "AccountId" TEXT NOT NULL CONSTRAINT "PK_AdministratorAccounts" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsAdministrator" INTEGER NOT NULL,
    "Disabled" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Meetings" (
    "MeetingId" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Theme" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Venue" TEXT NULL,
    "OnlineLink" TEXT NULL,
    "Sequence" INTEGER NOT NULL,
    "Cancelled" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Invitations" (
    "InvitationId" TEXT NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Role" TEXT NULL,
    "AnswerToken" TEXT NULL,
    "AnswerTokenExpiresAt" TEXT NULL,
    "Answer" TEXT NOT NULL,
    "AnsweredAt" TEXT NULL,
    "Issued" INTEGER NOT NULL,
    "Withdrawn" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_Invitations_MeetingId" ON "Invitations" ("MeetingId");

CREATE TABLE "Reminders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Reminders" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "Lead" TEXT NOT NULL,
    "TargetAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "FiredAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Reminders_Kind_SubjectId_Lead" ON "Reminders" ("Kind", "SubjectId", "Lead");

CREATE INDEX "IX_Reminders_Status_DueAt" ON "Reminders" ("Status", "DueAt");

CREATE TABLE "FeedbackRounds" (
    "RoundId" TEXT NOT NULL CONSTRAINT "PK_FeedbackRounds" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "AuthorRegionId" TEXT NOT NULL,
    "DocumentTitle" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "Closed" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "FeedbackReviewers" (
    "RoundId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Assigned" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    CONSTRAINT "PK_FeedbackReviewers" PRIMARY KEY ("RoundId", "RegionId")
);

CREATE TABLE "OutgoingMails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutgoingMails" PRIMARY KEY,
    "DeduplicationKey" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PersonId" TEXT NULL,
    "Address" TEXT NULL,
    "RecipientName" TEXT NULL,
    "Language" TEXT NULL,
    "Payload" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "FailedAt" TEXT NULL,
    "SentTo" TEXT NULL,
    "Subject" TEXT NULL,
    "LastError" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_OutgoingMails_DeduplicationKey" ON "OutgoingMails" ("DeduplicationKey");

CREATE INDEX "IX_OutgoingMails_Status_NextAttemptAt" ON "OutgoingMails" ("Status", "NextAttemptAt");

CREATE INDEX "IX_OutgoingMails_PersonId_Status" ON "OutgoingMails" ("PersonId", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ParkedAt" TEXT NULL;

CREATE INDEX "IX_OutboxMessages_ParkedAt" ON "OutboxMessages" ("ParkedAt");

UPDATE "InboxMessages" SET "Consumer" = 'notifications-account-activation-requested' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.AccountActivationRequestedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-password-reset-requested' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.PasswordResetRequestedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-account-provisioned' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.AccountProvisionedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-account-roles-changed' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.AccountRolesChangedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-account-disabled' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.AccountDisabledConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-person-email-change-links-issued' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.PersonEmailChangeLinksIssuedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-person-registered' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.PersonRegisteredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-person-updated' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.PersonUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-facilitator-added' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.FacilitatorAddedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-team-member-joined' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.TeamMemberJoinedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-team-member-updated' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.TeamMemberUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-team-member-left' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.TeamMemberLeftConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-region-registered' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.RegionRegisteredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-region-updated' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.RegionUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-feedback-round-opened' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.FeedbackRoundOpenedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-reviewers-assigned' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.ReviewersAssignedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-feedback-submitted' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.FeedbackSubmittedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-feedback-round-closed' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.FeedbackRoundClosedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-invitation-issued' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.InvitationIssuedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-invitation-withdrawn' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.InvitationWithdrawnConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-invitation-answered' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.InvitationAnsweredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-meeting-scheduled' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.MeetingScheduledConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-meeting-rescheduled' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.MeetingRescheduledConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-meeting-cancelled' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.MeetingCancelledConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'notifications-politician-quota-status-changed' WHERE "Consumer" = 'KollegialtUtbyte.Notifications.Consumers.PoliticianQuotaStatusChangedConsumer';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230000_OutboxRetries', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Invitations" ADD "IssuedAt" TEXT NULL;

ALTER TABLE "Invitations" ADD "WithdrawnAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207000000_InvitationTimes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "ActorPersonId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "SubjectPersonId" TEXT NULL,
    "At" TEXT NOT NULL,
    "Details" TEXT NULL
);

CREATE INDEX "IX_AuditLog_At" ON "AuditLog" ("At");

CREATE INDEX "IX_AuditLog_SubjectPersonId_At" ON "AuditLog" ("SubjectPersonId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207110000_AuditLog', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Invitations" ADD "MailedSequence" INTEGER NULL;

UPDATE "Invitations" SET "MailedSequence" = (SELECT "Sequence" FROM "Meetings" WHERE "Meetings"."MeetingId" = "Invitations"."MeetingId") WHERE "Issued" = TRUE;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207120000_InvitationMailedSequence', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "People" ADD "ErasedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207130000_PersonalDataErasure', '10.0.15');

COMMIT;

