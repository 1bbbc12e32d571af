-- Schema of the Feedback database on Sqlite as its hand-written migrations left it (commit dee0c6e), produced by
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

CREATE TABLE "Lenses" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Lenses" PRIMARY KEY,
    "Group" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "Regions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CountyCode" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE TABLE "ProgrammeRegions" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "RegionName" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "PK_ProgrammeRegions" PRIMARY KEY ("ProgrammeId", "RegionId")
);

CREATE INDEX "IX_ProgrammeRegions_RegionId" ON "ProgrammeRegions" ("RegionId");

CREATE TABLE "TeamMembers" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "PK_TeamMembers" PRIMARY KEY ("ProgrammeId", "RegionId", "PersonId")
);

CREATE INDEX "IX_TeamMembers_PersonId" ON "TeamMembers" ("PersonId");

CREATE TABLE "StrategyDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StrategyDocuments" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Description" TEXT NULL,
    "LatestVersionNumber" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByPersonId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_StrategyDocuments_RegionId" ON "StrategyDocuments" ("RegionId");

CREATE TABLE "DocumentVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DocumentVersions" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "Note" TEXT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByPersonId" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentVersions_StrategyDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "StrategyDocuments" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DocumentVersions_DocumentId_Number" ON "DocumentVersions" ("DocumentId", "Number");

CREATE TABLE "LearningNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LearningNotes" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "VersionNumber" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByPersonId" TEXT NOT NULL,
    CONSTRAINT "FK_LearningNotes_StrategyDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "StrategyDocuments" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_LearningNotes_DocumentId" ON "LearningNotes" ("DocumentId");

CREATE TABLE "FeedbackRounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FeedbackRounds" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "VersionId" TEXT NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "AuthorRegionId" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "ReviewerCount" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "OpenedByPersonId" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "CloseReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FeedbackRounds_StrategyDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "StrategyDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FeedbackRounds_DocumentVersions_VersionId" FOREIGN KEY ("VersionId") REFERENCES "DocumentVersions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_FeedbackRounds_AuthorRegionId" ON "FeedbackRounds" ("AuthorRegionId");

CREATE INDEX "IX_FeedbackRounds_DocumentId" ON "FeedbackRounds" ("DocumentId");

CREATE INDEX "IX_FeedbackRounds_Status_Deadline" ON "FeedbackRounds" ("Status", "Deadline");

CREATE INDEX "IX_FeedbackRounds_VersionId" ON "FeedbackRounds" ("VersionId");

CREATE TABLE "RoundLenses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoundLenses" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "LensCode" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "FK_RoundLenses_FeedbackRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "FeedbackRounds" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RoundLenses_RoundId_LensCode" ON "RoundLenses" ("RoundId", "LensCode");

CREATE TABLE "RoundReviewers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoundReviewers" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    CONSTRAINT "FK_RoundReviewers_FeedbackRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "FeedbackRounds" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RoundReviewers_RoundId_RegionId" ON "RoundReviewers" ("RoundId", "RegionId");

CREATE INDEX "IX_RoundReviewers_RegionId" ON "RoundReviewers" ("RegionId");

CREATE TABLE "PeerFeedback" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PeerFeedback" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "ReviewerRegionId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "LastEditedByPersonId" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedByPersonId" TEXT NULL,
    "Late" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PeerFeedback_FeedbackRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "FeedbackRounds" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_PeerFeedback_RoundId_ReviewerRegionId" ON "PeerFeedback" ("RoundId", "ReviewerRegionId");

CREATE TABLE "FeedbackLensNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FeedbackLensNotes" PRIMARY KEY,
    "FeedbackId" TEXT NOT NULL,
    "LensCode" TEXT NOT NULL,
    "Strengths" TEXT NULL,
    CONSTRAINT "FK_FeedbackLensNotes_PeerFeedback_FeedbackId" FOREIGN KEY ("FeedbackId") REFERENCES "PeerFeedback" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_FeedbackLensNotes_FeedbackId_LensCode" ON "FeedbackLensNotes" ("FeedbackId", "LensCode");

CREATE TABLE "FeedbackSuggestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FeedbackSuggestions" PRIMARY KEY,
    "FeedbackId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "LensCode" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "ResponseNote" TEXT NULL,
    "RespondedAt" TEXT NULL,
    "RespondedByPersonId" TEXT NULL,
    CONSTRAINT "FK_FeedbackSuggestions_PeerFeedback_FeedbackId" FOREIGN KEY ("FeedbackId") REFERENCES "PeerFeedback" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_FeedbackSuggestions_FeedbackId_Number" ON "FeedbackSuggestions" ("FeedbackId", "Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "RegionPriorities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegionPriorities" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByPersonId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_RegionPriorities_ProgrammeId_RegionId_Number" ON "RegionPriorities" ("ProgrammeId", "RegionId", "Number");

CREATE TABLE "PriorityResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PriorityResults" PRIMARY KEY,
    "PriorityId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "AchievedOn" TEXT NOT NULL,
    "DocumentId" TEXT NULL,
    "DocumentVersionNumber" INTEGER NULL,
    "MeetingId" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedByPersonId" TEXT NOT NULL,
    CONSTRAINT "FK_PriorityResults_RegionPriorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "RegionPriorities" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PriorityResults_PriorityId" ON "PriorityResults" ("PriorityId");

CREATE TABLE "PriorityFeedbackLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PriorityFeedbackLinks" PRIMARY KEY,
    "PriorityId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "RoundId" TEXT NOT NULL,
    "ReviewerRegionId" TEXT NOT NULL,
    "SuggestionNumber" INTEGER NULL,
    "LinkedAt" TEXT NOT NULL,
    "LinkedByPersonId" TEXT NOT NULL,
    CONSTRAINT "FK_PriorityFeedbackLinks_RegionPriorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "RegionPriorities" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PriorityFeedbackLinks_PriorityId" ON "PriorityFeedbackLinks" ("PriorityId");

CREATE INDEX "IX_PriorityFeedbackLinks_RoundId" ON "PriorityFeedbackLinks" ("RoundId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206000000_RegionPriorities', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ParkedAt" TEXT NULL;

CREATE INDEX "IX_OutboxMessages_ParkedAt" ON "OutboxMessages" ("ParkedAt");

UPDATE "InboxMessages" SET "Consumer" = 'feedback-region-registered' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.RegionRegisteredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'feedback-region-updated' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.RegionUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'feedback-region-joined-programme' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.RegionJoinedProgrammeConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'feedback-region-left-programme' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.RegionLeftProgrammeConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'feedback-team-member-joined' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.TeamMemberJoinedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'feedback-team-member-updated' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.TeamMemberUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'feedback-team-member-left' WHERE "Consumer" = 'KollegialtUtbyte.Feedback.Consumers.TeamMemberLeftConsumer';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230000_OutboxRetries', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Programmes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Programmes" PRIMARY KEY,
    "EndsOn" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207100000_ProgrammeEnds', '10.0.15');

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
CREATE TABLE "ErasedPeople" (
    "PersonId" TEXT NOT NULL CONSTRAINT "PK_ErasedPeople" PRIMARY KEY,
    "ErasedAt" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207130000_ErasedPeople', '10.0.15');

COMMIT;

