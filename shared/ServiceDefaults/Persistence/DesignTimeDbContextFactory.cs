using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds a service's DbContext to generate migrations: the provider comes
/// from the arguments after <c>--</c> (<c>-- --provider SqlServer</c>, the only provider whose
/// migrations are generated today), never from a running configuration, and no database is
/// opened. Each service derives one in its <c>Data/</c> folder.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    /// <summary>A connection string that names no reachable server: generating migrations never connects.</summary>
    private const string Offline = "Server=design-time.invalid;Initial Catalog=design_time;TrustServerCertificate=true";

    public TContext CreateDbContext(string[] args)
    {
        var provider = DatabaseProvider.SqlServer;
        var index = Array.IndexOf(args, "--provider");
        if (index >= 0 && (index + 1 >= args.Length || !Enum.TryParse(args[index + 1], ignoreCase: true, out provider)))
        {
            throw new ArgumentException($"--provider takes one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (provider != DatabaseProvider.SqlServer)
        {
            throw new ArgumentException($"Migrations for {provider} are written by hand (see CONTRIBUTING.md); only SqlServer's are generated.");
        }

        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseProviderSelection.Configure(options, provider, Offline);
        return Create(options.Options);
    }

    protected abstract TContext Create(DbContextOptions<TContext> options);
}
