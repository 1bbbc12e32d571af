using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KollegialtUtbyte.Benchmarks.Load;
using KollegialtUtbyte.Testing;
using KollegialtUtbyte.Testing.Distributed;

// The load scenario; run it through benchmarks/load/run.sh (settings there). Starts the
// distributed mode (every service its own process) on the broker and PostgreSQL named by
// KU_TEST_RABBITMQ_URI and KU_TEST_POSTGRES, or on private ones when those are not set, publishes
// the demo programme, activates its team members' accounts, and then lets virtual users work
// through the gateway for a while as on the day invitations go out.
var users = Setting("USERS", 200);
var duration = TimeSpan.FromSeconds(Setting("DURATION", 60));
var think = TimeSpan.FromMilliseconds(Setting("THINK_MS", 1000));
var administrators = Setting("ADMINISTRATOR_USERS", Math.Max(1, users / 10));
var programmeId = DistributedSystem.ProgrammeId;
var culture = CultureInfo.InvariantCulture;

Console.Error.WriteLine("starting the distributed mode…");
var system = new DistributedSystem();

// Interrupted, the services are stopped too (they are separate processes).
void StopServices(PosixSignalContext _) => system.DisposeAsync().AsTask().GetAwaiter().GetResult();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopServices);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopServices);
await system.InitializeAsync();
try
{
    using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = system.Gateway,
        Timeout = TimeSpan.FromSeconds(60),
    };

    Console.Error.WriteLine("publishing the demo programme…");
    var administrator = new Person(DistributedSystem.AdministratorEmail, "Administrator", await system.SignInAsync(DistributedSystem.AdministratorEmail, system.AdministratorPassword));
    await Eventually.UntilAsync(() => GetAsync(http, administrator, $"/api/meetings/programmes/{programmeId}/meetings"),
        list => list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 6, "the six draft meetings of the demo programme are there", TimeSpan.FromMinutes(3));
    await Eventually.UntilAsync(() => GetAsync(http, administrator, $"/api/meetings/programmes/{programmeId}/quota"),
        list => list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 6, "the six regions' politicians reached Meetings", TimeSpan.FromMinutes(3));
    var calendar = await GetAsync(http, administrator, $"/api/meetings/programmes/{programmeId}");
    using (var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/programmes/{programmeId}/publish")
    {
        Content = JsonContent.Create(new { version = calendar.GetProperty("version").GetInt64() }),
    })
    {
        publish.Headers.Authorization = new AuthenticationHeaderValue("Bearer", administrator.Token);
        using var published = await http.SendAsync(publish);
        published.EnsureSuccessStatusCode();
    }

    // Every team member of the programme opens the activation link from their mail and signs in.
    var members = DemoPeople.All
        .Select(p => (Person: p, Role: p.Teams?.FirstOrDefault(t => t.ProgrammeId == programmeId)?.Role))
        .Where(m => m.Role is not null)
        .ToList();
    Console.Error.WriteLine($"activating and signing in {members.Count} team members…");
    using var gate = new SemaphoreSlim(4);
    var people = await Task.WhenAll(members.Select(async m =>
    {
        await gate.WaitAsync();
        try
        {
            var password = await system.ActivateAccountAsync(m.Person.Email);
            return new Person(m.Person.Email, m.Role!, await system.SignInAsync(m.Person.Email, password));
        }
        finally
        {
            gate.Release();
        }
    }));
    await Eventually.UntilAsync(() => GetAsync(http, people[0], "/api/meetings/invitations/mine"),
        mine => mine.ValueKind == JsonValueKind.Array && mine.GetArrayLength() == 6, "the invitations reached the team members", TimeSpan.FromMinutes(3));

    Console.Error.WriteLine($"{users} virtual users ({administrators} administrators) for {duration.TotalSeconds:0} s, {think.TotalMilliseconds:0} ms think time…");
    var samples = new ConcurrentQueue<Sample>();
    var errors = new ConcurrentQueue<string>();
    var scenario = new Scenario(http, programmeId, samples, errors);
    var load = Stopwatch.StartNew();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    using var stop = new CancellationTokenSource(duration);
    await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
    {
        var random = new Random(user * 7919);

        // The first users of the members each answer their person's invitations; the rest only read
        // (one person answers one invitation at a time, as in the portal).
        var person = user < administrators ? administrator : people[(user - administrators) % people.Length];
        var answers = user >= administrators && user - administrators < people.Length;
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next((int)Math.Max(1, think.TotalMilliseconds))));
        while (!stop.IsCancellationRequested)
        {
            await scenario.RunAsync(person, answers, random);
            await Task.Delay(TimeSpan.FromMilliseconds(think.TotalMilliseconds * (0.5 + random.NextDouble())));
        }
    })));
    var elapsed = load.Elapsed;
    var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

    var report = Report(samples.ToList(), errors.ToList(), elapsed, driverCpu);
    if (Environment.GetEnvironmentVariable("OUT") is { Length: > 0 } outFile)
    {
        await File.WriteAllTextAsync(outFile, report);
    }

    Console.Error.Write(report);
    return samples.Any(s => !s.Succeeded) ? 1 : 0;
}
finally
{
    await system.DisposeAsync();
}

async Task<JsonElement> GetAsync(HttpClient http, Person person, string path)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.Token);
    using var response = await http.SendAsync(request);
    return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
}

string Report(List<Sample> all, List<string> failures, TimeSpan elapsed, TimeSpan driverCpu)
{
    var text = new StringBuilder();
    text.AppendLine("# Load: virtual users through the gateway of the distributed mode");
    text.AppendLine();
    text.AppendLine(culture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, .NET {Environment.Version}. "
        + $"`USERS={users} DURATION={duration.TotalSeconds:0} THINK_MS={think.TotalMilliseconds:0} ADMINISTRATOR_USERS={administrators}`; every service its own process on PostgreSQL and RabbitMQ, "
        + $"the driver on the same machine (it used {driverCpu.TotalSeconds / elapsed.TotalSeconds * 100:0} % of a core). Written by `benchmarks/load/run.sh`; method in [../README.md](../README.md#load-benchmarksloadrunsh).");
    text.AppendLine();
    text.AppendLine("| request | user group | requests | errors | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
    text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    void Row(string name, string group, List<Sample> rows) =>
        text.AppendLine(culture, $"| {name} | {group} | {rows.Count} | {rows.Count(s => !s.Succeeded)} | {rows.Count / elapsed.TotalSeconds:0.0} | "
            + $"{Percentile(rows, 50):0} | {Percentile(rows, 95):0} | {Percentile(rows, 99):0} | {(rows.Count == 0 ? 0 : rows.Max(s => s.Milliseconds)):0} |");
    foreach (var kind in all.GroupBy(s => (s.Request, s.Group)).OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Request, StringComparer.Ordinal))
    {
        Row(kind.Key.Request, kind.Key.Group, kind.ToList());
    }

    Row("**all**", "", all);
    text.AppendLine();
    text.AppendLine(culture, $"Errors (any answer but 2xx, or none): **{all.Count(s => !s.Succeeded)}** of {all.Count} requests (expected 0).");
    foreach (var failure in failures.Take(20))
    {
        text.AppendLine(culture, $"- {failure}");
    }

    return text.ToString();
}

static double Percentile(List<Sample> samples, double percentile)
{
    if (samples.Count == 0)
    {
        return 0;
    }

    var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;
