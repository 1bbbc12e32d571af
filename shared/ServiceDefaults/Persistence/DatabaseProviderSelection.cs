using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// The one place that knows which EF Core providers exist: SQLite (embedded), PostgreSQL and
/// SQL Server. Adding a provider means a case here and nothing in the services.
/// </summary>
public static class DatabaseProviderSelection
{
    public static string ResolveConnectionString(IConfiguration configuration, DatabaseOptions settings, string serviceName)
    {
        var own = configuration.GetConnectionString(serviceName);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return own;
        }

        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(settings.DataDirectory, serviceName + ".db")}",
            DatabaseProvider.Postgres when !string.IsNullOrWhiteSpace(settings.ServerConnectionString)
                => $"{settings.ServerConnectionString.TrimEnd(';')};Database=ku_{serviceName}",
            DatabaseProvider.SqlServer when !string.IsNullOrWhiteSpace(settings.ServerConnectionString)
                => $"{settings.ServerConnectionString.TrimEnd(';')};Initial Catalog=ku_{serviceName}",
            DatabaseProvider.Postgres or DatabaseProvider.SqlServer => throw new InvalidOperationException(
                $"Database:Provider is {settings.Provider} but neither ConnectionStrings:{serviceName} nor Database:ServerConnectionString is set."),
            _ => throw new InvalidOperationException($"Unknown database provider '{settings.Provider}'."),
        };
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString);
                // SQLite's recipe for changing a column rebuilds the table with foreign keys off,
                // a pragma that takes effect only outside a transaction; the rebuild itself stays
                // in the migration's transaction.
                options.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString);
                break;
            case DatabaseProvider.SqlServer:
                // Transient faults (failover, throttling) are retried by the consumers' and the
                // dispatcher's own retries, as on the other providers; EF's retrying strategy
                // would refuse the explicit transactions the inbox opens.
                options.UseSqlServer(connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        // Each provider's migrations come from its own folder with its own model snapshot. Pending
        // model changes are checked by tests for every service and provider, not at start, so a
        // context without a snapshot (the tests' own) can still migrate.
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
