using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>Counts an account's lockouts since its last successful sign-in, so each lasts longer. Hand-written.</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261206020000_EscalatingLockout")]
public sealed class EscalatingLockout : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "LockoutCount",
            table: "AspNetUsers",
            nullable: false,
            defaultValue: 0);
    }
}
