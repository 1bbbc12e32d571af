-- Schema of the Regions database on Sqlite as its hand-written migrations left it (commit dee0c6e), produced by
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

CREATE TABLE "Regions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CountyCode" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Regions_Name" ON "Regions" ("Name");

CREATE UNIQUE INDEX "IX_Regions_CountyCode" ON "Regions" ("CountyCode");

CREATE TABLE "Organisations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Organisations_Name" ON "Organisations" ("Name");

CREATE TABLE "People" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "NormalizedEmail" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Title" TEXT NULL,
    "RegionId" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "Gender" TEXT NULL,
    "ShareContactDetails" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_People_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_People_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_People_NormalizedEmail" ON "People" ("NormalizedEmail");

CREATE INDEX "IX_People_Name" ON "People" ("Name");

CREATE INDEX "IX_People_RegionId" ON "People" ("RegionId");

CREATE INDEX "IX_People_OrganisationId" ON "People" ("OrganisationId");

CREATE TABLE "Programmes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Programmes" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "ExpectedKeyOfficials" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Teams" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "JoinedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_Teams" PRIMARY KEY ("ProgrammeId", "RegionId"),
    CONSTRAINT "FK_Teams_Programmes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "Programmes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Teams_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Teams_RegionId" ON "Teams" ("RegionId");

