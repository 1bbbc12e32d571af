using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Applies the service's migrations and seeders before anything else starts (it runs in
/// <c>StartingAsync</c>, ahead of every hosted service's <c>StartAsync</c>, so consumers and
/// the outbox dispatcher never see an old schema).
/// </summary>
internal sealed class DatabaseMigrator<TDbContext>(
    IServiceScopeFactory scopes,
    DatabaseOptions settings,
    ILogger<DatabaseMigrator<TDbContext>> logger) : IHostedLifecycleService
    where TDbContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // In the distributed mode the database server may come up after the service.
        var untilReachable = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<SqlException>().Handle<SqliteException>(e => e.SqliteErrorCode == 5),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Database for {Context} not reachable yet; retrying", typeof(TDbContext).Name);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.StartupTimeout)
            .Build();

        await untilReachable.ExecuteAsync(async ct => await MigrateAndSeedAsync(ct), cancellationToken);
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();

        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        if (await HandWrittenMigrations.MigrateAsync(db, cancellationToken))
        {
            logger.LogInformation("Database for {Context} was created by the hand-written migrations; recorded the generated baseline as applied", typeof(TDbContext).Name);
        }

        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer (the dispatcher reads while requests write).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TDbContext>>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }

        logger.LogInformation("Database for {Context} is migrated and seeded", typeof(TDbContext).Name);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
