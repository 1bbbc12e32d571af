using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace KollegialtUtbyte.Benchmarks.ApiReads;

/// <summary>
/// The API reads benchmark; run it through benchmarks/api-reads/run.sh (settings there). Writes a
/// markdown table to the file named by OUT and, with the progress, to standard error.
/// </summary>
public static class Bench
{
    public static async Task<int> Main()
    {
        // WebApplicationFactory reads the services' content roots from MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var rounds = Setting("ROUNDS", 3);
        var duration = TimeSpan.FromSeconds(Setting("DURATION", 3));
        var concurrency = Setting("CONCURRENCY", 4);
        var programmes = Setting("PROGRAMMES", 120);
        var regionsPerProgramme = Setting("REGIONS_PER_PROGRAMME", 3);
        var pageSizes = (Environment.GetEnvironmentVariable("PAGE_SIZES") ?? "1 20 100").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var providers = (Environment.GetEnvironmentVariable("PROVIDERS") ?? "sqlite postgres").Split(' ', StringSplitOptions.RemoveEmptyEntries);

        await using var issuer = await TestTokenIssuer.StartAsync();
        var services = new List<IAsyncDisposable>();
        var databases = new List<string>();
        PostgresServer? postgres = null;
        var cases = new List<ReadCase>();
        try
        {
            foreach (var provider in providers)
            {
                if (provider == "postgres")
                {
                    postgres ??= await PostgresServer.SharedAsync();
                }

                async Task<string?> DatabaseAsync(string name)
                {
                    if (postgres is null || provider != "postgres")
                    {
                        return null;
                    }

                    var database = await postgres.CreateDatabaseAsync(name);
                    databases.Add(database);
                    return database;
                }

                Console.Error.WriteLine($"{provider}: seeding regions ({programmes} programmes × {regionsPerProgramme} regions)");
                var regions = await RegionsReads.StartAsync(issuer, provider, await DatabaseAsync("bench_regions"), programmes, regionsPerProgramme);
                services.Add(regions);
                cases.AddRange(regions.Cases(pageSizes));
                foreach (var size in pageSizes)
                {
                    Console.Error.WriteLine($"{provider}: seeding meetings ({size} programmes)");
                    var meetings = await MeetingsReads.StartAsync(issuer, provider, await DatabaseAsync("bench_meetings"), size);
                    services.Add(meetings);
                    cases.Add(meetings.Case());
                }
            }

            // The raw reader must return what the service returns, or the comparison means nothing.
            foreach (var c in cases)
            {
                var viaService = await c.ServiceIds(CancellationToken.None);
                var viaRaw = await c.Raw(CancellationToken.None);
                var viaEfCore = await c.EfCore(CancellationToken.None);
                if (viaService.Count != c.PageSize || !viaService.SequenceEqual(viaRaw) || !viaService.SequenceEqual(viaEfCore))
                {
                    throw new InvalidOperationException(
                        $"{c.Endpoint} on {c.Provider}, {c.PageSize}: the service listed {viaService.Count} items, the raw query {viaRaw.Count}, EF Core {viaEfCore.Count}, or in another order.");
                }
            }

            Console.Error.WriteLine("warm-up");
            foreach (var c in cases)
            {
                await RunAsync(c.Service, TimeSpan.FromSeconds(1), concurrency);
                await RunAsync(ct => c.Raw(ct), TimeSpan.FromSeconds(1), concurrency);
                await RunAsync(ct => c.EfCore(ct), TimeSpan.FromSeconds(1), concurrency);
            }

            var results = cases.ToDictionary(c => c, _ => (Service: new List<Measure>(), Raw: new List<Measure>(), EfCore: new List<Measure>()));
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var c in cases)
                {
                    // The candidates back to back, the order turning each round.
                    Func<Task>[] runs =
                    [
                        async () => results[c].Service.Add(await RunAsync(c.Service, duration, concurrency)),
                        async () => results[c].Raw.Add(await RunAsync(ct => c.Raw(ct), duration, concurrency)),
                        async () => results[c].EfCore.Add(await RunAsync(ct => c.EfCore(ct), duration, concurrency)),
                    ];
                    foreach (var run in runs.Skip((round - 1) % runs.Length).Concat(runs.Take((round - 1) % runs.Length)))
                    {
                        await run();
                    }

                    Console.Error.WriteLine($"round {round}: {c.Endpoint} {c.Provider} {c.PageSize}: service {results[c].Service[^1].PerSecond:F0}/s, " +
                        $"raw {results[c].Raw[^1].PerSecond:F0}/s, EF Core {results[c].EfCore[^1].PerSecond:F0}/s");
                }
            }

