using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Inherit once per service DbContext: besides the conformance of its generated migrations, proves
/// that a database created by the hand-written migrations they replaced (its schema checked in
/// under <c>LegacySchemas/</c>) upgrades with every row intact, on SQLite and on PostgreSQL.
/// </summary>
public abstract class ServiceMigrationTests<TDbContext> : MigrationConformanceTests<TDbContext>
    where TDbContext : DbContext
{
    private static string Service => typeof(TDbContext).Name[..^"Db".Length];

    [Fact]
    public async Task A_SQLite_database_created_by_the_hand_written_migrations_upgrades_with_its_data()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ku-upgrade-").FullName, "legacy.db");
        await AssertUpgradesWithItsDataAsync(() => On(DatabaseProvider.Sqlite, $"Data Source={file}"));
    }

    [Fact]
    public async Task A_PostgreSQL_database_created_by_the_hand_written_migrations_upgrades_with_its_data()
    {
        var postgres = await PostgresServer.SharedAsync();
        var connectionString = await postgres.CreateDatabaseAsync("legacy");
        await AssertUpgradesWithItsDataAsync(() => On(DatabaseProvider.Postgres, connectionString));
    }

    [Fact]
    public async Task A_database_part_way_through_the_hand_written_migrations_is_refused_unchanged()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ku-upgrade-").FullName, "legacy.db");
        await using var db = On(DatabaseProvider.Sqlite, $"Data Source={file}");
        await CreateLegacyDatabaseAsync(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var last = applied[^1];
#pragma warning disable EF1002 // The id is one of our own migrations' ids.
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{last}'");
#pragma warning restore EF1002
        var before = await SchemaComparison.DescribeAsync(db);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => HandWrittenMigrations.MigrateAsync(db, TestContext.Current.CancellationToken));

        Assert.Contains(last, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaComparison.DescribeAsync(db));
        Assert.Equal(applied[..^1], await db.Database.GetAppliedMigrationsAsync());
    }

    private async Task AssertUpgradesWithItsDataAsync(Func<TDbContext> database)
    {
        var cancellation = TestContext.Current.CancellationToken;

        // The rows as the hand-written schema held them: what migrations after the baseline
        // added (tables, columns) is new and starts empty.
        Dictionary<string, HashSet<string>> legacyColumns;
        await using (var legacy = database())
        {
            await CreateLegacyDatabaseAsync(legacy);
            Assert.NotEmpty(await legacy.Database.GetAppliedMigrationsAsync(cancellation));
            legacyColumns = await ModelRows.ColumnsPresentAsync(legacy);
            await ModelRows.InsertOneIntoEveryTableAsync(legacy, legacyColumns);
        }

        Dictionary<string, List<string>> before;
        await using (var legacy = database())
        {
            before = await ModelRows.ReadAllAsync(legacy, legacyColumns);
        }

        await using (var upgraded = database())
        {
            Assert.True(await HandWrittenMigrations.MigrateAsync(upgraded, cancellation), "The hand-written migrations' database was not recognised as the baseline.");
            Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync(cancellation));
            Assert.False(await HandWrittenMigrations.MigrateAsync(upgraded, cancellation), "The baseline was adopted twice.");
        }

        await using (var upgraded = database())
        {
            var after = await ModelRows.ReadAllAsync(upgraded, legacyColumns);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            Assert.All(before, table => Assert.Equal(table.Value, after[table.Key]));

            // Every entity reads back through the model, owned rows included.
            Assert.All(await ModelRows.CountEntitiesAsync(upgraded, legacyColumns), count => Assert.True(count.Value > 0, $"No {count.Key} read back after upgrading."));
        }
    }

    /// <summary>Runs the checked-in script the hand-written migrations produced for this service and provider.</summary>
    private static async Task CreateLegacyDatabaseAsync(TDbContext db)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var name = $"LegacySchemas.{Service}.{provider}.sql";
        await using var resource = typeof(ServiceMigrationTests<TDbContext>).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No checked-in schema {name}.");
        using var reader = new StreamReader(resource);
        var script = await reader.ReadToEndAsync();

        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = script;
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        Assert.Empty(db.GetService<IMigrationsAssembly>().Migrations.Keys.Intersect(await db.Database.GetAppliedMigrationsAsync()));
    }
}
