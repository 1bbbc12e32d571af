using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>Hand-written (see the README's migration rules); the migration tests compare it with the model.</summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();

        migrationBuilder.CreateTable(
            name: "Regions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                CountyCode = table.Column<string>(maxLength: 2, nullable: false),
                SearchText = table.Column<string>(maxLength: 800, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Regions", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_Regions_Name", table: "Regions", column: "Name", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Regions_CountyCode", table: "Regions", column: "CountyCode", unique: true);

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                SearchText = table.Column<string>(maxLength: 800, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Organisations", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_Organisations_Name", table: "Organisations", column: "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: false),
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
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey("FK_People_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_People_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_People_NormalizedEmail", table: "People", column: "NormalizedEmail", unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_Name", table: "People", column: "Name");
        migrationBuilder.CreateIndex(name: "IX_People_RegionId", table: "People", column: "RegionId");
        migrationBuilder.CreateIndex(name: "IX_People_OrganisationId", table: "People", column: "OrganisationId");

        migrationBuilder.CreateTable(
            name: "Programmes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                ExpectedKeyOfficials = table.Column<int>(nullable: false),
                SearchText = table.Column<string>(maxLength: 800, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Programmes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Teams",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Teams", x => new { x.ProgrammeId, x.RegionId });
                table.ForeignKey("FK_Teams_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Teams_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_Teams_RegionId", table: "Teams", column: "RegionId");

        migrationBuilder.CreateTable(
            name: "TeamMembers",
            columns: table => new
            {
                ProgrammeId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 64, nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TeamMembers", x => new { x.ProgrammeId, x.RegionId, x.PersonId });
                table.ForeignKey("FK_TeamMembers_Teams_ProgrammeId_RegionId", x => new { x.ProgrammeId, x.RegionId }, "Teams",
                    ["ProgrammeId", "RegionId"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TeamMembers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_TeamMembers_PersonId", table: "TeamMembers", column: "PersonId");

        migrationBuilder.CreateTable(
            name: "Facilitators",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Facilitators", x => x.PersonId);
                table.ForeignKey("FK_Facilitators_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "WorkingGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                Topic = table.Column<string>(maxLength: 300, nullable: false),
                SearchText = table.Column<string>(maxLength: 800, nullable: false),
                Disbanded = table.Column<bool>(nullable: false),
                FormedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkingGroups", x => x.Id);
                table.ForeignKey("FK_WorkingGroups_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_WorkingGroups_ProgrammeId", table: "WorkingGroups", column: "ProgrammeId");

        migrationBuilder.CreateTable(
            name: "WorkingGroupRegions",
            columns: table => new
            {
                WorkingGroupId = table.Column<Guid>(nullable: false),
                RegionId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkingGroupRegions", x => new { x.WorkingGroupId, x.RegionId });
                table.ForeignKey("FK_WorkingGroupRegions_WorkingGroups_WorkingGroupId", x => x.WorkingGroupId, "WorkingGroups", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WorkingGroupRegions_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_WorkingGroupRegions_RegionId", table: "WorkingGroupRegions", column: "RegionId");

        migrationBuilder.CreateTable(
            name: "WorkingGroupMembers",
            columns: table => new
            {
                WorkingGroupId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkingGroupMembers", x => new { x.WorkingGroupId, x.PersonId });
                table.ForeignKey("FK_WorkingGroupMembers_WorkingGroups_WorkingGroupId", x => x.WorkingGroupId, "WorkingGroups", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WorkingGroupMembers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_WorkingGroupMembers_PersonId", table: "WorkingGroupMembers", column: "PersonId");
    }
}
