-- Schema of the Meetings database on Sqlite as its hand-written migrations left it (commit dee0c6e), produced by
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
    "Id" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Title" TEXT NULL,
    "OrganisationName" TEXT NULL,
    "RegionId" TEXT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "Gender" TEXT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE TABLE "TeamMemberships" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "PK_TeamMemberships" PRIMARY KEY ("ProgrammeId", "RegionId", "PersonId")
);

CREATE INDEX "IX_TeamMemberships_PersonId" ON "TeamMemberships" ("PersonId");

CREATE TABLE "Facilitators" (
    "PersonId" TEXT NOT NULL CONSTRAINT "PK_Facilitators" PRIMARY KEY,
    "OrganisationId" TEXT NULL,
    "OrganisationName" TEXT NULL,
    "Active" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE TABLE "Regions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CountyCode" TEXT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE TABLE "ProgrammeParticipations" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "PK_ProgrammeParticipations" PRIMARY KEY ("ProgrammeId", "RegionId")
);

CREATE TABLE "PoliticianQuotaStates" (
    "ProgrammeId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "PK_PoliticianQuotaStates" PRIMARY KEY ("ProgrammeId", "PersonId")
);

CREATE TABLE "InvitationRosters" (
    "ProgrammeId" TEXT NOT NULL CONSTRAINT "PK_InvitationRosters" PRIMARY KEY,
    "Revision" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE TABLE "CalendarFeeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);

CREATE INDEX "IX_CalendarFeeds_PersonId" ON "CalendarFeeds" ("PersonId");

CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");

CREATE TABLE "Programmes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Programmes" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "PlannedMeetings" INTEGER NOT NULL,
    "PoliticianShare" TEXT NOT NULL,
    "ExpectedKeyOfficials" INTEGER NOT NULL,
    "RegistryChangedAt" TEXT NULL,
    "PlanPublishedAt" TEXT NULL,
    "RegistryNumbersIssued" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Theme" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Venue" TEXT NULL,
    "OnlineLink" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "CancellationReason" TEXT NULL,
    "ScheduledAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "HeldAt" TEXT NULL,
    "DocumentedAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "AttendanceRecordedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Meetings_Programmes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "Programmes" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Meetings_ProgrammeId_StartsAt" ON "Meetings" ("ProgrammeId", "StartsAt");

CREATE TABLE "MeetingFacilitators" (
    "MeetingId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    CONSTRAINT "PK_MeetingFacilitators" PRIMARY KEY ("MeetingId", "PersonId"),
    CONSTRAINT "FK_MeetingFacilitators_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MeetingFacilitators_PersonId" ON "MeetingFacilitators" ("PersonId");

CREATE TABLE "AgendaItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Responsible" TEXT NULL,
    "StartsAfterMinutes" INTEGER NOT NULL,
    "DurationMinutes" INTEGER NOT NULL,
    "Questions" TEXT NOT NULL,
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgendaItems_MeetingId" ON "AgendaItems" ("MeetingId");

CREATE TABLE "Invitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "Role" TEXT NULL,
    "Answer" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "IssuedAt" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "AnswerTokenHash" TEXT NOT NULL,
    "AnswerTokenExpiresAt" TEXT NOT NULL,
    "AnswerTokenUsedAt" TEXT NULL,
    "Attendance" TEXT NULL,
    "AttendanceRecordedAt" TEXT NULL,
    "AttendanceRecordedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Invitations_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Invitations_AnswerTokenHash" ON "Invitations" ("AnswerTokenHash");

CREATE UNIQUE INDEX "IX_Invitations_MeetingId_PersonId" ON "Invitations" ("MeetingId", "PersonId");

CREATE INDEX "IX_Invitations_ProgrammeId_PersonId" ON "Invitations" ("ProgrammeId", "PersonId");

CREATE TABLE "Documentation" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Documentation" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "CorrectionReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ApprovedByPersonId" TEXT NULL,
    "ApprovedByName" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "RegistryNumber" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Documentation_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Documentation_MeetingId_Revision" ON "Documentation" ("MeetingId", "Revision");

CREATE UNIQUE INDEX "IX_Documentation_ProgrammeId_RegistryNumber" ON "Documentation" ("ProgrammeId", "RegistryNumber");

CREATE TABLE "DocumentationPoints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DocumentationPoints" PRIMARY KEY,
    "DocumentationId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Decision" TEXT NULL,
    CONSTRAINT "FK_DocumentationPoints_Documentation_DocumentationId" FOREIGN KEY ("DocumentationId") REFERENCES "Documentation" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DocumentationPoints_DocumentationId" ON "DocumentationPoints" ("DocumentationId");

CREATE TABLE "WorkshopOutcomes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkshopOutcomes" PRIMARY KEY,
    "DocumentationId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Question" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    CONSTRAINT "FK_WorkshopOutcomes_Documentation_DocumentationId" FOREIGN KEY ("DocumentationId") REFERENCES "Documentation" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_WorkshopOutcomes_DocumentationId" ON "WorkshopOutcomes" ("DocumentationId");

CREATE TABLE "DocumentationAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DocumentationAttachments" PRIMARY KEY,
    "DocumentationId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Link" TEXT NULL,
    CONSTRAINT "FK_DocumentationAttachments_Documentation_DocumentationId" FOREIGN KEY ("DocumentationId") REFERENCES "Documentation" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DocumentationAttachments_DocumentationId" ON "DocumentationAttachments" ("DocumentationId");

CREATE TABLE "DocumentationParticipants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DocumentationParticipants" PRIMARY KEY,
    "DocumentationId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Organisation" TEXT NULL,
    "Role" TEXT NULL,
    CONSTRAINT "FK_DocumentationParticipants_Documentation_DocumentationId" FOREIGN KEY ("DocumentationId") REFERENCES "Documentation" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DocumentationParticipants_DocumentationId" ON "DocumentationParticipants" ("DocumentationId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DecisionActions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DecisionActions" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "DocumentationId" TEXT NOT NULL,
    "PointNumber" TEXT NOT NULL,
    "Theme" TEXT NOT NULL,
    "What" TEXT NOT NULL,
    "OwnerKind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DroppedReason" TEXT NULL,
    "Decision" TEXT NULL,
    "RegistryNumber" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "DueSoonReminderFor" TEXT NULL,
    "OverdueReminderFor" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DecisionActions_Documentation_DocumentationId" FOREIGN KEY ("DocumentationId") REFERENCES "Documentation" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DecisionActions_DocumentationId" ON "DecisionActions" ("DocumentationId");

CREATE INDEX "IX_DecisionActions_OwnerId" ON "DecisionActions" ("OwnerId");

CREATE INDEX "IX_DecisionActions_ProgrammeId_DueOn" ON "DecisionActions" ("ProgrammeId", "DueOn");

CREATE TABLE "ActionProgressNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionProgressNotes" PRIMARY KEY,
    "ActionId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Text" TEXT NULL,
    "ByPersonId" TEXT NULL,
    "ByName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_ActionProgressNotes_DecisionActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "DecisionActions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ActionProgressNotes_ActionId" ON "ActionProgressNotes" ("ActionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206000000_DecisionActions', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ParkedAt" TEXT NULL;

CREATE INDEX "IX_OutboxMessages_ParkedAt" ON "OutboxMessages" ("ParkedAt");

UPDATE "InboxMessages" SET "Consumer" = 'meetings-region-registered' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.RegionRegisteredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-region-updated' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.RegionUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-facilitator-added' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.FacilitatorAddedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-facilitator-removed' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.FacilitatorRemovedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-programme-registered' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.ProgrammeRegisteredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-programme-updated' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.ProgrammeUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-region-joined-programme' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.RegionJoinedProgrammeConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-region-left-programme' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.RegionLeftProgrammeConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-team-member-joined' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.TeamMemberJoinedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-team-member-updated' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.TeamMemberUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-team-member-left' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.TeamMemberLeftConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'meetings-person-updated' WHERE "Consumer" = 'KollegialtUtbyte.Meetings.Consumers.PersonUpdatedConsumer';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230000_OutboxRetries', '10.0.15');

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
ALTER TABLE "People" ADD "ErasedAt" TEXT NULL;

ALTER TABLE "Invitations" ADD "CountedAnonymously" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "AnonymousAttendances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AnonymousAttendances" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "Role" TEXT NULL,
    "Gender" TEXT NULL,
    "Attendance" TEXT NULL
);

CREATE INDEX "IX_AnonymousAttendances_MeetingId" ON "AnonymousAttendances" ("MeetingId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207130000_PersonalDataErasure', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "People" ADD "GenderStatedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207140000_PersonGenderStated', '10.0.15');

COMMIT;

