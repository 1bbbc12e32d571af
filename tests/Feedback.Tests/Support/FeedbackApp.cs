using System.Text.Json;
using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Feedback.Tests.Support;

/// <summary>A region as the Regions service announced it, with a project leader and a politician in its team.</summary>
public sealed record TestRegion(Guid Id, string Name, TestUser Member, TestUser Politician);

/// <summary>The service under test with a controllable clock and its own upload directory.</summary>
public sealed class FeedbackFactory(TestTokenIssuer issuer, IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock)
    : ServiceFactory<Program>(FeedbackModule.Name, issuer, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

/// <summary>
/// Starts the feedback service for a test (SQLite, in-memory transport with the test harness by
/// default, or the settings given), publishes the Regions service's events to fill its local
/// copy, and offers the HTTP calls the tests share.
/// </summary>
public sealed class FeedbackApp : IAsyncDisposable
{
    public static readonly Guid Programme = Guid.Parse("2f0c1e1a-7b6d-4c3e-9a51-202120220001");

    private FeedbackApp(TestTokenIssuer issuer, FeedbackFactory factory, FakeTimeProvider clock, string storageDirectory)
    {
        Issuer = issuer;
        Factory = factory;
        Clock = clock;
        StorageDirectory = storageDirectory;
    }

    public TestTokenIssuer Issuer { get; }

    public FeedbackFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public string StorageDirectory { get; }

    public TestUser Administrator { get; } = TestUser.Administrator();

    public static async Task<FeedbackApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var issuer = await TestTokenIssuer.StartAsync();
        var storage = Directory.CreateTempSubdirectory("ku-feedback-files-").FullName;
        var all = new Dictionary<string, string?> { ["Feedback:Storage:Directory"] = storage };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // Whole seconds: what SQLite and PostgreSQL give back compares equal to what was written.
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero));
        var factory = new FeedbackFactory(issuer, all, clock);
        _ = factory.Server;
        return new FeedbackApp(issuer, factory, clock, storage);
    }

    public HttpClient ClientFor(TestUser? user) => Factory.ClientFor(user);

    public Task PublishAsync<T>(T message)
        where T : class => Factory.Services.GetRequiredService<IBus>().Publish(message, TestContext.Current.CancellationToken);

    /// <summary>Announces regions in the demo programme, each with a project leader and a politician, and waits until the service knows them.</summary>
    public Task<IReadOnlyList<TestRegion>> AddRegionsAsync(params string[] names) => AddRegionsAsync(Programme, names);

    /// <summary>As <see cref="AddRegionsAsync(string[])"/>, in a programme of the test's own (its own reviewer pool).</summary>
    public async Task<IReadOnlyList<TestRegion>> AddRegionsAsync(Guid programmeId, params string[] names)
    {
        var regions = names.Select(name =>
        {
            var id = Guid.NewGuid();
            return new TestRegion(id, name, TestUser.ProjectLeader(id), TestUser.Politician(id));
        }).ToList();

        foreach (var region in regions)
        {
            await AnnounceAsync(region, programmeId);
        }

        await WaitUntilKnownAsync(regions);
        return regions;
    }

    public async Task AnnounceAsync(TestRegion region, Guid? programmeId = null)
    {
        var at = DateTimeOffset.UtcNow;
        var programme = programmeId ?? Programme;
        await PublishAsync(new RegionRegistered(region.Id, region.Name, "00", at));
        await PublishAsync(new RegionJoinedProgramme(programme, region.Id, region.Name, at));
        await PublishAsync(new TeamMemberJoined(programme, region.Id, region.Name, region.Member.PersonId, TeamRole.ProjectLeader,
            region.Member.Name, region.Member.Email, "Projektledare", "sv", null, at));
        await PublishAsync(new TeamMemberJoined(programme, region.Id, region.Name, region.Politician.PersonId, TeamRole.Politician,
            region.Politician.Name, region.Politician.Email, "Regionråd", "sv", null, at));
    }

    public Task WaitUntilKnownAsync(IEnumerable<TestRegion> regions)
    {
        var people = regions.SelectMany(r => new[] { r.Member.PersonId, r.Politician.PersonId }).ToList();
        var regionIds = regions.Select(r => r.Id).ToList();
        return Eventually.UntilAsync(
            () => QueryAsync(async db =>
                await db.TeamMembers.CountAsync(m => people.Contains(m.PersonId)) == people.Count
                && await db.ProgrammeRegions.CountAsync(p => regionIds.Contains(p.RegionId)) >= regionIds.Count
                && await db.Regions.CountAsync(r => regionIds.Contains(r.Id)) == regionIds.Count),
            "the service's local copy has the regions and their teams");
    }

    public async Task<T> QueryAsync<T>(Func<FeedbackDb, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FeedbackDb>());
    }

    /// <summary>
    /// Waits until the service has published <paramref name="count"/> events of type
    /// <typeparamref name="T"/> (through its outbox, seen by the test harness) and returns them.
    /// </summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>(int count)
        where T : class
    {
        var published = await Eventually.UntilAsync(
            () => Task.FromResult(Factory.Harness.Published.Select<T>().Select(m => m.Context.Message).ToList()),
            list => list.Count >= count,
            $"{count} {typeof(T).Name} were published");
        Assert.Equal(count, published.Count);
        return published;
    }

    /// <summary>Events committed to the outbox so far (what the service will publish), oldest first.</summary>
    public Task<List<object>> OutboxEventsAsync() => QueryAsync(async db =>
        (await db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).ToListAsync())
            .Select(m => JsonSerializer.Deserialize(m.Body, Type.GetType(m.MessageType, throwOnError: true)!, OutboxJson.Options)!)
            .ToList());

    public IReadOnlyList<string> StoredFiles() =>
        Directory.EnumerateFiles(StorageDirectory, "*", SearchOption.AllDirectories).ToList();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Issuer.DisposeAsync();
        try
        {
            Directory.Delete(StorageDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }
}

