using System.Diagnostics;
using Npgsql;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// A real PostgreSQL for tests: the server named by <c>KU_TEST_POSTGRES</c> (a connection string of
/// a role that may create databases) when set, otherwise one throwaway cluster per test process
/// (initdb into a temporary directory, pg_ctl start on a free loopback port, as the postgres user
/// when running as root). Each test asks for a fresh database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "KU_TEST_POSTGRES";
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _directory;
    private readonly string? _binDirectory;
    private int _disposed;

    private PostgresServer(string connectionString, string? directory, string? binDirectory)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _binDirectory = binDirectory;
    }

    /// <summary>Connection string to the maintenance database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresServer> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                return _shared;
            }

            var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
            _shared = string.IsNullOrWhiteSpace(external) ? await StartThrowawayAsync() : new PostgresServer(external, null, null);
            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartThrowawayAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed. Install it with `sudo apt-get install -y postgresql` " +
                $"(the README's test command does this), or set {ConnectionStringVariable} to the connection string of a running server.");
        }

        var directory = Directory.CreateTempSubdirectory("ku-postgres-").FullName;
        var port = ExternalProcess.FreeTcpPort();
        if (ExternalProcess.IsRoot)
        {
            // initdb and pg_ctl refuse to run as root.
            await ExternalProcess.RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        await RunAsPostgres(Path.Combine(bin, "initdb"), ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsPostgres(Path.Combine(bin, "pg_ctl"),
        [
            "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "start",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        ]);

        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", directory, bin);
        TestProcessCleanup.Register(server);
        return server;
    }

    private static Task<string> RunAsPostgres(string program, IEnumerable<string> arguments) =>
        ExternalProcess.IsRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : ExternalProcess.RunAsync(program, arguments);

    public async ValueTask DisposeAsync()
    {
        if (_directory is null || _binDirectory is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgres(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException exception)
        {
            Debug.WriteLine(exception.Message);
        }
        finally
        {
            RabbitMqServer.TryDelete(_directory);
        }
    }
}
