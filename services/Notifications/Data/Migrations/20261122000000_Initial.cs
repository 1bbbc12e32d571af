using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Notifications.Data.Migrations;

/// <summary>Hand-written (see the README's migration rules); the migration tests compare it with the model.</summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
                PreferredLanguage = table.Column<string>(maxLength: 16, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_People", x => x.PersonId));

        migrationBuilder.CreateTable(
            name: "Regions",
            columns: table => new
            {
                RegionId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Regions", x => x.RegionId));

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
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TeamMemberships", x => new { x.ProgrammeId, x.RegionId, x.PersonId }));

        migrationBuilder.CreateIndex(name: "IX_TeamMemberships_RegionId", table: "TeamMemberships", column: "RegionId");

        migrationBuilder.CreateTable(
            name: "AdministratorAccounts",
            columns: table => new
            {
                AccountId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                IsAdministrator = table.Column<bool>(nullable: false),
                Disabled = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AdministratorAccounts", x => x.AccountId));

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                MeetingId = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Theme = table.Column<string>(maxLength: 300, nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                Venue = table.Column<string>(maxLength: 500, nullable: true),
                OnlineLink = table.Column<string>(maxLength: 2000, nullable: true),
                Sequence = table.Column<int>(nullable: false),
                Cancelled = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Meetings", x => x.MeetingId));

        migrationBuilder.CreateTable(
            name: "Invitations",
            columns: table => new
            {
                InvitationId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 64, nullable: true),
                AnswerToken = table.Column<string>(maxLength: 512, nullable: true),
                AnswerTokenExpiresAt = table.Column<DateTime>(nullable: true),
                Answer = table.Column<string>(maxLength: 64, nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                Issued = table.Column<bool>(nullable: false),
                Withdrawn = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Invitations", x => x.InvitationId));

        migrationBuilder.CreateIndex(name: "IX_Invitations_MeetingId", table: "Invitations", column: "MeetingId");

        migrationBuilder.CreateTable(
            name: "Reminders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Lead = table.Column<TimeSpan>(nullable: false),
                TargetAt = table.Column<DateTime>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                FiredAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Reminders", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_Reminders_Kind_SubjectId_Lead", table: "Reminders", columns: ["Kind", "SubjectId", "Lead"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Reminders_Status_DueAt", table: "Reminders", columns: ["Status", "DueAt"]);

        migrationBuilder.CreateTable(
            name: "FeedbackRounds",
            columns: table => new
            {
                RoundId = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                AuthorRegionId = table.Column<Guid>(nullable: false),
                DocumentTitle = table.Column<string>(maxLength: 300, nullable: false),
                Deadline = table.Column<DateTime>(nullable: false),
                Closed = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FeedbackRounds", x => x.RoundId));

        migrationBuilder.CreateTable(
            name: "FeedbackReviewers",
            columns: table => new
            {
                RoundId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                Assigned = table.Column<bool>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_FeedbackReviewers", x => new { x.RoundId, x.RegionId }));

        migrationBuilder.CreateTable(
            name: "OutgoingMails",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DeduplicationKey = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                Address = table.Column<string>(maxLength: 320, nullable: true),
                RecipientName = table.Column<string>(maxLength: 200, nullable: true),
                Language = table.Column<string>(maxLength: 64, nullable: true),
                Payload = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                FailedAt = table.Column<DateTime>(nullable: true),
                SentTo = table.Column<string>(maxLength: 320, nullable: true),
                Subject = table.Column<string>(maxLength: 500, nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_OutgoingMails", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_OutgoingMails_DeduplicationKey", table: "OutgoingMails", column: "DeduplicationKey", unique: true);
        migrationBuilder.CreateIndex(name: "IX_OutgoingMails_Status_NextAttemptAt", table: "OutgoingMails", columns: ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex(name: "IX_OutgoingMails_PersonId_Status", table: "OutgoingMails", columns: ["PersonId", "Status"]);
    }
}
