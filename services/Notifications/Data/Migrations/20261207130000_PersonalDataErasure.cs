using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Notifications.Data.Migrations;

/// <summary>
/// A person's copy remembers that she was erased, so late directory news cannot bring her name
/// and address back and no mail is queued for her. Hand-written; the migration tests compare it with the model.
/// </summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261207130000_PersonalDataErasure")]
public sealed class PersonalDataErasure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "ErasedAt", table: "People", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "ErasedAt", table: "People");
}
