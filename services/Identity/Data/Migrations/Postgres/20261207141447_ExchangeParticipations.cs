using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KollegialtUtbyte.Identity.Data.Migrations.Postgres
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
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Invited = table.Column<bool>(type: "boolean", nullable: false),
                    InvitedAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HoldsRole = table.Column<bool>(type: "boolean", nullable: false),
                    RoleAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
