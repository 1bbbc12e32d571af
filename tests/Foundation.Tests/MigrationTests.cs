using KollegialtUtbyte.Foundation.Tests.Proof;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>The outbox and inbox migration gives exactly the model's schema on both providers.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Migrating_an_empty_SQLite_database_gives_the_model_schema()
    {
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        await SchemaComparison.AssertMigrationsMatchModelAsync(
            () => SenderOn(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "migrated.db")}"),
            () => SenderOn(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "created.db")}"));
    }

    [Fact]
    public async Task Migrating_an_empty_PostgreSQL_database_gives_the_model_schema()
    {
        var postgres = await PostgresServer.SharedAsync();
        var migrated = await postgres.CreateDatabaseAsync("migrated");
        var created = await postgres.CreateDatabaseAsync("created");
        await SchemaComparison.AssertMigrationsMatchModelAsync(
            () => SenderOn(DatabaseProvider.Postgres, migrated),
            () => SenderOn(DatabaseProvider.Postgres, created));
    }

    [Fact]
    public async Task The_comparison_notices_a_migration_that_differs_from_the_model()
    {
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        await using var migrated = SenderOn(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "migrated.db")}");
        await using var created = SenderOn(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "created.db")}");
        await migrated.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await created.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        await migrated.Database.ExecuteSqlRawAsync("DROP INDEX IX_OutboxMessages_MessageId", TestContext.Current.CancellationToken);

        var expected = await SchemaComparison.DescribeAsync(created);
        var actual = await SchemaComparison.DescribeAsync(migrated);

        Assert.Contains(expected.Except(actual), line => line.Contains("IX_OutboxMessages_MessageId", StringComparison.Ordinal));
    }

    private static SenderDb SenderOn(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<SenderDb>();
        DatabaseProviderSelection.Configure(options, provider, connectionString);
        return new SenderDb(options.Options);
    }
}
