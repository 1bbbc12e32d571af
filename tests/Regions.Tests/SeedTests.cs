using KollegialtUtbyte.Regions.Tests.Api;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Tests;

/// <summary>The demo data: what it holds, that it is announced to the other services, that it loads once.</summary>
public sealed class SeedTests : IAsyncLifetime
{
    public static readonly Guid DemoProgrammeId = Guid.Parse("2f0c1e1a-7b6d-4c3e-9a51-202120220001");

    private static readonly Dictionary<string, string> CountyCodeByRegion = new()
    {
        ["Region Sörmland"] = "04",
        ["Region Värmland"] = "17",
        ["Region Norrbotten"] = "25",
        ["Region Västerbotten"] = "24",
        ["Region Kronoberg"] = "07",
        ["Region Halland"] = "13",
    };

    /// <summary>Region Blekinge is in the directory for the member network's secretary; it takes no part in the programme.</summary>
    private static readonly Dictionary<string, string> CountyCodeInDirectory = new(CountyCodeByRegion) { ["Region Blekinge"] = "10" };

    public static readonly Guid DialogueId = Guid.Parse("5a7e0000-0000-4000-8000-000000000508");
    public static readonly Guid NetworkId = Guid.Parse("5a7e0000-0000-4000-8000-000000000925");

