using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KollegialtUtbyte.Meetings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExchangeFormats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ConvenerPersonId",
                table: "Programmes",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "Programmes",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Programme");

            migrationBuilder.AddColumn<Guid>(
                name: "LeaderPersonId",
                table: "Programmes",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Question",
                table: "Programmes",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SecretaryPersonId",
                table: "Programmes",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentationSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DocumentationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentationSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentationSignatures_Documentation_DocumentationId",
                        column: x => x.DocumentationId,
                        principalTable: "Documentation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeParticipants",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OrganisationName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    OrganisationKind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RegionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeParticipants", x => new { x.ProgrammeId, x.PersonId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentationSignatures_DocumentationId",
                table: "DocumentationSignatures",
                column: "DocumentationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_PersonId",
                table: "ExchangeParticipants",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentationSignatures");

            migrationBuilder.DropTable(
                name: "ExchangeParticipants");

            migrationBuilder.DropColumn(
                name: "ConvenerPersonId",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "LeaderPersonId",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Question",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "SecretaryPersonId",
                table: "Programmes");
        }
    }
}
