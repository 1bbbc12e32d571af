using Microsoft.EntityFrameworkCore.Design;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds a service's DbContext to generate migrations: the provider comes
/// from the arguments after <c>--</c> (<c>-- --provider Sqlite</c>, <c>Postgres</c> or
/// <c>SqlServer</c>; SQL Server when none is given), never from a running configuration, and no
/// database is opened. Each service derives one in its <c>Data/</c> folder.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    /// <summary>A connection string that names no reachable server: generating migrations never connects.</summary>
    private static string OfflineConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=design-time.db",
        DatabaseProvider.Postgres => "Host=design-time.invalid;Database=design_time",
        _ => "Server=design-time.invalid;Initial Catalog=design_time;TrustServerCertificate=true",
    };

    public TContext CreateDbContext(string[] args)
    {
        var provider = DatabaseProvider.SqlServer;
        var index = Array.IndexOf(args, "--provider");
        if (index >= 0 && (index + 1 >= args.Length || !Enum.TryParse(args[index + 1], ignoreCase: true, out provider)))
        {
            throw new ArgumentException($"--provider takes one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseProviderSelection.Configure(options, provider, OfflineConnectionString(provider));
        return Create(options.Options);
    }

    protected abstract TContext Create(DbContextOptions<TContext> options);
}
