using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>
/// The right to erasure: requests and each service's answer, an erased person's mark, no e-mail
/// address for her (the columns become nullable; the unique index lets NULLs be), and the copy
/// of Identity's accounts that tells who administers the suite.
/// </summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261207110000_PersonalDataErasures")]
public sealed class PersonalDataErasures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            RebuildPeopleOnSqlite(migrationBuilder);
        }
        else
        {
            migrationBuilder.AlterColumn<string>(name: "Email", table: "People", maxLength: 254, nullable: true, oldClrType: typeof(string), oldMaxLength: 254);
            migrationBuilder.AlterColumn<string>(name: "NormalizedEmail", table: "People", maxLength: 254, nullable: true, oldClrType: typeof(string), oldMaxLength: 254);
            migrationBuilder.AddColumn<DateTime>(name: "ErasedAt", table: "People", nullable: true);
        }

        migrationBuilder.CreateTable(
            name: "PersonalDataErasures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RequestedBy = table.Column<Guid>(nullable: true),
                RequestedBySelf = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                RequestedAt = table.Column<DateTime>(nullable: false),
                State = table.Column<string>(maxLength: 64, nullable: false),
                DecidedBy = table.Column<Guid>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DecisionReason = table.Column<string>(maxLength: 2000, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PersonalDataErasures", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_PersonalDataErasures_PersonId", table: "PersonalDataErasures", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_PersonalDataErasures_State_RequestedAt", table: "PersonalDataErasures", columns: ["State", "RequestedAt"]);

        migrationBuilder.CreateTable(
            name: "PersonalDataErasureAnswers",
            columns: table => new
            {
                ErasureId = table.Column<Guid>(nullable: false),
                Service = table.Column<string>(maxLength: 64, nullable: false),
                ErasedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonalDataErasureAnswers", x => new { x.ErasureId, x.Service });
                table.ForeignKey("FK_PersonalDataErasureAnswers_PersonalDataErasures_ErasureId", x => x.ErasureId, "PersonalDataErasures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Accounts",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                IsAdministrator = table.Column<bool>(nullable: false),
                IsDisabled = table.Column<bool>(nullable: false),
                RolesAsOf = table.Column<DateTime>(nullable: true),
                DisabledAsOf = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Accounts", x => x.PersonId));
    }

    /// <summary>
    /// SQLite cannot drop a NOT NULL constraint, and without a target model EF Core cannot rebuild
    /// the table for us: a new table, the rows copied, the old one replaced (foreign keys off
    /// meanwhile, as SQLite's own recipe for schema changes says).
    /// </summary>
    private static void RebuildPeopleOnSqlite(MigrationBuilder migrationBuilder)
    {
        const string Columns = "\"Id\", \"Name\", \"Email\", \"NormalizedEmail\", \"Phone\", \"Title\", \"RegionId\", \"OrganisationId\", \"PreferredLanguage\", \"Gender\", "
            + "\"ShareContactDetails\", \"SearchText\", \"RegisteredAt\", \"Version\", \"PendingEmail\", \"NormalizedPendingEmail\", \"PendingEmailChangeId\", \"PendingEmailRequestedBy\"";
        migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        migrationBuilder.CreateTable(
            name: "ef_temp_People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: true),
                Phone = table.Column<string>(maxLength: 40, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                RegionId = table.Column<Guid>(nullable: true),
                OrganisationId = table.Column<Guid>(nullable: true),
                PreferredLanguage = table.Column<string>(maxLength: 8, nullable: false),
                Gender = table.Column<string>(maxLength: 32, nullable: true),
                ShareContactDetails = table.Column<bool>(nullable: false),
                SearchText = table.Column<string>(maxLength: 800, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                PendingEmail = table.Column<string>(maxLength: 254, nullable: true),
                NormalizedPendingEmail = table.Column<string>(maxLength: 254, nullable: true),
                PendingEmailChangeId = table.Column<Guid>(nullable: true),
                PendingEmailRequestedBy = table.Column<Guid>(nullable: true),
                ErasedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey("FK_People_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_People_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.Sql($"INSERT INTO \"ef_temp_People\" ({Columns}) SELECT {Columns} FROM \"People\";");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.RenameTable(name: "ef_temp_People", newName: "People");
        migrationBuilder.CreateIndex(name: "IX_People_NormalizedEmail", table: "People", column: "NormalizedEmail", unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_NormalizedPendingEmail", table: "People", column: "NormalizedPendingEmail", unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_Name", table: "People", column: "Name");
        migrationBuilder.CreateIndex(name: "IX_People_RegionId", table: "People", column: "RegionId");
        migrationBuilder.CreateIndex(name: "IX_People_OrganisationId", table: "People", column: "OrganisationId");
        migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }
}
