using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>An erased person's copy stays as a tombstone, so late news from the directory cannot bring her back.</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261207110000_PersonalDataErasure")]
public sealed class PersonalDataErasure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "ErasedAt", table: "People", nullable: true);
}
