using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Feedback.Data.Migrations;

/// <summary>Hand-written (see the README's migration rules); the migration tests compare it with the model.</summary>
[DbContext(typeof(FeedbackDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
        CreateLocalCopyTables(migrationBuilder);
        CreateDocumentTables(migrationBuilder);
        CreateRoundTables(migrationBuilder);
        CreateFeedbackTables(migrationBuilder);
    }

    private static void CreateLocalCopyTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Lenses",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 64, nullable: false),
                Group = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Lenses", x => x.Code));

        migrationBuilder.CreateTable(
            name: "Regions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                CountyCode = table.Column<string>(maxLength: 16, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Regions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ProgrammeRegions",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                RegionName = table.Column<string>(maxLength: 200, nullable: false),
                Active = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ProgrammeRegions", x => new { x.ProgrammeId, x.RegionId }));

        migrationBuilder.CreateIndex(name: "IX_ProgrammeRegions_RegionId", table: "ProgrammeRegions", column: "RegionId");

        migrationBuilder.CreateTable(
            name: "TeamMembers",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
                Active = table.Column<bool>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TeamMembers", x => new { x.ProgrammeId, x.RegionId, x.PersonId }));

        migrationBuilder.CreateIndex(name: "IX_TeamMembers_PersonId", table: "TeamMembers", column: "PersonId");
    }

    private static void CreateDocumentTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StrategyDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                LatestVersionNumber = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByPersonId = table.Column<Guid>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StrategyDocuments", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_StrategyDocuments_RegionId", table: "StrategyDocuments", column: "RegionId");

        migrationBuilder.CreateTable(
            name: "DocumentVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 150, nullable: false),
                Format = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 128, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                StorageKey = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                UploadedAt = table.Column<DateTime>(nullable: false),
                UploadedByPersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DocumentVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_DocumentVersions_StrategyDocuments_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "StrategyDocuments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_DocumentVersions_DocumentId_Number", table: "DocumentVersions", columns: ["DocumentId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "LearningNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                VersionNumber = table.Column<int>(nullable: true),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByPersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LearningNotes", x => x.Id);
                table.ForeignKey(
                    name: "FK_LearningNotes_StrategyDocuments_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "StrategyDocuments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_LearningNotes_DocumentId", table: "LearningNotes", column: "DocumentId");
    }

    private static void CreateRoundTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FeedbackRounds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                AuthorRegionId = table.Column<Guid>(nullable: false),
                Deadline = table.Column<DateTime>(nullable: false),
                ReviewerCount = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: false),
                OpenedByPersonId = table.Column<Guid>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                CloseReason = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FeedbackRounds", x => x.Id);
                table.ForeignKey(
                    name: "FK_FeedbackRounds_StrategyDocuments_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "StrategyDocuments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FeedbackRounds_DocumentVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "DocumentVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_FeedbackRounds_AuthorRegionId", table: "FeedbackRounds", column: "AuthorRegionId");
        migrationBuilder.CreateIndex(name: "IX_FeedbackRounds_DocumentId", table: "FeedbackRounds", column: "DocumentId");
        migrationBuilder.CreateIndex(name: "IX_FeedbackRounds_Status_Deadline", table: "FeedbackRounds", columns: ["Status", "Deadline"]);
        migrationBuilder.CreateIndex(name: "IX_FeedbackRounds_VersionId", table: "FeedbackRounds", column: "VersionId");

        migrationBuilder.CreateTable(
            name: "RoundLenses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                LensCode = table.Column<string>(maxLength: 64, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundLenses", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundLenses_FeedbackRounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "FeedbackRounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_RoundLenses_RoundId_LensCode", table: "RoundLenses", columns: ["RoundId", "LensCode"], unique: true);

        migrationBuilder.CreateTable(
            name: "RoundReviewers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(maxLength: 64, nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundReviewers", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundReviewers_FeedbackRounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "FeedbackRounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_RoundReviewers_RoundId_RegionId", table: "RoundReviewers", columns: ["RoundId", "RegionId"], unique: true);

        migrationBuilder.CreateIndex(name: "IX_RoundReviewers_RegionId", table: "RoundReviewers", column: "RegionId");
    }

    private static void CreateFeedbackTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PeerFeedback",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                ReviewerRegionId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Summary = table.Column<string>(maxLength: 8000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                LastEditedByPersonId = table.Column<Guid>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                SubmittedByPersonId = table.Column<Guid>(nullable: true),
                Late = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PeerFeedback", x => x.Id);
                table.ForeignKey(
                    name: "FK_PeerFeedback_FeedbackRounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "FeedbackRounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_PeerFeedback_RoundId_ReviewerRegionId", table: "PeerFeedback", columns: ["RoundId", "ReviewerRegionId"], unique: true);

        migrationBuilder.CreateTable(
            name: "FeedbackLensNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FeedbackId = table.Column<Guid>(nullable: false),
                LensCode = table.Column<string>(maxLength: 64, nullable: false),
                Strengths = table.Column<string>(maxLength: 8000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FeedbackLensNotes", x => x.Id);
                table.ForeignKey(
                    name: "FK_FeedbackLensNotes_PeerFeedback_FeedbackId",
                    column: x => x.FeedbackId,
                    principalTable: "PeerFeedback",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_FeedbackLensNotes_FeedbackId_LensCode", table: "FeedbackLensNotes", columns: ["FeedbackId", "LensCode"], unique: true);

        migrationBuilder.CreateTable(
            name: "FeedbackSuggestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FeedbackId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                LensCode = table.Column<string>(maxLength: 64, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                Decision = table.Column<string>(maxLength: 64, nullable: true),
                ResponseNote = table.Column<string>(maxLength: 4000, nullable: true),
                RespondedAt = table.Column<DateTime>(nullable: true),
                RespondedByPersonId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FeedbackSuggestions", x => x.Id);
                table.ForeignKey(
                    name: "FK_FeedbackSuggestions_PeerFeedback_FeedbackId",
                    column: x => x.FeedbackId,
                    principalTable: "PeerFeedback",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_FeedbackSuggestions_FeedbackId_Number", table: "FeedbackSuggestions", columns: ["FeedbackId", "Number"], unique: true);
    }
}
