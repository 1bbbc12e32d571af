using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Meetings.Tests.Support;

/// <summary>The meetings service in-process with a clock the test moves, on SQLite and the in-memory bus.</summary>
public sealed class MeetingsFactory(TestTokenIssuer issuer, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    : ServiceFactory<Program>(MeetingsModule.Name, issuer, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

/// <summary>
/// A running meetings service for a test class: publish other services' events to it, call its
/// API as any user, and observe the events it publishes.
/// </summary>
public sealed class MeetingsApp : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = OutboxJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private MeetingsApp(TestTokenIssuer issuer, MeetingsFactory factory, FakeTimeProvider clock)
    {
        Issuer = issuer;
        Factory = factory;
        Clock = clock;
    }

    public TestTokenIssuer Issuer { get; }

    public MeetingsFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ITestHarness Harness => Factory.Harness;

    public static async Task<MeetingsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        var issuer = await TestTokenIssuer.StartAsync();
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2021, 1, 11, 8, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?> { ["Seeds:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new MeetingsFactory(issuer, clock, all);
        try
        {
            _ = factory.Server;
        }
        catch
        {
            await factory.DisposeAsync();
            await issuer.DisposeAsync();
            throw;
        }

        return new MeetingsApp(issuer, factory, clock);
    }

    public HttpClient ClientFor(TestUser? user) => Factory.ClientFor(user);

    /// <summary>Publishes another service's event and waits until this service has consumed it.</summary>
    public async Task PublishAsync<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        try
        {
            // A failed attempt may be retried; what counts is a consumption that succeeded.
            await Eventually.UntilAsync(
                () => Task.FromResult(Harness.Consumed.Select<T>(m => m.Context.MessageId == messageId && m.Exception is null).Any()),
                $"{typeof(T).Name} was consumed");
        }
        catch (TimeoutException) when (Harness.Consumed.Select<T>(m => m.Context.MessageId == messageId && m.Exception is not null).FirstOrDefault() is { } fault)
        {
            Assert.Fail($"Consuming {typeof(T).Name} failed: {fault.Exception}");
        }
    }

    /// <summary>The events of a type this service has published so far (through its outbox).</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class =>
        Harness.Published.Select<T>().Select(m => m.Context.Message).ToList();

    /// <summary>Waits until the outbox has published events matching <paramref name="match"/>, at least <paramref name="count"/> of them.</summary>
    public Task<IReadOnlyList<T>> WaitForPublishedAsync<T>(Func<T, bool> match, int count = 1)
        where T : class =>
        Eventually.UntilAsync(
            () => Task.FromResult<IReadOnlyList<T>>(Published<T>().Where(match).ToList()),
            found => found.Count >= count,
            $"{count} {typeof(T).Name} were published");

    /// <summary>Runs a query against the service's own database.</summary>
    public async Task<TResult> QueryAsync<TResult>(Func<MeetingsDb, Task<TResult>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeetingsDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

/// <summary>One app per test class.</summary>
public sealed class MeetingsAppFixture : IAsyncLifetime
{
    public MeetingsApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await MeetingsApp.StartAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        return JsonSerializer.Deserialize<T>(body, MeetingsApp.Json)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, MeetingsApp.Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, MeetingsApp.Json, TestContext.Current.CancellationToken);

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its rule name (for 422) or null.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task AssertRuleAsync(this HttpResponseMessage response, string rule)
    {
        var problem = await response.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
    }
}
