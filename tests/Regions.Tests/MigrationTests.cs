using KollegialtUtbyte.Regions.Data;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Tests;

public sealed class MigrationTests : MigrationConformanceTests<RegionsDb>
{
    protected override RegionsDb Create(DbContextOptions<RegionsDb> options) => new(options);

    [Fact]
    public async Task Making_the_address_optional_on_SQLite_keeps_every_person_and_their_team_places()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        var options = new DbContextOptionsBuilder<RegionsDb>();
        DatabaseProviderSelection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "upgraded.db")}");
        await using var db = Create(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261207100000_AuditLog", cancellation);

        var region = Guid.NewGuid();
        var person = Guid.NewGuid();
        var programme = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Regions" ("Id", "Name", "CountyCode", "SearchText", "RegisteredAt", "Version") VALUES ({region}, 'Region Halland', '13', 'region halland', '2026-01-01 00:00:00', 1)""", cancellation);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "People" ("Id", "Name", "Email", "NormalizedEmail", "RegionId", "PreferredLanguage", "ShareContactDetails", "SearchText", "RegisteredAt", "Version")
            VALUES ({person}, 'Ada Andersson', 'Ada@region.example', 'ada@region.example', {region}, 'sv', 0, 'ada andersson', '2026-01-01 00:00:00', 1)
            """, cancellation);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Programmes" ("Id", "Name", "StartsOn", "EndsOn", "ExpectedKeyOfficials", "SearchText", "RegisteredAt", "Version") VALUES ({programme}, 'Vägar', '2021-01-01', '2022-12-31', 4, 'vägar', '2026-01-01 00:00:00', 1)""", cancellation);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Teams" ("ProgrammeId", "RegionId", "JoinedAt", "Version") VALUES ({programme}, {region}, '2026-01-01 00:00:00', 1)""", cancellation);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "TeamMembers" ("ProgrammeId", "RegionId", "PersonId", "Role", "JoinedAt") VALUES ({programme}, {region}, {person}, 'ProjectLeader', '2026-01-01 00:00:00')""", cancellation);

        await migrator.MigrateAsync(cancellationToken: cancellation);

        var upgraded = await db.People.AsNoTracking().SingleAsync(p => p.Id == person, cancellation);
        Assert.Equal(("Ada Andersson", "Ada@region.example", "ada@region.example", region, (DateTimeOffset?)null), (upgraded.Name, upgraded.Email, upgraded.NormalizedEmail, upgraded.RegionId, upgraded.ErasedAt));
        Assert.Contains((await db.Teams.AsNoTracking().SingleAsync(cancellation)).Members, m => m.PersonId == person);
        Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync(cancellation));
    }
}
