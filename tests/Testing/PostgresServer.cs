using System.Diagnostics;
using Npgsql;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// A real PostgreSQL for tests: the server named by <c>KU_TEST_POSTGRES</c> (a connection string of
/// a role that may create databases) when set, otherwise one throwaway cluster per test process
/// (initdb into a temporary directory, pg_ctl start on a free loopback port, as the postgres user
/// when running as root). Each test asks for a fresh database with <see cref="CreateDatabaseAsync"/>.
/// <see cref="StartPrivateAsync"/> always starts a cluster of the test's own, which the test may
/// stop and start again.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "KU_TEST_POSTGRES";
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _directory;
    private readonly string? _binDirectory;
    private readonly int _port;
    private int _disposed;

    private PostgresServer(string connectionString, string? directory, string? binDirectory, int port = 0)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _binDirectory = binDirectory;
        _port = port;
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
            _shared = string.IsNullOrWhiteSpace(external) ? await StartPrivateAsync() : new PostgresServer(external, null, null);
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

    /// <summary>Starts a throwaway cluster of the caller's own (stopped when the test process ends).</summary>
    public static async Task<PostgresServer> StartPrivateAsync()
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
        var port = LoopbackPorts.Reserve();
        if (ExternalProcess.IsRoot)
        {
            // initdb and pg_ctl refuse to run as root.
            await ExternalProcess.RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        await RunAsPostgres(Path.Combine(bin, "initdb"), ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", directory, bin, port);
        await server.StartAsync();
        TestProcessCleanup.Register(server);
        return server;
    }

    /// <summary>Starts the cluster (again, keeping its data) and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var (directory, bin) = Owned();
        await RunAsPostgres(Path.Combine(bin, "pg_ctl"),
        [
            "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "-t", "120", "start",
            "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        ], TimeSpan.FromMinutes(3));
    }

    /// <summary>Stops the cluster (fast shutdown: open sessions are cut off, as in a crash of their server) and waits until it is down.</summary>
    public async Task StopAsync()
    {
        var (directory, bin) = Owned();
        await RunAsPostgres(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "fast", "-w", "-t", "120", "stop"], TimeSpan.FromMinutes(3));
    }

    private (string Directory, string Bin) Owned() =>
        _directory is not null && _binDirectory is not null
            ? (_directory, _binDirectory)
            : throw new InvalidOperationException("The PostgreSQL server was not started by this test run and cannot be stopped or started by it.");

    private static Task<string> RunAsPostgres(string program, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        ExternalProcess.IsRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], timeout: timeout)
            : ExternalProcess.RunAsync(program, arguments, timeout: timeout);

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
