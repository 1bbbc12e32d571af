using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Regions.Api;
using KollegialtUtbyte.Regions.ApiContracts;
using KollegialtUtbyte.Regions.Data;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Benchmarks.ApiReads;

/// <summary>
/// The Regions service's programme list (<c>GET /api/regions/programmes?pageSize=N</c>): a page of
/// programmes, the total, and each programme's teams with their region and members.
/// </summary>
public sealed class RegionsReads : IAsyncDisposable
{
    private const string Endpoint = "GET /api/regions/programmes";

    // What the raw reader reads for a page: the total, the page, the page's teams with their
    // region, and their members; one command, four result sets, no entity materialization.
    private const string PageSql = """
        SELECT COUNT(*) FROM "Programmes";
        SELECT "Id", "Name", "StartsOn", "EndsOn", "ExpectedKeyOfficials", "Version"
        FROM "Programmes" ORDER BY "StartsOn" DESC, "Name", "Id" LIMIT @take OFFSET 0;
        SELECT t."ProgrammeId", t."RegionId", r."Name", r."CountyCode", t."JoinedAt", t."Version"
        FROM "Teams" t JOIN "Regions" r ON r."Id" = t."RegionId"
        WHERE t."ProgrammeId" IN (SELECT "Id" FROM "Programmes" ORDER BY "StartsOn" DESC, "Name", "Id" LIMIT @take OFFSET 0)
        ORDER BY r."Name";
        SELECT m."ProgrammeId", m."RegionId", m."PersonId", m."Role", m."JoinedAt"
        FROM "TeamMembers" m
        WHERE m."ProgrammeId" IN (SELECT "Id" FROM "Programmes" ORDER BY "StartsOn" DESC, "Name", "Id" LIMIT @take OFFSET 0);
        """;

    private static readonly string[] CountyCodes = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14"];

    private readonly ServiceFactory<ProgrammeResponse> _factory;
    private readonly HttpClient _client;
    private readonly Db _db;

    private RegionsReads(ServiceFactory<ProgrammeResponse> factory, HttpClient client, Db db)
    {
        _factory = factory;
        _client = client;
        _db = db;
    }

