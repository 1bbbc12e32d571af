using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// The regions service in-process on SQLite with the in-memory transport, starting empty (no
/// demo data), shared by the tests of one class. Tests that need a fresh team register their
/// own programme; regions are few (21 county codes), so a class registers its regions once.
/// </summary>
public sealed class RegionsApp : IAsyncLifetime
{
    private static readonly string[] CountyNames =
    [
        "", "Stockholm", "", "Uppsala", "Sörmland", "Östergötland", "Jönköping", "Kronoberg", "Kalmar", "Gotland", "Blekinge", "",
        "Skåne", "Halland", "Västra Götaland", "", "", "Värmland", "Örebro", "Västmanland", "Dalarna", "Gävleborg", "Västernorrland",
        "Jämtland", "Västerbotten", "Norrbotten",
    ];

    private readonly Dictionary<string, RegionResponse> _regions = [];
    private readonly SemaphoreSlim _regionsLock = new(1, 1);
    private TestTokenIssuer _issuer = null!;

    public ServiceFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public static JsonSerializerOptions Json => OutboxJson.Options;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        Factory = new ServiceFactory<Program>("regions", _issuer, new Dictionary<string, string?> { ["Seeds:Enabled"] = "false" });
        Admin = Factory.ClientFor(TestUser.Administrator());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public HttpClient ClientFor(TestUser? user) => Factory.ClientFor(user);

    /// <summary>Events the service has published so far.</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class
    {
        using var alreadyThere = new CancellationTokenSource();
        alreadyThere.Cancel();
        return Factory.Harness.Published.Select<T>(alreadyThere.Token).Select(m => m.Context.Message).ToList();
    }

    /// <summary>Waits (bounded) until an event matching <paramref name="match"/> was published.</summary>
    public async Task<T> PublishedAsync<T>(Func<T, bool> match)
        where T : class =>
        (await Eventually.UntilAsync(
            () => Task.FromResult(Published<T>().FirstOrDefault(match)),
            found => found is not null,
            $"a matching {typeof(T).Name} was published"))!;

    /// <summary>The region with this county code, registered on first use and shared by the class's tests.</summary>
    public async Task<RegionResponse> RegionAsync(string countyCode)
    {
        await _regionsLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_regions.TryGetValue(countyCode, out var region))
            {
                region = await RegisterRegionAsync(countyCode);
                _regions[countyCode] = region;
            }

            return region;
        }
        finally
        {
            _regionsLock.Release();
        }
    }

    public async Task<RegionResponse> RegisterRegionAsync(string countyCode)
    {
        var response = await Admin.PostAsJsonAsync(
            "/api/regions", new { name = $"Region {CountyNames[int.Parse(countyCode)]}", countyCode }, Json, TestContext.Current.CancellationToken);
        return await ReadAsync<RegionResponse>(response, HttpStatusCode.Created);
    }

    public async Task<OrganisationResponse> RegisterOrganisationAsync(string name, OrganisationKind kind)
    {
        var response = await Admin.PostAsJsonAsync("/api/regions/organisations", new { name, kind }, Json, TestContext.Current.CancellationToken);
        return await ReadAsync<OrganisationResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>A new programme in which the given regions take part, each with an empty team.</summary>
    public async Task<ProgrammeResponse> RegisterProgrammeAsync(params Guid[] regionIds)
    {
        var response = await Admin.PostAsJsonAsync(
            "/api/regions/programmes",
            new { name = $"Vägar till hållbar utveckling {Guid.NewGuid():N}"[..40], startsOn = "2021-01-01", endsOn = "2022-12-31" },
            Json,
            TestContext.Current.CancellationToken);
        var programme = await ReadAsync<ProgrammeResponse>(response, HttpStatusCode.Created);
        foreach (var regionId in regionIds)
        {
            var joined = await Admin.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/regions", new { regionId }, Json, TestContext.Current.CancellationToken);
            await ReadAsync<TeamSummaryResponse>(joined, HttpStatusCode.Created);
        }

        return programme;
    }

    public async Task<PersonResponse> RegisterPersonAsync(
        Guid? regionId = null, Guid? organisationId = null, string? name = null, bool shareContactDetails = false, string? gender = null)
    {
        var response = await Admin.PostAsJsonAsync(
            "/api/regions/people",
            new
            {
                name = name ?? "Testa Person",
                email = $"{Guid.NewGuid():N}@region.example",
                phone = "070-174 06 50",
                title = "Tjänsteperson",
                regionId,
                organisationId,
                preferredLanguage = "sv",
                gender,
                shareContactDetails,
            },
            Json,
            TestContext.Current.CancellationToken);
        return await ReadAsync<PersonResponse>(response, HttpStatusCode.Created);
    }

    public async Task<TeamResponse> AddMemberAsync(Guid programmeId, Guid regionId, Guid personId, TeamRole role)
    {
        var response = await Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{programmeId}/teams/{regionId}/members", new { personId, role }, Json, TestContext.Current.CancellationToken);
        return await ReadAsync<TeamResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>Forms a working group as an administrator, for tests of what others may do with it afterwards.</summary>
    public async Task<WorkingGroupResponse> FormWorkingGroupAsync(Guid programmeId, string topic, Guid[] regionIds, Guid[]? personIds = null)
    {
        var response = await Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{programmeId}/working-groups", new FormWorkingGroupRequest(topic, regionIds, personIds), Json, TestContext.Current.CancellationToken);
        return await ReadAsync<WorkingGroupResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>
    /// A new programme of Värmland, Norrbotten and Västerbotten, and a person registered in each of
    /// the first two: the setting of the working group tests.
    /// </summary>
    public async Task<NorthernProgramme> RegisterNorthernProgrammeAsync()
    {
        var värmland = await RegionAsync("17");
        var norrbotten = await RegionAsync("25");
        var västerbotten = await RegionAsync("24");
        var programme = await RegisterProgrammeAsync(värmland.Id, norrbotten.Id, västerbotten.Id);
        var fromVärmland = await RegisterPersonAsync(värmland.Id, name: "Vera Värmländska");
        var fromNorrbotten = await RegisterPersonAsync(norrbotten.Id, name: "Nils Norrbottning");
        return new NorthernProgramme(programme, värmland, norrbotten, västerbotten, fromVärmland, fromNorrbotten);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status (and, for 422, the rule) expected.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? rule = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (rule is not null)
        {
            Assert.Equal(rule, problem.GetProperty("rule").GetString());
        }

        return problem;
    }
}

public sealed record NorthernProgramme(
    ProgrammeResponse Programme,
    RegionResponse Värmland,
    RegionResponse Norrbotten,
    RegionResponse Västerbotten,
    PersonResponse FromVärmland,
    PersonResponse FromNorrbotten);
