using System.Collections.Concurrent;
using KollegialtUtbyte.Notifications.Data;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Notifications.Tests.Kit;

/// <summary>
/// The notifications service in-process (SQLite and the in-memory transport unless told otherwise),
/// on a fake clock, delivering into a pickup directory the test reads through <see cref="Mailbox"/>.
/// </summary>
internal sealed class NotificationsService : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://kollegialt-utbyte.example.test/";
    public const string OrganizerAddress = "kollegialt-utbyte@tillvaxtverket.example.test";
    public const string SenderAddress = "noreply@kollegialt-utbyte.example.test";

    private static readonly Lazy<Task<TestTokenIssuer>> SharedIssuer = new(TestTokenIssuer.StartAsync);

    private readonly Factory _factory;
    private readonly CompletedDeliveries _consumed = new();

    private readonly State? _ownedState;

    private NotificationsService(Factory factory, FakeTimeProvider clock, PickupDirectory mailbox, CapturedLogs logs, State? ownedState)
    {
        _factory = factory;
        _ownedState = ownedState;
        Clock = clock;
        Mailbox = mailbox;
        Logs = logs;
    }

    public FakeTimeProvider Clock { get; }

    public PickupDirectory Mailbox { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Where this instance keeps its SQLite file and mail, to start another instance on the same state.</summary>
    public sealed record State(string Directory, string DatabaseFile, string PickupDirectory)
    {
        public static State Fresh()
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("ku-notifications-test-").FullName;
            return new State(directory, Path.Combine(directory, "notifications.db"), Path.Combine(directory, "mail"));
        }

        public void Delete()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open; the temporary directory is cleaned up by the system eventually.
            }
        }
    }

    public static async Task<NotificationsService> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, State? state = null)
    {
        var ownedState = state is null ? State.Fresh() : null;
        state ??= ownedState!;
        clock ??= new FakeTimeProvider(Given.Now);
        var all = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{NotificationsModule.Name}"] = $"Data Source={state.DatabaseFile}",
            ["Notifications:PublicBaseUrl"] = PublicBaseUrl,
            ["Notifications:Sender:Name"] = "Kollegialt utbyte",
            ["Notifications:Sender:Address"] = SenderAddress,
            ["Notifications:Organizer:Name"] = "Tillväxtverket, Kollegialt utbyte",
            ["Notifications:Organizer:Address"] = OrganizerAddress,
            ["Notifications:Delivery:Method"] = "PickupDirectory",
            ["Notifications:Delivery:PickupDirectory"] = state.PickupDirectory,
            ["Seeds:Enabled"] = "false",

            // Only signals and the clock wake the workers, so the tests prove those and not the safety net.
            ["Notifications:SchedulerPollInterval"] = "00:10:00",
            ["Notifications:Delivery:PollInterval"] = "00:10:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new CapturedLogs();
        var factory = new Factory(await SharedIssuer.Value, all, clock, logs);
        var service = new NotificationsService(factory, clock, new PickupDirectory(state.PickupDirectory), logs, ownedState);
        try
        {
            factory.Services.GetRequiredService<IBus>().ConnectConsumeObserver(service._consumed);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes an event as another service's outbox would (with a message id) and waits until it is consumed.</summary>
    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var before = _consumed.CompletedFor(id);
        await _factory.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = id, TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => Task.FromResult(_consumed.CompletedFor(id) > before), $"the service consumed {message.GetType().Name} {id}");
        return id;
    }

    /// <summary>Publishes one after the other, each consumed before the next.</summary>
    public async Task PublishAllAsync(params object[] messages)
    {
        foreach (var message in messages)
        {
            await PublishAsync(message);
        }
    }

    /// <summary>Publishes all at once, as an outbox does after a large transaction, and waits until all are consumed.</summary>
    public Task PublishTogetherAsync(IEnumerable<object> messages) => Task.WhenAll(messages.Select(message => PublishAsync(message)));

    /// <summary>A client of the service's API sending <paramref name="user"/>'s token (none for anonymous).</summary>
    public HttpClient ClientFor(TestUser? user) => _factory.ClientFor(user);

    /// <summary>A client sending a token of the test issuer for <paramref name="audiences"/> only.</summary>
    public HttpClient ClientWithTokenFor(TestUser user, params string[] audiences)
    {
        var client = _factory.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _factory.Issuer.CreateTokenFor(user, audiences));
        return client;
    }

    /// <summary>Runs a query against the service's database.</summary>
    public async Task<TResult> QueryAsync<TResult>(Func<NotificationsDb, Task<TResult>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _ownedState?.Delete();
    }

    private sealed class Factory(TestTokenIssuer issuer, IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock, CapturedLogs logs)
        : ServiceFactory<Program>(NotificationsModule.Name, issuer, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}

/// <summary>Every log line the service wrote, with its exception, to check what never appears in logs.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
