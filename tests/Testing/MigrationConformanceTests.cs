using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Inherit once per service DbContext: proves that its migrations build exactly the
/// model's tables, columns and indexes on SQLite and on PostgreSQL.
/// </summary>
public abstract class MigrationConformanceTests<TDbContext>
    where TDbContext : DbContext
{
    protected abstract TDbContext Create(DbContextOptions<TDbContext> options);

    [Fact]
    public async Task Migrating_an_empty_SQLite_database_gives_the_model_schema()
    {
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        await SchemaComparison.AssertMigrationsMatchModelAsync(
            () => On(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "migrated.db")}"),
            () => On(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "created.db")}"));
    }

    [Fact]
    public async Task Migrating_an_empty_PostgreSQL_database_gives_the_model_schema()
    {
        var postgres = await PostgresServer.SharedAsync();
        var migrated = await postgres.CreateDatabaseAsync("migrated");
        var created = await postgres.CreateDatabaseAsync("created");
        await SchemaComparison.AssertMigrationsMatchModelAsync(
            () => On(DatabaseProvider.Postgres, migrated),
            () => On(DatabaseProvider.Postgres, created));
    }

    protected TDbContext On(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<TDbContext>();
        DatabaseProviderSelection.Configure(options, provider, connectionString);
        return Create(options.Options);
    }
}
