using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>Personal-data exports and the parts the services answer with.</summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261207010000_PersonalDataExports")]
public sealed class PersonalDataExports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PersonalDataExports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RequestedBy = table.Column<Guid>(nullable: true),
                RequestedAt = table.Column<DateTime>(nullable: false),
                DeadlineAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PersonalDataExports", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_PersonalDataExports_PersonId", table: "PersonalDataExports", column: "PersonId");

        migrationBuilder.CreateTable(
            name: "PersonalDataExportParts",
            columns: table => new
            {
                ExportId = table.Column<Guid>(nullable: false),
                Service = table.Column<string>(maxLength: 64, nullable: false),
                Json = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonalDataExportParts", x => new { x.ExportId, x.Service });
                table.ForeignKey("FK_PersonalDataExportParts_PersonalDataExports_ExportId", x => x.ExportId, "PersonalDataExports", "Id", onDelete: ReferentialAction.Cascade);
            });
    }
}
