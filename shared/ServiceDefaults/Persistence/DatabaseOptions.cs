namespace KollegialtUtbyte.ServiceDefaults.Persistence;

public enum DatabaseProvider
{
    /// <summary>A file per service under <see cref="DatabaseOptions.DataDirectory"/>; the embedded default.</summary>
    Sqlite,

    /// <summary>A database per service on a PostgreSQL server; the distributed mode.</summary>
    Postgres,

    /// <summary>A database per service on a SQL Server, as regions run their line-of-business systems.</summary>
    SqlServer,
}

/// <summary>Section <c>Database</c>. A service's own connection string, <c>ConnectionStrings:{service}</c>, wins when set.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where SQLite files live: <c>{DataDirectory}/{service}.db</c>.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>
    /// PostgreSQL or SQL Server connection string without a database; the service's database name
    /// is added (<c>ku_{service}</c>).
    /// </summary>
    public string? ServerConnectionString { get; set; }

    /// <summary>How long start-up keeps retrying while the database server is not reachable yet.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
