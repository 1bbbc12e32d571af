using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Meetings.Data.Migrations;

/// <summary>
/// A person's gender comes in an event of its own (PersonGenderStated); the copy remembers when
/// it was last stated so that an older statement arriving later is ignored. Hand-written; the
/// migration tests compare it with the model.
/// </summary>
[DbContext(typeof(MeetingsDb))]
[Migration("20261207140000_PersonGenderStated")]
public sealed class GenderStatedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "GenderStatedAt", table: "People", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "GenderStatedAt", table: "People");
    }
}