CREATE TABLE "TeamMembers" (
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "JoinedAt" TEXT NOT NULL,
    CONSTRAINT "PK_TeamMembers" PRIMARY KEY ("ProgrammeId", "RegionId", "PersonId"),
    CONSTRAINT "FK_TeamMembers_Teams_ProgrammeId_RegionId" FOREIGN KEY ("ProgrammeId", "RegionId") REFERENCES "Teams" ("ProgrammeId", "RegionId") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamMembers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_TeamMembers_PersonId" ON "TeamMembers" ("PersonId");

CREATE TABLE "Facilitators" (
    "PersonId" TEXT NOT NULL CONSTRAINT "PK_Facilitators" PRIMARY KEY,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Facilitators_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkingGroups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkingGroups" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "Disbanded" INTEGER NOT NULL,
    "FormedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkingGroups_Programmes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "Programmes" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_WorkingGroups_ProgrammeId" ON "WorkingGroups" ("ProgrammeId");

CREATE TABLE "WorkingGroupRegions" (
    "WorkingGroupId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    CONSTRAINT "PK_WorkingGroupRegions" PRIMARY KEY ("WorkingGroupId", "RegionId"),
    CONSTRAINT "FK_WorkingGroupRegions_WorkingGroups_WorkingGroupId" FOREIGN KEY ("WorkingGroupId") REFERENCES "WorkingGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WorkingGroupRegions_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_WorkingGroupRegions_RegionId" ON "WorkingGroupRegions" ("RegionId");

CREATE TABLE "WorkingGroupMembers" (
    "WorkingGroupId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    CONSTRAINT "PK_WorkingGroupMembers" PRIMARY KEY ("WorkingGroupId", "PersonId"),
    CONSTRAINT "FK_WorkingGroupMembers_WorkingGroups_WorkingGroupId" FOREIGN KEY ("WorkingGroupId") REFERENCES "WorkingGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WorkingGroupMembers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_WorkingGroupMembers_PersonId" ON "WorkingGroupMembers" ("PersonId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "People" ADD "PendingEmail" TEXT NULL;

ALTER TABLE "People" ADD "NormalizedPendingEmail" TEXT NULL;

ALTER TABLE "People" ADD "PendingEmailChangeId" TEXT NULL;

ALTER TABLE "People" ADD "PendingEmailRequestedBy" TEXT NULL;

CREATE UNIQUE INDEX "IX_People_NormalizedPendingEmail" ON "People" ("NormalizedPendingEmail");

UPDATE "People" SET "SearchText" = REPLACE("SearchText", ' ' || "NormalizedEmail", '');

CREATE TABLE "EmailChangeAudits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmailChangeAudits" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "Step" TEXT NOT NULL,
    "PreviousEmail" TEXT NOT NULL,
    "NewEmail" TEXT NOT NULL,
    "ChangedBy" TEXT NULL,
    "ChangedByName" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE INDEX "IX_EmailChangeAudits_PersonId" ON "EmailChangeAudits" ("PersonId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206000000_EmailChangeConfirmation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ParkedAt" TEXT NULL;

CREATE INDEX "IX_OutboxMessages_ParkedAt" ON "OutboxMessages" ("ParkedAt");

UPDATE "InboxMessages" SET "Consumer" = 'regions-person-email-change-confirmed' WHERE "Consumer" = 'KollegialtUtbyte.Regions.Consumers.PersonEmailChangeConfirmedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'regions-person-email-change-cancelled' WHERE "Consumer" = 'KollegialtUtbyte.Regions.Consumers.PersonEmailChangeCancelledConsumer';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230000_OutboxRetries', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "PersonalDataExports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PersonalDataExports" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "RequestedBy" TEXT NULL,
    "RequestedAt" TEXT NOT NULL,
    "DeadlineAt" TEXT NOT NULL
);

CREATE INDEX "IX_PersonalDataExports_PersonId" ON "PersonalDataExports" ("PersonId");

CREATE TABLE "PersonalDataExportParts" (
    "ExportId" TEXT NOT NULL,
    "Service" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    CONSTRAINT "PK_PersonalDataExportParts" PRIMARY KEY ("ExportId", "Service"),
    CONSTRAINT "FK_PersonalDataExportParts_PersonalDataExports_ExportId" FOREIGN KEY ("ExportId") REFERENCES "PersonalDataExports" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207010000_PersonalDataExports', '10.0.15');

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
VALUES ('20261207100000_AuditLog', '10.0.15');

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_People" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "Phone" TEXT NULL,
    "Title" TEXT NULL,
    "RegionId" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "Gender" TEXT NULL,
    "ShareContactDetails" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "PendingEmail" TEXT NULL,
    "NormalizedPendingEmail" TEXT NULL,
    "PendingEmailChangeId" TEXT NULL,
    "PendingEmailRequestedBy" TEXT NULL,
    "ErasedAt" TEXT NULL,
    CONSTRAINT "FK_People_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_People_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_People" ("Id", "Name", "Email", "NormalizedEmail", "Phone", "Title", "RegionId", "OrganisationId", "PreferredLanguage", "Gender", "ShareContactDetails", "SearchText", "RegisteredAt", "Version", "PendingEmail", "NormalizedPendingEmail", "PendingEmailChangeId", "PendingEmailRequestedBy") SELECT "Id", "Name", "Email", "NormalizedEmail", "Phone", "Title", "RegionId", "OrganisationId", "PreferredLanguage", "Gender", "ShareContactDetails", "SearchText", "RegisteredAt", "Version", "PendingEmail", "NormalizedPendingEmail", "PendingEmailChangeId", "PendingEmailRequestedBy" FROM "People";

DROP TABLE "People";

ALTER TABLE "ef_temp_People" RENAME TO "People";

CREATE UNIQUE INDEX "IX_People_NormalizedEmail" ON "People" ("NormalizedEmail");

CREATE UNIQUE INDEX "IX_People_NormalizedPendingEmail" ON "People" ("NormalizedPendingEmail");

CREATE INDEX "IX_People_Name" ON "People" ("Name");

CREATE INDEX "IX_People_RegionId" ON "People" ("RegionId");

CREATE INDEX "IX_People_OrganisationId" ON "People" ("OrganisationId");

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE TABLE "PersonalDataErasures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PersonalDataErasures" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "RequestedBy" TEXT NULL,
    "RequestedBySelf" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "RequestedAt" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_PersonalDataErasures_PersonId" ON "PersonalDataErasures" ("PersonId");

CREATE INDEX "IX_PersonalDataErasures_State_RequestedAt" ON "PersonalDataErasures" ("State", "RequestedAt");

CREATE TABLE "PersonalDataErasureAnswers" (
    "ErasureId" TEXT NOT NULL,
    "Service" TEXT NOT NULL,
    "ErasedAt" TEXT NOT NULL,
    CONSTRAINT "PK_PersonalDataErasureAnswers" PRIMARY KEY ("ErasureId", "Service"),
    CONSTRAINT "FK_PersonalDataErasureAnswers_PersonalDataErasures_ErasureId" FOREIGN KEY ("ErasureId") REFERENCES "PersonalDataErasures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Accounts" (
    "PersonId" TEXT NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY,
    "IsAdministrator" INTEGER NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "RolesAsOf" TEXT NULL,
    "DisabledAsOf" TEXT NULL
);

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207110000_PersonalDataErasures', '10.0.15');

