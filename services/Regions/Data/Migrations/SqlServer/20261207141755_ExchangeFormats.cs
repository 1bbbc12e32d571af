using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KollegialtUtbyte.Regions.Data.Migrations.SqlServer
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
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SecretaryPersonId",
                table: "Programmes",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExchangeMembers",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeMembers", x => new { x.ProgrammeId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ExchangeMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExchangeMembers_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeParticipants",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeParticipants", x => new { x.ProgrammeId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_ConvenerPersonId",
                table: "Programmes",
                column: "ConvenerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_LeaderPersonId",
                table: "Programmes",
                column: "LeaderPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_SecretaryPersonId",
                table: "Programmes",
                column: "SecretaryPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMembers_OrganisationId",
                table: "ExchangeMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_OrganisationId",
                table: "ExchangeParticipants",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_PersonId",
                table: "ExchangeParticipants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_ProgrammeId_OrganisationId",
                table: "ExchangeParticipants",
                columns: new[] { "ProgrammeId", "OrganisationId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_People_ConvenerPersonId",
                table: "Programmes",
                column: "ConvenerPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_People_LeaderPersonId",
                table: "Programmes",
                column: "LeaderPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_People_SecretaryPersonId",
                table: "Programmes",
                column: "SecretaryPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_People_ConvenerPersonId",
                table: "Programmes");

            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_People_LeaderPersonId",
                table: "Programmes");

            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_People_SecretaryPersonId",
                table: "Programmes");

            migrationBuilder.DropTable(
                name: "ExchangeMembers");

            migrationBuilder.DropTable(
                name: "ExchangeParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_ConvenerPersonId",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_LeaderPersonId",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_SecretaryPersonId",
                table: "Programmes");

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
