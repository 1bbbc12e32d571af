using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// The one place that knows which EF Core providers exist. Adding a provider (e.g. SQL Server,
/// once its package restores) means a case here and nothing in the services.
/// </summary>
public static class DatabaseProviderSelection
{
    public static string ResolveConnectionString(IConfiguration configuration, DatabaseSettings settings, string serviceName)
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
            DatabaseProvider.Postgres => throw new InvalidOperationException(
                $"Database:Provider is Postgres but neither ConnectionStrings:{serviceName} nor Database:ServerConnectionString is set."),
            _ => throw new InvalidOperationException($"Unknown database provider '{settings.Provider}'."),
        };
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        // Migrations are written by hand without a model snapshot (EF design tooling does not
        // restore here); the migration tests compare the migrated schema with the model instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
