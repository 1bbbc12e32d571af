-- Schema of the Identity database on Sqlite as its hand-written migrations left it (commit dee0c6e), produced by
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

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "EffectiveRoles" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ActivatedAt" TEXT NULL,
    "DisabledAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_AspNetUsers_PersonId" ON "AspNetUsers" ("PersonId");

CREATE TABLE "People" (
    "PersonId" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "DetailsAsOf" TEXT NULL,
    "IsFacilitator" INTEGER NOT NULL,
    "FacilitatorAsOf" TEXT NULL
);

CREATE TABLE "TeamMemberships" (
    "PersonId" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "RegionName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "AsOf" TEXT NOT NULL,
    CONSTRAINT "PK_TeamMemberships" PRIMARY KEY ("PersonId", "ProgrammeId", "RegionId")
);

CREATE TABLE "RefreshTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RefreshTokens" PRIMARY KEY,
    "TokenHash" TEXT NOT NULL,
    "FamilyId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "ClientId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "RevocationReason" TEXT NULL,
    CONSTRAINT "FK_RefreshTokens_AspNetUsers_AccountId" FOREIGN KEY ("AccountId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RefreshTokens_AccountId" ON "RefreshTokens" ("AccountId");

CREATE INDEX "IX_RefreshTokens_FamilyId" ON "RefreshTokens" ("FamilyId");

CREATE UNIQUE INDEX "IX_RefreshTokens_TokenHash" ON "RefreshTokens" ("TokenHash");

CREATE TABLE "AccountLinkTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AccountLinkTokens" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    CONSTRAINT "FK_AccountLinkTokens_AspNetUsers_AccountId" FOREIGN KEY ("AccountId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AccountLinkTokens_AccountId" ON "AccountLinkTokens" ("AccountId");

CREATE UNIQUE INDEX "IX_AccountLinkTokens_TokenHash" ON "AccountLinkTokens" ("TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "EmailChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmailChanges" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "PreviousEmail" TEXT NOT NULL,
    "NewEmail" TEXT NOT NULL,
    "NormalizedNewEmail" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "StopTokenHash" TEXT NULL,
    "FailedConfirmations" INTEGER NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL
);

CREATE INDEX "IX_EmailChanges_PersonId" ON "EmailChanges" ("PersonId");

CREATE UNIQUE INDEX "IX_EmailChanges_ConfirmTokenHash" ON "EmailChanges" ("ConfirmTokenHash");

CREATE UNIQUE INDEX "IX_EmailChanges_StopTokenHash" ON "EmailChanges" ("StopTokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206000000_EmailChangeConfirmation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "RegionIds" TEXT NOT NULL DEFAULT '';

UPDATE "AspNetUsers" SET "RegionIds" = LOWER(CAST("RegionId" AS TEXT)) WHERE "RegionId" IS NOT NULL;

ALTER TABLE "AspNetUsers" DROP COLUMN "RegionId";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206010000_AccountRegions', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "LockoutCount" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206020000_EscalatingLockout', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OpenIddictApplications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictApplications" PRIMARY KEY,
    "ApplicationType" TEXT NULL,
    "ClientId" TEXT NULL,
    "ClientSecret" TEXT NULL,
    "ClientType" TEXT NULL,
    "ConcurrencyToken" TEXT NULL,
    "ConsentType" TEXT NULL,
    "DisplayName" TEXT NULL,
    "DisplayNames" TEXT NULL,
    "JsonWebKeySet" TEXT NULL,
    "Permissions" TEXT NULL,
    "PostLogoutRedirectUris" TEXT NULL,
    "Properties" TEXT NULL,
    "RedirectUris" TEXT NULL,
    "Requirements" TEXT NULL,
    "Settings" TEXT NULL
);

CREATE UNIQUE INDEX "IX_OpenIddictApplications_ClientId" ON "OpenIddictApplications" ("ClientId");

CREATE TABLE "OpenIddictScopes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictScopes" PRIMARY KEY,
    "ConcurrencyToken" TEXT NULL,
    "Description" TEXT NULL,
    "Descriptions" TEXT NULL,
    "DisplayName" TEXT NULL,
    "DisplayNames" TEXT NULL,
    "Name" TEXT NULL,
    "Properties" TEXT NULL,
    "Resources" TEXT NULL
);

CREATE UNIQUE INDEX "IX_OpenIddictScopes_Name" ON "OpenIddictScopes" ("Name");

CREATE TABLE "OpenIddictAuthorizations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictAuthorizations" PRIMARY KEY,
    "ApplicationId" TEXT NULL,
    "ConcurrencyToken" TEXT NULL,
    "CreationDate" TEXT NULL,
    "Properties" TEXT NULL,
    "Scopes" TEXT NULL,
    "Status" TEXT NULL,
    "Subject" TEXT NULL,
    "Type" TEXT NULL,
    CONSTRAINT "FK_OpenIddictAuthorizations_OpenIddictApplications_Application~" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id")
);

CREATE INDEX "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type" ON "OpenIddictAuthorizations" ("ApplicationId", "Status", "Subject", "Type");

CREATE TABLE "OpenIddictTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictTokens" PRIMARY KEY,
    "ApplicationId" TEXT NULL,
    "AuthorizationId" TEXT NULL,
    "ConcurrencyToken" TEXT NULL,
    "CreationDate" TEXT NULL,
    "ExpirationDate" TEXT NULL,
    "Payload" TEXT NULL,
    "Properties" TEXT NULL,
    "RedemptionDate" TEXT NULL,
    "ReferenceId" TEXT NULL,
    "Status" TEXT NULL,
    "Subject" TEXT NULL,
    "Type" TEXT NULL,
    CONSTRAINT "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id"),
    CONSTRAINT "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId" FOREIGN KEY ("AuthorizationId") REFERENCES "OpenIddictAuthorizations" ("Id")
);

CREATE INDEX "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type" ON "OpenIddictTokens" ("ApplicationId", "Status", "Subject", "Type");

CREATE INDEX "IX_OpenIddictTokens_AuthorizationId" ON "OpenIddictTokens" ("AuthorizationId");

CREATE UNIQUE INDEX "IX_OpenIddictTokens_ReferenceId" ON "OpenIddictTokens" ("ReferenceId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206100000_OpenIdProvider', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ParkedAt" TEXT NULL;

CREATE INDEX "IX_OutboxMessages_ParkedAt" ON "OutboxMessages" ("ParkedAt");

UPDATE "InboxMessages" SET "Consumer" = 'identity-person-email-change-requested' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.PersonEmailChangeRequestedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-person-email-changed-by-administrator' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.PersonEmailChangedByAdministratorConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-facilitator-added' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.FacilitatorAddedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-facilitator-removed' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.FacilitatorRemovedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-person-registered' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.PersonRegisteredConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-person-updated' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.PersonUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-team-member-joined' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.TeamMemberJoinedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-team-member-updated' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.TeamMemberUpdatedConsumer';

UPDATE "InboxMessages" SET "Consumer" = 'identity-team-member-left' WHERE "Consumer" = 'KollegialtUtbyte.Identity.Consumers.TeamMemberLeftConsumer';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230000_OutboxRetries', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP TABLE "RefreshTokens";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207000000_DropLegacyRefreshTokens', '10.0.15');

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

BEGIN TRANSACTION;
ALTER TABLE "People" ADD "ErasedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207110000_PersonalDataErasure', '10.0.15');

COMMIT;

