using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Feedback.Data.Migrations;

/// <summary>The regions' priorities with their results and the feedback that served them. Hand-written; the migration tests compare it with the model.</summary>
[DbContext(typeof(FeedbackDb))]
[Migration("20261206000000_RegionPriorities")]
public sealed class RegionPriorities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RegionPriorities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByPersonId = table.Column<Guid>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RegionPriorities", x => x.Id));
        migrationBuilder.CreateIndex(
            name: "IX_RegionPriorities_ProgrammeId_RegionId_Number", table: "RegionPriorities", columns: ["ProgrammeId", "RegionId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "PriorityResults",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PriorityId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                AchievedOn = table.Column<DateOnly>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: true),
                DocumentVersionNumber = table.Column<int>(nullable: true),
                MeetingId = table.Column<Guid>(nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedByPersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PriorityResults", x => x.Id);
                table.ForeignKey("FK_PriorityResults_RegionPriorities_PriorityId", x => x.PriorityId, "RegionPriorities", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_PriorityResults_PriorityId", table: "PriorityResults", column: "PriorityId");

        migrationBuilder.CreateTable(
            name: "PriorityFeedbackLinks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PriorityId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                ReviewerRegionId = table.Column<Guid>(nullable: false),
                SuggestionNumber = table.Column<int>(nullable: true),
                LinkedAt = table.Column<DateTime>(nullable: false),
                LinkedByPersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PriorityFeedbackLinks", x => x.Id);
                table.ForeignKey("FK_PriorityFeedbackLinks_RegionPriorities_PriorityId", x => x.PriorityId, "RegionPriorities", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_PriorityFeedbackLinks_PriorityId", table: "PriorityFeedbackLinks", column: "PriorityId");
        migrationBuilder.CreateIndex(name: "IX_PriorityFeedbackLinks_RoundId", table: "PriorityFeedbackLinks", column: "RoundId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PriorityFeedbackLinks");
        migrationBuilder.DropTable(name: "PriorityResults");
        migrationBuilder.DropTable(name: "RegionPriorities");
    }
}
