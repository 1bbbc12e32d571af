using System.Collections.Concurrent;
using System.Net;
using KollegialtUtbyte.Host;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests.Start;

/// <summary>
/// The first run of a newcomer: the embedded host in Development on empty data and an empty key
/// ring, with its own logging settings, prints the banner (address, demo accounts, where mails land)
/// and nothing at warning level on the way, the Data Protection key ring's first key included.
/// </summary>
public sealed class CleanStartTests
{
    [Fact]
    public async Task A_clean_start_in_development_prints_the_banner_and_no_warning()
    {
        var data = Directory.CreateTempSubdirectory("ku-clean-start-").FullName;
        var port = LoopbackPorts.Reserve();
        var address = $"http://127.0.0.1:{port}";
        var log = new CapturedLog();
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = data,
            ["DataProtection:KeysPath"] = Path.Combine(data, "portal-keys"),
            ["Auth:Authority"] = address,
            ["Identity:Issuer"] = address,
            ["Portal:GatewayUrl"] = address + "/",
            ["Meetings:PublicBaseUrl"] = address,
            ["Notifications:PublicBaseUrl"] = address,
            ["Notifications:Delivery:PickupDirectory"] = Path.Combine(data, "mail"),
        };
        await using var host = new WebApplicationFactory<EmbeddedApplication>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log));
        });
        host.ListenOnLoopback(port);
        host.StartServer();

        try
        {
            // Started and seeded: the banner is out, the administrator signs in, the sign-in page (antiforgery, a first key) answers.
            await Eventually.UntilAsync(() => Task.FromResult(log.Entries.Any(e => e.Category.EndsWith("DemoBanner", StringComparison.Ordinal))), "the banner is printed", TimeSpan.FromSeconds(90));
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            await Eventually.UntilAsync(async () => await CanSignInAsync(address), "the administrator can sign in", TimeSpan.FromSeconds(90));
            using var signIn = await http.GetAsync("/logga-in", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "portal-keys")));

            var banner = log.Entries.Single(e => e.Category.EndsWith("DemoBanner", StringComparison.Ordinal)).Message;
            Assert.Contains($"Portal: {address}", banner);
            Assert.Contains($"lösenord / password: {EmbeddedSuite.DemoPassword}", banner);
            Assert.Contains($"Administratör / administrator: {EmbeddedSuite.AdministratorEmail}{Environment.NewLine}", banner);
            Assert.Contains("Politiker / politician: ", banner);
            Assert.Contains($"written as .eml files to {Path.Combine(data, "mail")}", banner);

            var warnings = log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
            Assert.True(warnings.Count == 0, "Warnings on a clean start:\n" + string.Join("\n", warnings.Select(w => $"{w.Level} {w.Category}: {w.Message}")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<bool> CanSignInAsync(string address)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        try
        {
            return (await CodeFlowSignIn.SignInAsync(http, EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword)).AccessToken is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }


    private sealed record Entry(string Category, LogLevel Level, string Message);

    // Everything the host's own logging settings let through, as the console would print it.
    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")));
        }
    }
}
