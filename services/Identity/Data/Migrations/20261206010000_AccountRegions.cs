using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>
/// An account names every region whose team its person sits in, not just one: <c>RegionIds</c>
/// (space-separated) replaces <c>RegionId</c>, starting from the region known so far.
/// Hand-written; provider-neutral SQL (SQLite 3.35+ and PostgreSQL both drop columns natively).
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261206010000_AccountRegions")]
public sealed class AccountRegions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "RegionIds",
            table: "AspNetUsers",
            maxLength: Account.RegionIdsMaxLength,
            nullable: false,
            defaultValue: "");

        migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "RegionIds" = LOWER(CAST("RegionId" AS TEXT)) WHERE "RegionId" IS NOT NULL""");
        migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "RegionId" """);
    }
}
