using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>
/// The OpenID Connect provider's stores (OpenIddict's applications, authorizations, scopes and
/// tokens, in OpenIddict's shape). Accounts and roles stay as they are. Hand-written.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261206100000_OpenIdProvider")]
public sealed class OpenIdProvider : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OpenIddictApplications",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                ApplicationType = table.Column<string>(maxLength: 50, nullable: true),
                ClientId = table.Column<string>(maxLength: 100, nullable: true),
                ClientSecret = table.Column<string>(nullable: true),
                ClientType = table.Column<string>(maxLength: 50, nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                ConsentType = table.Column<string>(maxLength: 50, nullable: true),
                DisplayName = table.Column<string>(nullable: true),
                DisplayNames = table.Column<string>(nullable: true),
                JsonWebKeySet = table.Column<string>(nullable: true),
                Permissions = table.Column<string>(nullable: true),
                PostLogoutRedirectUris = table.Column<string>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                RedirectUris = table.Column<string>(nullable: true),
                Requirements = table.Column<string>(nullable: true),
                Settings = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OpenIddictApplications", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_OpenIddictApplications_ClientId", table: "OpenIddictApplications", column: "ClientId", unique: true);

        migrationBuilder.CreateTable(
            name: "OpenIddictScopes",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                Description = table.Column<string>(nullable: true),
                Descriptions = table.Column<string>(nullable: true),
                DisplayName = table.Column<string>(nullable: true),
                DisplayNames = table.Column<string>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Properties = table.Column<string>(nullable: true),
                Resources = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OpenIddictScopes", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_OpenIddictScopes_Name", table: "OpenIddictScopes", column: "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "OpenIddictAuthorizations",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                ApplicationId = table.Column<string>(nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                CreationDate = table.Column<DateTime>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                Scopes = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 50, nullable: true),
                Subject = table.Column<string>(maxLength: 400, nullable: true),
                Type = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                // The name as EF Core shortens it to PostgreSQL's 63 characters.
                table.ForeignKey("FK_OpenIddictAuthorizations_OpenIddictApplications_Application~", x => x.ApplicationId, "OpenIddictApplications", "Id");
            });

        migrationBuilder.CreateIndex(
            name: "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type",
            table: "OpenIddictAuthorizations",
            columns: ["ApplicationId", "Status", "Subject", "Type"]);

        migrationBuilder.CreateTable(
            name: "OpenIddictTokens",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                ApplicationId = table.Column<string>(nullable: true),
                AuthorizationId = table.Column<string>(nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                CreationDate = table.Column<DateTime>(nullable: true),
                ExpirationDate = table.Column<DateTime>(nullable: true),
                Payload = table.Column<string>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                RedemptionDate = table.Column<DateTime>(nullable: true),
                ReferenceId = table.Column<string>(maxLength: 100, nullable: true),
                Status = table.Column<string>(maxLength: 50, nullable: true),
                Subject = table.Column<string>(maxLength: 400, nullable: true),
                Type = table.Column<string>(maxLength: 150, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                table.ForeignKey("FK_OpenIddictTokens_OpenIddictApplications_ApplicationId", x => x.ApplicationId, "OpenIddictApplications", "Id");
                table.ForeignKey("FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId", x => x.AuthorizationId, "OpenIddictAuthorizations", "Id");
            });

        migrationBuilder.CreateIndex(
            name: "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type",
            table: "OpenIddictTokens",
            columns: ["ApplicationId", "Status", "Subject", "Type"]);
        migrationBuilder.CreateIndex(name: "IX_OpenIddictTokens_AuthorizationId", table: "OpenIddictTokens", column: "AuthorizationId");
        migrationBuilder.CreateIndex(name: "IX_OpenIddictTokens_ReferenceId", table: "OpenIddictTokens", column: "ReferenceId", unique: true);
    }
}
