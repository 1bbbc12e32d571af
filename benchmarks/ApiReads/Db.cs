using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KollegialtUtbyte.Benchmarks.ApiReads;

/// <summary>Plain ADO.NET connections to a service's database, pooled as the provider pools them.</summary>
public sealed class Db(string provider, string connectionString)
{
    public string Provider { get; } = provider;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