    public static async Task<RegionsReads> StartAsync(TestTokenIssuer issuer, string provider, string? postgresConnectionString, int programmes, int regionsPerProgramme)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Seeds:Enabled"] = "false",
            // The migrator's first look for the history table fails on a new database, by design.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        };
        if (provider == "postgres")
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:regions"] = postgresConnectionString;
        }

        var factory = new ServiceFactory<ProgrammeResponse>("regions", issuer, settings);
        var admin = factory.ClientFor(TestUser.Administrator());
        var connectionString = factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("regions")!;
        var reads = new RegionsReads(factory, admin, new Db(provider, connectionString));
        await reads.SeedAsync(programmes, regionsPerProgramme);
        return reads;
    }

    /// <summary>Programmes with a few regions each, registered through the API as an administrator would.</summary>
    private async Task SeedAsync(int programmes, int regionsPerProgramme)
    {
        var regionIds = new List<Guid>();
        foreach (var code in CountyCodes)
        {
            var region = await ReadAsync<RegionResponse>(await _client.PostAsJsonAsync("/api/regions", new { name = $"Region {code}", countyCode = code }, OutboxJson.Options));
            regionIds.Add(region.Id);
        }

        for (var i = 0; i < programmes; i++)
        {
            var programme = await ReadAsync<ProgrammeResponse>(await _client.PostAsJsonAsync(
                "/api/regions/programmes",
                new { name = $"Vägar till hållbar utveckling {i:D3}", startsOn = new DateOnly(2021, 1, 1).AddDays(i % 40), endsOn = "2023-12-31" },
                OutboxJson.Options));
            for (var r = 0; r < regionsPerProgramme; r++)
            {
                var regionId = regionIds[(i + r) % regionIds.Count];
                await ReadAsync<JsonElement>(await _client.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/regions", new { regionId }, OutboxJson.Options));
            }
        }
    }

    public IEnumerable<ReadCase> Cases(IEnumerable<int> pageSizes) =>
        pageSizes.Select(size => new ReadCase(
            Endpoint,
            _db.Provider,
            size,
            async ct =>
            {
                using var response = await _client.GetAsync($"/api/regions/programmes?pageSize={size}", ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
            },
            async ct =>
            {
                var page = await _client.GetFromJsonAsync<PagedList<ProgrammeResponse>>($"/api/regions/programmes?pageSize={size}", OutboxJson.Options, ct);
                return page!.Items.Select(p => p.Id).ToList();
            },
            ct => RawPageAsync(size, ct),
            ct => EfCorePageAsync(size, ct)));

    /// <summary>
    /// What the endpoint does between the HTTP layers (a copy of ProgrammeEndpoints.ListAsync without
    /// search and region filters): the service's DbContext, its queries and its response records.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> EfCorePageAsync(int size, CancellationToken cancellationToken)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
        var query = new PageQuery { PageSize = size };
        var (items, total) = await db.Programmes.AsNoTracking()
            .OrderByDescending(p => p.StartsOn).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .PageAsync(query, cancellationToken);
        var ids = items.Select(p => p.Id).ToList();
        var teams = (await (
                from team in db.Teams.AsNoTracking()
                join region in db.Regions.AsNoTracking() on team.RegionId equals region.Id
                where ids.Contains(team.ProgrammeId)
                orderby region.Name
                select new { Team = team, Region = region })
            .ToListAsync(cancellationToken))
            .ToLookup(t => t.Team.ProgrammeId);
        var page = items.Select(programme => new ProgrammeResponse(
                programme.Id, programme.Name, programme.StartsOn, programme.EndsOn, programme.ExpectedKeyOfficials,
                teams[programme.Id].Select(t => new TeamSummaryResponse(
                    t.Team.ProgrammeId, t.Team.RegionId, t.Region.Name, t.Region.CountyCode, t.Team.Members.Count,
                    t.Team.Completeness(programme.ExpectedKeyOfficials).ToResponse(), t.Team.JoinedAt, t.Team.Version)).ToList(),
                programme.Version))
            .ToList()
            .ToPage(query, total);
        await Rows.SerializeAsync(page, cancellationToken);
        return ids;
    }

    private async Task<IReadOnlyList<Guid>> RawPageAsync(int size, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = PageSql;
        var take = command.CreateParameter();
        take.ParameterName = "take";
        take.Value = size;
        command.Parameters.Add(take);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var total = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);

        await reader.NextResultAsync(cancellationToken);
        var programmes = new List<RawProgramme>(size);
        while (await reader.ReadAsync(cancellationToken))
        {
            programmes.Add(new RawProgramme(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetInt32(4), reader.GetInt64(5), []));
        }

        await reader.NextResultAsync(cancellationToken);
        var byId = programmes.ToDictionary(p => p.Id);
        var teams = new Dictionary<(Guid, Guid), RawTeam>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var team = new RawTeam(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4), reader.GetInt64(5), []);
            teams[(team.ProgrammeId, team.RegionId)] = team;
            byId[team.ProgrammeId].Regions.Add(team);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            teams[(reader.GetGuid(0), reader.GetGuid(1))].Members.Add(new RawMember(reader.GetGuid(2), reader.GetString(3), reader.GetDateTime(4)));
        }

        // The same response body the service would write: the page as JSON.
        await Rows.SerializeAsync(new RawPage<RawProgramme>(programmes, 1, size, total), cancellationToken);
        return programmes.Select(p => p.Id).ToList();
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(OutboxJson.Options))!;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed record RawProgramme(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int ExpectedKeyOfficials, long Version, List<RawTeam> Regions);

    private sealed record RawTeam(Guid ProgrammeId, Guid RegionId, string RegionName, string CountyCode, DateTime JoinedAt, long Version, List<RawMember> Members);

    private sealed record RawMember(Guid PersonId, string Role, DateTime JoinedAt);
}

/// <summary>A page as the raw readers write it.</summary>
public sealed record RawPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Rows
{
    /// <summary>Serializes what a raw reader read, as a service would write its response body.</summary>
    public static Task SerializeAsync<T>(T value, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(Stream.Null, value, OutboxJson.Options, cancellationToken);
}
