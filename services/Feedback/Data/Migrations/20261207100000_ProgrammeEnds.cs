using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Feedback.Data.Migrations;

/// <summary>The programmes' ends, which start the retention of their drafts. Hand-written; the migration tests compare it with the model.</summary>
[DbContext(typeof(FeedbackDb))]
[Migration("20261207100000_ProgrammeEnds")]
public sealed class ProgrammeEnds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Programmes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Programmes", x => x.Id));
    }
}
