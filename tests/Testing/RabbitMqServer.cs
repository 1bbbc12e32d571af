using System.Diagnostics;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// A real RabbitMQ for tests. <see cref="SharedAsync"/> uses the broker named by
/// <c>KU_TEST_RABBITMQ_URI</c> when set, otherwise one throwaway node per test process.
/// <see cref="StartPrivateAsync"/> always starts a node of the test's own, which the test may
/// stop and start again. Throwaway nodes run Debian's rabbitmq-server with their own data
/// directory on free loopback ports.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string UriVariable = "KU_TEST_RABBITMQ_URI";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static RabbitMqServer? _shared;

    private readonly string? _directory;
    private readonly Dictionary<string, string> _environment = [];
    private Process? _process;
    private int _disposed;

    private RabbitMqServer(Uri uri, string? directory, int port)
    {
        Uri = uri;
        _directory = directory;
        Port = port;
    }

    public Uri Uri { get; }

    public int Port { get; }

    public bool IsOwned => _directory is not null;

    public static async Task<RabbitMqServer> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                return _shared;
            }

            var external = Environment.GetEnvironmentVariable(UriVariable);
            _shared = string.IsNullOrWhiteSpace(external)
                ? await StartPrivateAsync()
                : new RabbitMqServer(new Uri(external), null, new Uri(external).Port);
            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    public static async Task<RabbitMqServer> StartPrivateAsync()
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                "RabbitMQ is not installed. Install it with `sudo apt-get install -y rabbitmq-server` " +
                $"(the README's test command does this), or set {UriVariable} to an amqp:// URI of a running broker.");
        }

        var port = LoopbackPorts.Reserve();
        var directory = Directory.CreateTempSubdirectory("ku-rabbitmq-").FullName;
        var server = new RabbitMqServer(new Uri($"amqp://guest:guest@127.0.0.1:{port}/"), directory, port);
        server.Configure();
        await server.StartAsync();
        TestProcessCleanup.Register(server);
        return server;
    }

    private void Configure()
    {
        File.WriteAllText(Path.Combine(_directory!, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(_directory!, "rabbitmq.conf"), string.Join('\n',
            "loopback_users = none",
            "listeners.tcp.default = 127.0.0.1:" + Port,
            "log.console = false",
            "log.file.level = warning",
            ""));
        var distributionPort = LoopbackPorts.Reserve();
        _environment["HOME"] = _directory!;
        _environment["RABBITMQ_NODENAME"] = $"ku-test-{Port}@localhost";
        _environment["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory!, "mnesia");
        _environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory!, "log");
        _environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory!, "enabled_plugins");
        _environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory!, "rabbitmq");
        _environment["RABBITMQ_PID_FILE"] = Path.Combine(_directory!, "rabbitmq.pid");
    }

    /// <summary>
    /// Starts the node (again, keeping its data) and waits until it accepts connections, for a
    /// minute unless told otherwise (an Erlang node boots slowly on a machine busy with other work).
    /// </summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        EnsureOwned();
        var start = new ProcessStartInfo(ServerScript)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var wait = timeout ?? TimeSpan.FromSeconds(60);
        var deadline = DateTime.UtcNow + wait;
        while (!await ExternalProcess.IsListeningAsync(Port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {_process.ExitCode}:\n{LogTail}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"RabbitMQ did not accept connections on port {Port} within {wait.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The last lines of the node's own log, for a failure's message.</summary>
    public string LogTail
    {
        get
        {
            var logs = _directory is null ? null : Path.Combine(_directory, "log");
            var file = logs is not null && Directory.Exists(logs) ? Directory.GetFiles(logs, "*.log").FirstOrDefault() : null;
            return file is null ? "(no log)" : string.Join('\n', File.ReadLines(file).TakeLast(20));
        }
    }

    /// <summary>Whether the node's process is running (it may still be booting).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Stops the node gracefully and waits until it has exited and its port is closed.</summary>
    public async Task StopAsync()
    {
        EnsureOwned();
        if (_process is null || _process.HasExited)
        {
            return;
        }

        // SIGTERM makes the Erlang VM shut RabbitMQ down cleanly (queues are kept on disk).
        await ExternalProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
        var beamDeadline = DateTime.UtcNow.AddSeconds(30);
        while (await ExternalProcess.IsListeningAsync(Port) && DateTime.UtcNow < beamDeadline)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsOwned || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Dispose();
            TryDelete(_directory!);
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {exception.Message}");
        }
    }

    private void EnsureOwned()
    {
        if (!IsOwned)
        {
            throw new InvalidOperationException($"The broker at {Uri} was not started by this test run and cannot be stopped or started by it.");
        }
    }
}
