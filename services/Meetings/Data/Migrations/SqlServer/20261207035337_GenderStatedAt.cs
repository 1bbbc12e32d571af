using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KollegialtUtbyte.Meetings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class GenderStatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "GenderStatedAt",
                table: "People",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GenderStatedAt",
                table: "People");
        }
    }
}