            // To a file when OUT is set: the services log to standard output too.
            var report = Report(results, rounds, duration, concurrency, programmes, regionsPerProgramme, postgres);
            if (Environment.GetEnvironmentVariable("OUT") is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, report);
            }

            Console.Error.Write(report);
            return 0;
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }

            if (postgres is not null)
            {
                await DropAsync(postgres.ConnectionString, databases);
                await postgres.DisposeAsync();
            }
        }
    }

    /// <summary>Requests per second with <paramref name="concurrency"/> callers, and this process's CPU per request.</summary>
    private static async Task<Measure> RunAsync(Func<CancellationToken, Task> read, TimeSpan duration, int concurrency)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var count = 0L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                await read(CancellationToken.None);
                Interlocked.Increment(ref count);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return new Measure(count / elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / count);
    }

    private static string Report(
        Dictionary<ReadCase, (List<Measure> Service, List<Measure> Raw, List<Measure> EfCore)> results, int rounds, TimeSpan duration, int concurrency, int programmes, int regionsPerProgramme, PostgresServer? postgres)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# API reads: the services' list endpoints against raw ADO.NET");
        text.AppendLine();
        text.Append(c, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (load average at the end {LoadAverage()}), .NET {Environment.Version}. ");
        text.Append(c, $"`ROUNDS={rounds} DURATION={duration.TotalSeconds} CONCURRENCY={concurrency} PROGRAMMES={programmes} REGIONS_PER_PROGRAMME={regionsPerProgramme}`");
        text.Append(postgres is null ? ". " : $"; PostgreSQL at {new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Host}. ");
        text.AppendLine("Written by `benchmarks/api-reads/run.sh`; method in [../README.md](../README.md#api-reads-benchmarksapi-readsrunsh). ");
        text.AppendLine("Requests per second are medians of the rounds; CPU is this process's (client, service and, for SQLite, the database engine) per request.");
        text.AppendLine();
        text.AppendLine("| endpoint | database | items | service req/s | raw req/s | service × raw | target ≥ 0.5× | CPU µs/req: service | raw | breakdown: EF Core without HTTP, req/s | × raw | CPU µs/req |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var (readCase, (service, raw, efCore)) in results)
        {
            var rawPerSecond = Median(raw.Select(m => m.PerSecond));
            var ratio = Median(service.Select(m => m.PerSecond)) / rawPerSecond;
            text.AppendLine(c, $"| {readCase.Endpoint} | {(readCase.Provider == "postgres" ? "PostgreSQL" : "SQLite")} | {readCase.PageSize} | " +
                $"{Median(service.Select(m => m.PerSecond)):F0} | {rawPerSecond:F0} | {ratio:F2} | {(ratio >= 0.5 ? "met" : $"missed by {0.5 - ratio:F2}")} | " +
                $"{Median(service.Select(m => m.CpuMicroseconds)):F0} | {Median(raw.Select(m => m.CpuMicroseconds)):F0} | " +
                $"{Median(efCore.Select(m => m.PerSecond)):F0} | {Median(efCore.Select(m => m.PerSecond)) / rawPerSecond:F2} | {Median(efCore.Select(m => m.CpuMicroseconds)):F0} |");
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static async Task DropAsync(string connectionString, IEnumerable<string> databases)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var database in databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed record Measure(double PerSecond, double CpuMicroseconds);
}
