using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KollegialtUtbyte.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExchangeParticipations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExchangeParticipations",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Invited = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvitedAsOf = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HoldsRole = table.Column<bool>(type: "INTEGER", nullable: false),
                    RoleAsOf = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeParticipations", x => new { x.PersonId, x.ProgrammeId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipations_ProgrammeId",
                table: "ExchangeParticipations",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeParticipations");
        }
    }
}
