using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Meetings.Data.Migrations;

/// <summary>Hand-written (see the README's migration rules); the migration tests compare it with the model.</summary>
[DbContext(typeof(MeetingsDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
        CreateLocalCopies(migrationBuilder);
        CreateProgrammesAndMeetings(migrationBuilder);
        CreateInvitations(migrationBuilder);
        CreateDocumentation(migrationBuilder);
    }

    private static void CreateLocalCopies(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                OrganisationName = table.Column<string>(maxLength: 300, nullable: true),
                RegionId = table.Column<Guid>(nullable: true),
                PreferredLanguage = table.Column<string>(maxLength: 16, nullable: false),
                Gender = table.Column<string>(maxLength: 64, nullable: true),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_People", x => x.Id));

        migrationBuilder.CreateTable(
            name: "TeamMemberships",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 64, nullable: false),
                Active = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TeamMemberships", x => new { x.ProgrammeId, x.RegionId, x.PersonId }));
        migrationBuilder.CreateIndex(name: "IX_TeamMemberships_PersonId", table: "TeamMemberships", column: "PersonId");

        migrationBuilder.CreateTable(
            name: "Facilitators",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: true),
                OrganisationName = table.Column<string>(maxLength: 300, nullable: true),
                Active = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Facilitators", x => x.PersonId));

        migrationBuilder.CreateTable(
            name: "Regions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                CountyCode = table.Column<string>(maxLength: 8, nullable: true),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Regions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ProgrammeParticipations",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                Active = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ProgrammeParticipations", x => new { x.ProgrammeId, x.RegionId }));

        migrationBuilder.CreateTable(
            name: "PoliticianQuotaStates",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PoliticianQuotaStates", x => new { x.ProgrammeId, x.PersonId }));

        migrationBuilder.CreateTable(
            name: "InvitationRosters",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                Revision = table.Column<long>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_InvitationRosters", x => x.ProgrammeId));

        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_CalendarFeeds", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_CalendarFeeds_PersonId", table: "CalendarFeeds", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_CalendarFeeds_TokenHash", table: "CalendarFeeds", column: "TokenHash", unique: true);
    }

    private static void CreateProgrammesAndMeetings(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Programmes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                Themes = table.Column<string>(maxLength: 4000, nullable: false),
                PlannedMeetings = table.Column<int>(nullable: false),
                PoliticianShare = table.Column<decimal>(precision: 5, scale: 4, nullable: false),
                ExpectedKeyOfficials = table.Column<int>(nullable: false),
                RegistryChangedAt = table.Column<DateTime>(nullable: true),
                PlanPublishedAt = table.Column<DateTime>(nullable: true),
                RegistryNumbersIssued = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Programmes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Theme = table.Column<string>(maxLength: 200, nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                Venue = table.Column<string>(maxLength: 300, nullable: true),
                OnlineLink = table.Column<string>(maxLength: 1000, nullable: true),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Sequence = table.Column<int>(nullable: false),
                CancellationReason = table.Column<string>(maxLength: 1000, nullable: true),
                ScheduledAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                HeldAt = table.Column<DateTime>(nullable: true),
                DocumentedAt = table.Column<DateTime>(nullable: true),
                CancelledAt = table.Column<DateTime>(nullable: true),
                AttendanceRecordedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey("FK_Meetings_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Meetings_ProgrammeId_StartsAt", table: "Meetings", columns: ["ProgrammeId", "StartsAt"]);

        migrationBuilder.CreateTable(
            name: "MeetingFacilitators",
            columns: table => new
            {
                MeetingId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingFacilitators", x => new { x.MeetingId, x.PersonId });
                table.ForeignKey("FK_MeetingFacilitators_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_MeetingFacilitators_PersonId", table: "MeetingFacilitators", column: "PersonId");

        migrationBuilder.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Responsible = table.Column<string>(maxLength: 300, nullable: true),
                StartsAfterMinutes = table.Column<int>(nullable: false),
                DurationMinutes = table.Column<int>(nullable: false),
                Questions = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
                table.ForeignKey("FK_AgendaItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_AgendaItems_MeetingId", table: "AgendaItems", column: "MeetingId");
    }

    private static void CreateInvitations(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Invitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: true),
                Role = table.Column<string>(maxLength: 64, nullable: true),
                Answer = table.Column<string>(maxLength: 64, nullable: false),
                Comment = table.Column<string>(maxLength: 1000, nullable: true),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                IssuedAt = table.Column<DateTime>(nullable: false),
                WithdrawnAt = table.Column<DateTime>(nullable: true),
                AnswerTokenHash = table.Column<string>(maxLength: 64, nullable: false),
                AnswerTokenExpiresAt = table.Column<DateTime>(nullable: false),
                AnswerTokenUsedAt = table.Column<DateTime>(nullable: true),
                Attendance = table.Column<string>(maxLength: 64, nullable: true),
                AttendanceRecordedAt = table.Column<DateTime>(nullable: true),
                AttendanceRecordedBy = table.Column<Guid>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Invitations", x => x.Id);
                table.ForeignKey("FK_Invitations_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Invitations_AnswerTokenHash", table: "Invitations", column: "AnswerTokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Invitations_MeetingId_PersonId", table: "Invitations", columns: ["MeetingId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Invitations_ProgrammeId_PersonId", table: "Invitations", columns: ["ProgrammeId", "PersonId"]);
    }

    private static void CreateDocumentation(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Documentation",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Summary = table.Column<string>(nullable: true),
                CorrectionReason = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                ApprovedByPersonId = table.Column<Guid>(nullable: true),
                ApprovedByName = table.Column<string>(maxLength: 200, nullable: true),
                ApprovedAt = table.Column<DateTime>(nullable: true),
                RegistryNumber = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Documentation", x => x.Id);
                table.ForeignKey("FK_Documentation_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Documentation_MeetingId_Revision", table: "Documentation", columns: ["MeetingId", "Revision"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Documentation_ProgrammeId_RegistryNumber", table: "Documentation", columns: ["ProgrammeId", "RegistryNumber"], unique: true);

        migrationBuilder.CreateTable(
            name: "DocumentationPoints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentationId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Number = table.Column<string>(maxLength: 16, nullable: false),
                Level = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                Decision = table.Column<string>(nullable: true),
            },
            constraints: table => OwnedByDocumentation(table, "DocumentationPoints", x => x.Id, x => x.DocumentationId));
        migrationBuilder.CreateIndex(name: "IX_DocumentationPoints_DocumentationId", table: "DocumentationPoints", column: "DocumentationId");

        migrationBuilder.CreateTable(
            name: "WorkshopOutcomes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentationId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Question = table.Column<string>(maxLength: 1000, nullable: false),
                Outcome = table.Column<string>(nullable: false),
            },
            constraints: table => OwnedByDocumentation(table, "WorkshopOutcomes", x => x.Id, x => x.DocumentationId));
        migrationBuilder.CreateIndex(name: "IX_WorkshopOutcomes_DocumentationId", table: "WorkshopOutcomes", column: "DocumentationId");

        migrationBuilder.CreateTable(
            name: "DocumentationAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentationId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Link = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => OwnedByDocumentation(table, "DocumentationAttachments", x => x.Id, x => x.DocumentationId));
        migrationBuilder.CreateIndex(name: "IX_DocumentationAttachments_DocumentationId", table: "DocumentationAttachments", column: "DocumentationId");

        migrationBuilder.CreateTable(
            name: "DocumentationParticipants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentationId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Organisation = table.Column<string>(maxLength: 300, nullable: true),
                Role = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => OwnedByDocumentation(table, "DocumentationParticipants", x => x.Id, x => x.DocumentationId));
        migrationBuilder.CreateIndex(name: "IX_DocumentationParticipants_DocumentationId", table: "DocumentationParticipants", column: "DocumentationId");
    }

    private static void OwnedByDocumentation<TColumns>(
        Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.CreateTableBuilder<TColumns> table,
        string name,
        System.Linq.Expressions.Expression<Func<TColumns, object>> key,
        System.Linq.Expressions.Expression<Func<TColumns, object>> documentationId)
    {
        table.PrimaryKey($"PK_{name}", key);
        table.ForeignKey($"FK_{name}_Documentation_DocumentationId", documentationId, "Documentation", "Id", onDelete: ReferentialAction.Cascade);
    }
}
