using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Meetings.Data.Migrations;

/// <summary>Actions on the decisions of meeting documentation, with their progress history. Hand-written; the migration tests compare it with the model.</summary>
[DbContext(typeof(MeetingsDb))]
[Migration("20261206000000_DecisionActions")]
public sealed class DecisionActions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DecisionActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                DocumentationId = table.Column<Guid>(nullable: false),
                PointNumber = table.Column<string>(maxLength: 16, nullable: false),
                Theme = table.Column<string>(maxLength: 200, nullable: false),
                What = table.Column<string>(maxLength: 1000, nullable: false),
                OwnerKind = table.Column<string>(maxLength: 64, nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                OwnerName = table.Column<string>(maxLength: 300, nullable: false),
                RegionId = table.Column<Guid>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                DroppedReason = table.Column<string>(maxLength: 2000, nullable: true),
                Decision = table.Column<string>(nullable: true),
                RegistryNumber = table.Column<string>(maxLength: 64, nullable: true),
                ApprovedAt = table.Column<DateTime>(nullable: true),
                DueSoonReminderFor = table.Column<DateOnly>(nullable: true),
                OverdueReminderFor = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionActions", x => x.Id);
                table.ForeignKey("FK_DecisionActions_Documentation_DocumentationId", x => x.DocumentationId, "Documentation", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_DecisionActions_DocumentationId", table: "DecisionActions", column: "DocumentationId");
        migrationBuilder.CreateIndex(name: "IX_DecisionActions_OwnerId", table: "DecisionActions", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_DecisionActions_ProgrammeId_DueOn", table: "DecisionActions", columns: ["ProgrammeId", "DueOn"]);

        migrationBuilder.CreateTable(
            name: "ActionProgressNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ActionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: true),
                ByPersonId = table.Column<Guid>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionProgressNotes", x => x.Id);
                table.ForeignKey("FK_ActionProgressNotes_DecisionActions_ActionId", x => x.ActionId, "DecisionActions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ActionProgressNotes_ActionId", table: "ActionProgressNotes", column: "ActionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ActionProgressNotes");
        migrationBuilder.DropTable(name: "DecisionActions");
    }
}
