using System.Diagnostics;
using System.Globalization;
using System.Text;
using KollegialtUtbyte.Benchmarks.EventPath;
using KollegialtUtbyte.Testing;
using Npgsql;

// The event path benchmark; run it through benchmarks/event-path/run.sh (settings there).
// Uses the broker and PostgreSQL named by KU_TEST_RABBITMQ_URI and KU_TEST_POSTGRES, or starts
// private ones (and stops them at the end) when those are not set.
var rounds = Setting("ROUNDS", 3);
var messages = Setting("MESSAGES", 1000);
var concurrency = Setting("CONCURRENCY", 16);
var latencyMessages = Setting("LATENCY_MESSAGES", 200);
var warmup = Setting("WARMUP", 200);
var timeout = TimeSpan.FromSeconds(120);
const ushort prefetch = 16; // Messaging:PrefetchCount of the services

var broker = await RabbitMqServer.SharedAsync();
var postgres = await PostgresServer.SharedAsync();
var run = Guid.NewGuid().ToString("N")[..8];
var senderDatabase = await postgres.CreateDatabaseAsync("bench_sender");
var receiverDatabase = await postgres.CreateDatabaseAsync("bench_receiver");
var postgresSettings = await PostgresSettingsAsync(postgres.ConnectionString);

Console.Error.WriteLine($"broker {broker.Uri.Host}:{broker.Port}, PostgreSQL {postgresSettings}");
var raw = new RawPath(broker.Uri, $"bench-{run}-raw-parcel-sent", prefetch);
var suite = await SuiteServices.StartAsync(broker.Uri, senderDatabase, receiverDatabase, $"bench-{run}");
await raw.StartAsync();
IEventPath[] paths = [raw, new OutboxPath(suite), new DirectPublishPath(suite)];
if (Environment.GetEnvironmentVariable("BREAKDOWN") == "0")
{
    paths = paths[..2];
}

var throughput = paths.ToDictionary(p => p, _ => new List<double>());
var cpuShare = paths.ToDictionary(p => p, _ => new List<double>());
var latencies = paths.ToDictionary(p => p, _ => new List<double>());
var sendTimes = paths.ToDictionary(p => p, _ => new List<double>());
var consumeTimes = paths.ToDictionary(p => p, _ => new List<double>());
var transitTimes = paths.ToDictionary(p => p, _ => new List<double>());
try
{
    foreach (var path in paths)
    {
        Console.Error.WriteLine($"warm-up: {path.Name}");
        await ThroughputAsync(path, warmup);
        await LatenciesAsync(path, Math.Min(warmup, 50), record: false);
    }

    for (var round = 1; round <= rounds; round++)
    {
        // Interleaved, and the order turns each round, so drift of a shared machine hits all alike.
        foreach (var path in paths.Skip((round - 1) % paths.Length).Concat(paths.Take((round - 1) % paths.Length)))
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var wallBefore = Stopwatch.GetTimestamp();
            var perSecond = await ThroughputAsync(path, messages);
            cpuShare[path].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / Stopwatch.GetElapsedTime(wallBefore) * 100);
            throughput[path].Add(perSecond);
            var samples = await LatenciesAsync(path, latencyMessages);
            latencies[path].AddRange(samples);
            Console.Error.WriteLine($"round {round}: {path.Name}: {perSecond:F0} msg/s, p50 {Percentile(samples, 50):F2} ms, p99 {Percentile(samples, 99):F2} ms");
        }
    }

    // To a file when OUT is set: the hosts log to standard output too.
    var report = Report();
    if (Environment.GetEnvironmentVariable("OUT") is { Length: > 0 } outFile)
    {
        await File.WriteAllTextAsync(outFile, report);
    }

    Console.Error.Write(report);
}
finally
{
    await raw.DisposeAsync();
    await suite.DisposeAsync();
    await RemoveSuiteQueueAsync(broker.Uri, suite.ConsumerQueue);
    await DropDatabasesAsync(postgres.ConnectionString, senderDatabase, receiverDatabase);
    await broker.DisposeAsync();
    await postgres.DisposeAsync();
}

// Messages per second from the first send until the last one was consumed, with up to
// `concurrency` sends under way at once (each waits for its commit or confirm).
async Task<double> ThroughputAsync(IEventPath path, int count)
{
    var parcels = Enumerable.Range(0, count).Select(NewParcel).ToArray();
    var arrivals = parcels.Select(p => Arrivals.Expect(p.ParcelId)).ToArray();
    var next = -1;
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await path.SendAsync(parcels[i]);
        }
    }));
    var last = (await Arrivals.WithinAsync(Task.WhenAll(arrivals).ContinueWith(t => t.Result.Max(), TaskScheduler.Default), timeout, $"{count} parcels via {path.Name}"));
    return count / Stopwatch.GetElapsedTime(started, last).TotalSeconds;
}

