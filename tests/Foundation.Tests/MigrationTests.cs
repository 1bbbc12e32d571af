namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>The outbox and inbox migration gives exactly the model's schema on both providers.</summary>
public sealed class MigrationTests : MigrationConformanceTests<SenderDb>
{
    protected override SenderDb Create(DbContextOptions<SenderDb> options) => new(options);

    [Fact]
    public async Task The_comparison_notices_a_migration_that_differs_from_the_model()
    {
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        await using var migrated = SenderOn($"Data Source={Path.Combine(directory, "migrated.db")}");
        await using var created = SenderOn($"Data Source={Path.Combine(directory, "created.db")}");
        await migrated.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await created.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        await migrated.Database.ExecuteSqlRawAsync("DROP INDEX IX_OutboxMessages_MessageId", TestContext.Current.CancellationToken);

        var expected = await SchemaComparison.DescribeAsync(created);
        var actual = await SchemaComparison.DescribeAsync(migrated);

        Assert.Contains(expected.Except(actual), line => line.Contains("IX_OutboxMessages_MessageId", StringComparison.Ordinal));
    }

    private static SenderDb SenderOn(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SenderDb>();
        DatabaseProviderSelection.Configure(options, DatabaseProvider.Sqlite, connectionString);
        return new SenderDb(options.Options);
    }
}
