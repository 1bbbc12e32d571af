using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Data.Migrations;

/// <summary>Changes of e-mail address waiting for, or settled by, their owner's confirmation.</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261206000000_EmailChangeConfirmation")]
public sealed class EmailChangeConfirmation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EmailChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                PreviousEmail = table.Column<string>(maxLength: 256, nullable: false),
                NewEmail = table.Column<string>(maxLength: 256, nullable: false),
                NormalizedNewEmail = table.Column<string>(maxLength: 256, nullable: false),
                State = table.Column<string>(maxLength: 64, nullable: false),
                ConfirmTokenHash = table.Column<string>(maxLength: 64, nullable: true),
                StopTokenHash = table.Column<string>(maxLength: 64, nullable: true),
                FailedConfirmations = table.Column<int>(nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                DecidedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_EmailChanges", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_EmailChanges_PersonId", table: "EmailChanges", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_EmailChanges_ConfirmTokenHash", table: "EmailChanges", column: "ConfirmTokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_EmailChanges_StopTokenHash", table: "EmailChanges", column: "StopTokenHash", unique: true);
    }
}
