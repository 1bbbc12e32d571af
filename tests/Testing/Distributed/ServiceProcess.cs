using System.Diagnostics;

namespace KollegialtUtbyte.Testing.Distributed;

/// <summary>
/// One service of the suite as its own OS process, started from its build output with
/// configuration from environment variables only, exactly as the distributed mode runs it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _assembly;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private Process? _process;

    public ServiceProcess(string name, int port, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        Name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _assembly = BuildOutput(name);
        _environment = environment;
        _logPath = Path.Combine(logDirectory, $"{name.ToLowerInvariant()}.log");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string LogTail => File.Exists(_logPath) ? string.Join('\n', File.ReadLines(_logPath).TakeLast(40)) : "(no log)";

    /// <summary>
    /// Starts the process and waits until /health/ready answers 200 (database and broker reachable).
    /// When its port is taken by another process, a first start throws <see cref="PortInUseException"/>
    /// (the caller chooses other ports); a restart, which must keep its port because others are
    /// configured with it, tries again for a while (a port held by a closing connection is soon free).
    /// </summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var restart = _process is not null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(timeout);
                return;
            }
            catch (PortInUseException) when (restart && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private async Task StartOnceAsync(TimeSpan? timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { _assembly },
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(new FileStream(_logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var portInUse = false;
        void Received(string? line)
        {
            // Kestrel: "Failed to bind to address http://127.0.0.1:…: address already in use."
            portInUse |= line?.Contains("address already in use", StringComparison.OrdinalIgnoreCase) == true;
            Write(log, line);
        }

        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                if (Volatile.Read(ref portInUse))
                {
                    throw new PortInUseException($"{Name} could not bind port {Port}: another process took it.");
                }

                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{LogTail}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready within {(timeout ?? TimeSpan.FromSeconds(120)).TotalSeconds:0} s:\n{LogTail}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, whatever was in flight is cut off.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, the orderly stop a container runtime sends.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>
    /// The service's built assembly (the test command builds the solution first): of the build
    /// configuration this code was built in (a Release benchmark runs Release services), else the newest.
    /// </summary>
    private static string BuildOutput(string name)
    {
        var bin = RepositoryRoot.Combine("services", name, "bin");
        var candidates = Directory.Exists(bin)
            ? Directory.GetFiles(bin, $"KollegialtUtbyte.{name}.dll", SearchOption.AllDirectories).Where(p => !p.Contains("/publish/", StringComparison.Ordinal)).ToList()
            : [];
        return candidates.OrderByDescending(p => p.Contains($"/bin/{Configuration}/", StringComparison.Ordinal)).ThenByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException($"services/{name} is not built: run `dotnet build KollegialtUtbyte.sln` first.");
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}

/// <summary>A service could not start because another process holds its port.</summary>
public sealed class PortInUseException(string message) : Exception(message);