/// <summary>The HTTP calls most tests make, as a region's team would.</summary>
public static class FeedbackCalls
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> CreateDocumentAsync(this HttpClient client, string title = "Värmlandsstrategin", string kind = "RegionalDevelopmentStrategy")
    {
        var response = await client.PostAsJsonAsync("/api/feedback/documents", new { title, kind, description = "Regional utvecklingsstrategi 2022–2040" }, Token);
        return await response.ReadAsync(System.Net.HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid documentId, byte[] content, string fileName, string? note = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }

        return await client.PostAsync($"/api/feedback/documents/{documentId}/versions", form, Token);
    }

    public static async Task<HttpResponseMessage> OpenRoundAsync(
        this HttpClient client, Guid documentId, int version, DateTimeOffset deadline, string[]? lenses = null, int reviewerCount = 2, bool assign = true) =>
        await client.PostAsJsonAsync($"/api/feedback/documents/{documentId}/versions/{version}/rounds", new
        {
            deadline,
            lensCodes = lenses ?? ["gt-forandringslogik", "agenda2030-05"],
            reviewerCount,
            assignReviewers = assign,
        }, Token);

    public static async Task<HttpResponseMessage> SaveFeedbackAsync(this HttpClient client, Guid roundId, Guid regionId, long version, string summary = "Tydlig strategi med god förankring.", string[]? lenses = null)
    {
        var body = new
        {
            summary,
            lenses = (lenses ?? ["gt-forandringslogik", "agenda2030-05"]).Select(code => new
            {
                lensCode = code,
                strengths = $"Styrkor utifrån {code}.",
                suggestions = new[] { $"Första förslaget utifrån {code}.", $"Andra förslaget utifrån {code}." },
            }),
            version,
        };
        return await client.PutAsJsonAsync($"/api/feedback/rounds/{roundId}/feedback/{regionId}", body, Token);
    }

    public static async Task<HttpResponseMessage> SubmitFeedbackAsync(this HttpClient client, Guid roundId, Guid regionId, long version) =>
        await client.PostAsJsonAsync($"/api/feedback/rounds/{roundId}/feedback/{regionId}/submit", new { version }, Token);

    /// <summary>Writes and submits a region's feedback; returns the submitted feedback.</summary>
    public static async Task<JsonElement> WriteAndSubmitAsync(this HttpClient client, Guid roundId, Guid regionId)
    {
        var draft = await (await client.SaveFeedbackAsync(roundId, regionId, 0)).ReadAsync(System.Net.HttpStatusCode.Created);
        return await (await client.SubmitFeedbackAsync(roundId, regionId, draft.GetProperty("version").GetInt64())).ReadAsync();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK) =>
        await (await client.GetAsync(path, Token)).ReadAsync(expected);

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Guid Id(this JsonElement element, string property = "id") => element.GetProperty(property).GetGuid();

    public static long Version(this JsonElement element) => element.GetProperty("version").GetInt64();
}