    private readonly string _database = Path.Combine(Directory.CreateTempSubdirectory("ku-regions-seed-").FullName, "regions.db");
    private TestTokenIssuer _issuer = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task The_demo_programme_has_the_six_regions_with_complete_fictional_teams()
    {
        await using var service = Start();
        var admin = service.ClientFor(TestUser.Administrator());

        var programme = await admin.GetFromJsonAsync<ProgrammeResponse>($"/api/regions/programmes/{DemoProgrammeId}", RegionsApp.Json, Cancellation);
        var regions = await admin.GetFromJsonAsync<PagedList<RegionResponse>>("/api/regions", RegionsApp.Json, Cancellation);

        Assert.Equal("Vägar till hållbar utveckling 2021–2022", programme!.Name);
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4), (programme.StartsOn, programme.EndsOn, programme.ExpectedKeyOfficials));
        Assert.Equal(CountyCodeInDirectory.OrderBy(r => r.Key), regions!.Items.Select(r => KeyValuePair.Create(r.Name, r.CountyCode)).OrderBy(r => r.Key));
        Assert.Equal(CountyCodeByRegion.Keys.Order(), programme.Regions.Select(r => r.RegionName).Order());
        Assert.All(programme.Regions, team =>
        {
            Assert.True(team.Completeness.IsComplete, $"{team.RegionName}: {string.Join(", ", team.Completeness.Missing)}");
            Assert.Equal((1, 4, true), (team.Completeness.ProjectLeaders, team.Completeness.KeyOfficials, team.Completeness.HasPolitician));
        });
    }

    [Fact]
    public async Task The_demo_directory_has_the_agency_its_administrator_the_consultancy_and_its_facilitators()
    {
        await using var service = Start();
        var admin = service.ClientFor(TestUser.Administrator());

        var organisations = await admin.GetFromJsonAsync<PagedList<OrganisationResponse>>("/api/regions/organisations", RegionsApp.Json, Cancellation);
        var administrator = await admin.GetFromJsonAsync<PagedList<PersonResponse>>(
            "/api/regions/people?search=administrator@tillvaxtverket.example", RegionsApp.Json, Cancellation);
        var facilitators = await admin.GetFromJsonAsync<PagedList<FacilitatorResponse>>("/api/regions/facilitators", RegionsApp.Json, Cancellation);
        var everyone = await admin.GetFromJsonAsync<PagedList<PersonResponse>>("/api/regions/people?pageSize=100", RegionsApp.Json, Cancellation);

        Assert.Contains(organisations!.Items, o => (o.Name, o.Kind) == ("Tillväxtverket", OrganisationKind.Agency));
        Assert.Contains(organisations.Items, o => (o.Name, o.Kind) == ("Ramböll", OrganisationKind.Consultancy));
        Assert.Equal("Tillväxtverket", Assert.Single(administrator!.Items).OrganisationName);
        Assert.True(facilitators!.Total >= 2);
        Assert.All(facilitators.Items, f => Assert.Equal("Ramböll", f.OrganisationName));

        var people = everyone!.Items;
        Assert.Equal(everyone.Total, people.Count);
        Assert.All(people, p => Assert.EndsWith(".example", p.Email));
        Assert.Equal(people.Count, people.Select(p => p.Email!.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(["en", "sv"], people.Select(p => p.PreferredLanguage).Distinct().Order());
        Assert.Contains(people, p => p.Gender is null);
        Assert.Contains(people, p => p.Gender is not null);
        var politicians = people.Where(p => p.Teams.Any(t => t.Role == TeamRole.Politician)).ToList();
        Assert.Equal(6, politicians.Count);
        Assert.Contains(politicians, p => p.ShareContactDetails);
        Assert.Contains(politicians, p => !p.ShareContactDetails);
    }

    [Fact]
    public async Task The_seed_is_announced_to_the_other_services_and_a_second_start_adds_and_publishes_nothing()
    {
        DirectoryCounts first;
        await using (var service = Start())
        {
            await WaitUntilDispatchedAsync(service);
            first = await CountAsync(service);
            Assert.Equal(7, service.Harness.Published.Select<RegionRegistered>(Already()).Count());
            Assert.Equal(8, service.Harness.Published.Select<ExchangeMemberJoined>(Already()).Count());
            Assert.Equal(20, service.Harness.Published.Select<ExchangeParticipantAdded>(Already()).Count());
            Assert.Contains(service.Harness.Published.Select<ProgrammeRegistered>(Already()),
                e => e.Context.Message.ProgrammeId == NetworkId && e.Context.Message.Format == ExchangeFormat.MemberNetwork);
            Assert.Equal(37, service.Harness.Published.Select<TeamMemberJoined>(Already()).Count());
            Assert.Single(service.Harness.Published.Select<ProgrammeRegistered>(Already()), e => e.Context.Message.ProgrammeId == DemoProgrammeId);
            Assert.Single(service.Harness.Published.Select<WorkingGroupChanged>(Already()));
            Assert.True(first.Outbox >= first.Rows, $"{first.Outbox} events for {first.Rows} rows");
        }

        await using var restarted = Start();
        Assert.Equal(first, await CountAsync(restarted));

        // A change after the restart is published; nothing from the seed comes before it.
        var response = await restarted.ClientFor(TestUser.Administrator())
            .PostAsJsonAsync("/api/regions", new { name = "Region Gotland", countyCode = "09" }, RegionsApp.Json, Cancellation);
        var gotland = await RegionsApp.ReadAsync<RegionResponse>(response, System.Net.HttpStatusCode.Created);
        await Eventually.UntilAsync(
            () => Task.FromResult(restarted.Harness.Published.Select<RegionRegistered>(Already()).Any(e => e.Context.Message.RegionId == gotland.Id)),
            "the new region was published");
        Assert.Equal(gotland.Id, Assert.Single(restarted.Harness.Published.Select<RegionRegistered>(Already())).Context.Message.RegionId);
        Assert.Empty(restarted.Harness.Published.Select<PersonRegistered>(Already()));
        Assert.Empty(restarted.Harness.Published.Select<TeamMemberJoined>(Already()));
        Assert.Empty(restarted.Harness.Published.Select<ExchangeParticipantAdded>(Already()));
        Assert.Empty(restarted.Harness.Published.Select<ExchangeMemberJoined>(Already()));
    }

    [Fact]
    public async Task The_strategic_dialogue_of_8_May_2019_is_led_by_the_governor_with_invited_participants()
    {
        await using var service = Start();
        var reader = service.ClientFor(TestUser.TeamMember(Guid.NewGuid()));

        var dialogue = await reader.GetFromJsonAsync<ProgrammeResponse>($"/api/regions/programmes/{DialogueId}", RegionsApp.Json, Cancellation);
        var participants = (await reader.GetFromJsonAsync<List<ExchangeParticipantResponse>>($"/api/regions/programmes/{DialogueId}/participants", RegionsApp.Json, Cancellation))!;

        Assert.Equal(("Strategiskt samtal om länets naturbetesmarker och ängar", ExchangeFormat.StrategicDialogue), (dialogue!.Name, dialogue.Format));
        Assert.Equal((new DateOnly(2019, 5, 8), new DateOnly(2019, 5, 8)), (dialogue.StartsOn, dialogue.EndsOn));
        Assert.Contains("Ett rikt odlingslandskap", dialogue.Question, StringComparison.Ordinal);
        Assert.Equal(("Birgitta Landberg", "Landshövding", "Länsstyrelsen i Kronobergs län"), (dialogue.Leader!.Name, dialogue.Leader.Title, dialogue.Leader.OrganisationName));
        Assert.Empty(dialogue.Regions);

        // Invited because of the question: municipalities, companies, organisations, authorities, a university and a region.
        Assert.Equal(
            [OrganisationKind.Municipality, OrganisationKind.Company, OrganisationKind.University, OrganisationKind.Authority, OrganisationKind.Association],
            participants.Where(p => p.OrganisationKind is not null).Select(p => p.OrganisationKind!.Value).Distinct().Order().ToArray());
        Assert.Contains(participants, p => p.RegionName == "Region Kronoberg");
    }

    [Fact]
    public async Task The_member_network_has_the_members_and_people_of_the_protocol_of_25_September_2019()
    {
        await using var service = Start();
        var reader = service.ClientFor(TestUser.TeamMember(Guid.NewGuid()));

        var network = await reader.GetFromJsonAsync<ProgrammeResponse>($"/api/regions/programmes/{NetworkId}", RegionsApp.Json, Cancellation);
        var members = (await reader.GetFromJsonAsync<List<ExchangeMemberResponse>>($"/api/regions/programmes/{NetworkId}/members", RegionsApp.Json, Cancellation))!;
        var participants = (await reader.GetFromJsonAsync<List<ExchangeParticipantResponse>>($"/api/regions/programmes/{NetworkId}/participants", RegionsApp.Json, Cancellation))!;

        Assert.Equal(("Jämställt Blekinge Nu", ExchangeFormat.MemberNetwork), (network!.Name, network.Format));
        Assert.Equal(("Johanna Sammelin", "Länsstyrelsen Blekinge"), (network.Convener!.Name, network.Convener.OrganisationName));
        Assert.Equal(("Malin Fredriksberg", "Region Blekinge"), (network.Secretary!.Name, network.Secretary.OrganisationName));
        Assert.Equal(
            ["Arbetsförmedlingen", "Blekinge Idrottsförbund", "Blekinge Tekniska Högskola", "Länsstyrelsen Blekinge", "Olofströms kommun", "Södra Cell", "Sölvesborgs kommun", "Techtank"],
            members.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(members, m => Assert.Equal((new DateOnly(2019, 9, 25), (DateOnly?)null), (m.JoinedOn, m.LeftOn)));
        Assert.Equal(12, participants.Count);
        Assert.Contains(participants, p => (p.Name, p.Title, p.OrganisationName) == ("Stefan Sandhed", "Platschef Mörrum", "Södra Cell"));
        Assert.All(participants, p => Assert.Contains(members, m => m.OrganisationId == p.OrganisationId));
    }

    private ServiceFactory<Program> Start()
    {
        var service = new ServiceFactory<Program>("regions", _issuer, new Dictionary<string, string?>
        {
            ["ConnectionStrings:regions"] = $"Data Source={_database}",
        });
        _ = service.Server;
        return service;
    }

    private static CancellationToken Already() => new(canceled: true);

    private static Task WaitUntilDispatchedAsync(ServiceFactory<Program> service) =>
        Eventually.UntilAsync(
            async () =>
            {
                await using var scope = service.Services.CreateAsyncScope();
                return !await scope.ServiceProvider.GetRequiredService<RegionsDb>().Set<OutboxMessage>().AnyAsync(m => m.DispatchedAt == null);
            },
            "every seeded event was published");

    private static async Task<DirectoryCounts> CountAsync(ServiceFactory<Program> service)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
        return new DirectoryCounts(
            await db.Regions.CountAsync(Cancellation),
            await db.Organisations.CountAsync(Cancellation),
            await db.People.CountAsync(Cancellation),
            await db.Programmes.CountAsync(Cancellation),
            await db.Teams.SelectMany(t => t.Members).CountAsync(Cancellation),
            await db.Facilitators.CountAsync(Cancellation),
            await db.WorkingGroups.CountAsync(Cancellation),
            await db.Set<OutboxMessage>().CountAsync(Cancellation),
            await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null, Cancellation));
    }

    private sealed record DirectoryCounts(
        int Regions, int Organisations, int People, int Programmes, int TeamMembers, int Facilitators, int WorkingGroups, int Outbox, int Undispatched)
    {
        public int Rows => Regions + Organisations + People + Programmes + TeamMembers + Facilitators + WorkingGroups;
    }
}
