using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>
/// A changed e-mail address waits for its owner's confirmation, every step is audited, and the
/// address leaves the search text (it is searched only where the searcher may see it).
/// </summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261206000000_EmailChangeConfirmation")]
public sealed class EmailChangeConfirmation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "PendingEmail", table: "People", maxLength: 254, nullable: true);
        migrationBuilder.AddColumn<string>(name: "NormalizedPendingEmail", table: "People", maxLength: 254, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "PendingEmailChangeId", table: "People", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "PendingEmailRequestedBy", table: "People", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_People_NormalizedPendingEmail", table: "People", column: "NormalizedPendingEmail", unique: true);

        // The search text was "name email title", lower-cased, and the e-mail part is exactly the
        // normalized address: cutting it out leaves what the model now writes.
        migrationBuilder.Sql("UPDATE \"People\" SET \"SearchText\" = REPLACE(\"SearchText\", ' ' || \"NormalizedEmail\", '')");

        migrationBuilder.CreateTable(
            name: "EmailChangeAudits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Step = table.Column<string>(maxLength: 64, nullable: false),
                PreviousEmail = table.Column<string>(maxLength: 254, nullable: false),
                NewEmail = table.Column<string>(maxLength: 254, nullable: false),
                ChangedBy = table.Column<Guid>(nullable: true),
                ChangedByName = table.Column<string>(maxLength: 200, nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_EmailChangeAudits", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_EmailChangeAudits_PersonId", table: "EmailChangeAudits", column: "PersonId");
    }
}
