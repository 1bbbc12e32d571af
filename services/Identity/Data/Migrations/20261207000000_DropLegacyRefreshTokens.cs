using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>
/// The refresh tokens of the hand-written token endpoint go: the OpenID Connect provider keeps
/// its own (OpenIddictTokens), and no endpoint accepts the old ones any more. Accounts, roles and
/// everything else stay as they are. Hand-written.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261207000000_DropLegacyRefreshTokens")]
public sealed class DropLegacyRefreshTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "RefreshTokens");
}
