using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Meetings.Data.Migrations;

/// <summary>
/// The right to erasure: a person's copy remembers that she was erased (so late directory news
/// cannot bring her back), and her attendances already counted move to anonymous facts so the
/// statistics stay as they were. Hand-written; the migration tests compare it with the model.
/// </summary>
[DbContext(typeof(MeetingsDb))]
[Migration("20261207130000_PersonalDataErasure")]
public sealed class PersonalDataErasure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "ErasedAt", table: "People", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "CountedAnonymously", table: "Invitations", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "AnonymousAttendances",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Subject = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: true),
                Role = table.Column<string>(maxLength: 64, nullable: true),
                Gender = table.Column<string>(maxLength: 64, nullable: true),
                Attendance = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AnonymousAttendances", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AnonymousAttendances_MeetingId", table: "AnonymousAttendances", column: "MeetingId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AnonymousAttendances");
        migrationBuilder.DropColumn(name: "CountedAnonymously", table: "Invitations");
        migrationBuilder.DropColumn(name: "ErasedAt", table: "People");
    }
}
