using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KollegialtUtbyte.Identity.Data.Migrations.SqlServer
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
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Invited = table.Column<bool>(type: "bit", nullable: false),
                    InvitedAsOf = table.Column<DateTime>(type: "datetime2", nullable: false),
                    HoldsRole = table.Column<bool>(type: "bit", nullable: false),
                    RoleAsOf = table.Column<DateTime>(type: "datetime2", nullable: false)
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