// One message in flight: from the start of the commit (or publish) to the end of consumption.
async Task<List<double>> LatenciesAsync(IEventPath path, int count, bool record = true)
{
    var samples = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var parcel = NewParcel(i);
        var arrival = Arrivals.Expect(parcel.ParcelId);
        var sent = Stopwatch.GetTimestamp();
        await path.SendAsync(parcel);
        var committed = Stopwatch.GetTimestamp();
        var consumed = await Arrivals.WithinAsync(arrival, timeout, $"parcel {parcel.ParcelId} via {path.Name}");
        samples.Add(Stopwatch.GetElapsedTime(sent, consumed).TotalMilliseconds);
        if (record)
        {
            sendTimes[path].Add(Stopwatch.GetElapsedTime(sent, committed).TotalMilliseconds);
            if (Arrivals.ConsumeStartOf(parcel.ParcelId) is { } consuming)
            {
                consumeTimes[path].Add(Stopwatch.GetElapsedTime(consuming, consumed).TotalMilliseconds);
                transitTimes[path].Add(Stopwatch.GetElapsedTime(committed, consuming).TotalMilliseconds);
            }
        }
        else
        {
            Arrivals.ConsumeStartOf(parcel.ParcelId);
        }
    }

    return samples;
}

string Report()
{
    var c = CultureInfo.InvariantCulture;
    var rawThroughput = Median(throughput[raw]);
    var rawP99 = Percentile(latencies[raw], 99);
    var text = new StringBuilder();
    text.AppendLine("# Event path: outbox → RabbitMQ → consumer with inbox, against raw RabbitMQ.Client");
    text.AppendLine();
    text.Append(c, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({CpuModel()}, load average at the end {LoadAverage()}), .NET {Environment.Version}, ");
    text.Append(c, $"RabbitMQ {raw.ServerVersion}, PostgreSQL {postgresSettings}. ");
    text.Append(c, $"`ROUNDS={rounds} MESSAGES={messages} CONCURRENCY={concurrency} LATENCY_MESSAGES={latencyMessages} WARMUP={warmup}`, prefetch {prefetch}. ");
    text.AppendLine("Written by `benchmarks/event-path/run.sh`; method in [../README.md](../README.md#event-path-benchmarksevent-pathrunsh).");
    text.AppendLine();
    text.AppendLine("| path | messages/s (median of rounds) | rounds | × raw | CPU of this process (% of a core) | latency p50 (ms) | p90 | p99 | max | p99 × raw | of which: commit or publish p50 (ms) | on to the consumer p50 | consume p50 |");
    text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var path in paths)
    {
        var t = Median(throughput[path]);
        var l = latencies[path];
        text.AppendLine(c, $"| {path.Name} | {t:F0} | {string.Join(" / ", throughput[path].Select(v => v.ToString("F0", c)))} | {t / rawThroughput:F3} | {Median(cpuShare[path]):F0} | " +
            $"{Percentile(l, 50):F2} | {Percentile(l, 90):F2} | {Percentile(l, 99):F2} | {l.Max():F2} | {Percentile(l, 99) / rawP99:F1} | " +
            $"{Percentile(sendTimes[path], 50):F2} | {Percentile(transitTimes[path], 50):F2} | {Percentile(consumeTimes[path], 50):F2} |");
    }

    var suiteThroughput = Median(throughput[paths[1]]);
    var suiteP99 = Percentile(latencies[paths[1]], 99);
    var ratio = suiteThroughput / rawThroughput;
    text.AppendLine();
    text.AppendLine("Targets:");
    text.AppendLine();
    text.AppendLine(c, $"- throughput ≥ 0.5× raw: **{(ratio >= 0.5 ? "met" : "missed")}** ({ratio:F3}×{(ratio >= 0.5 ? "" : $", {0.5 * rawThroughput - suiteThroughput:F0} msg/s short of {0.5 * rawThroughput:F0}")})");
    text.AppendLine(c, $"- commit-to-consumed p99 ≤ 10 ms with one message in flight: **{(suiteP99 <= 10 ? "met" : "missed")}** ({suiteP99:F2} ms{(suiteP99 <= 10 ? "" : $", {suiteP99 - 10:F2} ms over")})");
    return text.ToString();
}

static ParcelSent NewParcel(int i) => new(Guid.NewGuid(), $"Regional handlingsplan {i}", DateTimeOffset.UtcNow);

static double Median(List<double> values) => Percentile(values, 50);

static double Percentile(List<double> values, double percentile)
{
    var sorted = values.Order().ToArray();
    var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
    return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
}

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

static string CpuModel()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
    }
    catch (IOException)
    {
        return "?";
    }
}

static string LoadAverage()
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

static async Task<string> PostgresSettingsAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var values = new List<string>();
    foreach (var query in new[] { "SHOW server_version", "SHOW fsync", "SHOW synchronous_commit" })
    {
        await using var command = new NpgsqlCommand(query, connection);
        values.Add((string)(await command.ExecuteScalarAsync())!);
    }

    return $"{values[0].Split(' ')[0]} (fsync={values[1]}, synchronous_commit={values[2]})";
}

static async Task RemoveSuiteQueueAsync(Uri broker, string queue)
{
    try
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        await channel.ExchangeDeleteAsync(queue);
    }
    catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.OperationInterruptedException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
    {
        Console.Error.WriteLine($"Could not remove {queue}: {exception.Message}");
    }
}

static async Task DropDatabasesAsync(string connectionString, params string[] databases)
{
    NpgsqlConnection.ClearAllPools();
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    foreach (var database in databases)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
