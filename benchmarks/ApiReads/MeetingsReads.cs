using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Meetings.Api;
using KollegialtUtbyte.Meetings.ApiContracts;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Benchmarks.ApiReads;

/// <summary>
/// The Meetings service's programme calendars (<c>GET /api/meetings/programmes</c>). The list is
/// not paged: it returns every programme, so the "page size" is the number of programmes the
/// service holds, one service instance (and database) per size.
/// </summary>
public sealed class MeetingsReads : IAsyncDisposable
{
    private const string Endpoint = "GET /api/meetings/programmes";

    private const string ListSql = """
        SELECT "Id", "Name", "StartsOn", "EndsOn", "TimeZone", "Themes", "PlannedMeetings", "PoliticianShare",
               "ExpectedKeyOfficials", "PlanPublishedAt", "Version"
        FROM "Programmes" ORDER BY "StartsOn";
        """;

    private readonly ServiceFactory<MeetingsDb> _factory;
    private readonly HttpClient _client;
    private readonly Db _db;
    private readonly int _programmes;

    private MeetingsReads(ServiceFactory<MeetingsDb> factory, HttpClient client, Db db, int programmes)
    {
        _factory = factory;
        _client = client;
        _db = db;
        _programmes = programmes;
    }

    public static async Task<MeetingsReads> StartAsync(TestTokenIssuer issuer, string provider, string? postgresConnectionString, int programmes)
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
            settings["ConnectionStrings:meetings"] = postgresConnectionString;
        }

        var factory = new ServiceFactory<MeetingsDb>("meetings", issuer, settings);
        var admin = factory.ClientFor(TestUser.Administrator());
        var connectionString = factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("meetings")!;
        var reads = new MeetingsReads(factory, admin, new Db(provider, connectionString), programmes);
        await reads.SeedAsync();
        return reads;
    }

    /// <summary>The programmes arrive as the Regions service's events, as they do in a deployment.</summary>
    private async Task SeedAsync()
    {
        for (var i = 0; i < _programmes; i++)
        {
            var startsOn = new DateOnly(2021, 1, 1).AddDays(i);
            await _factory.Harness.Bus.Publish(new ProgrammeRegistered(Guid.NewGuid(), $"Vägar till hållbar utveckling {i:D3}", startsOn, startsOn.AddYears(2), 4, DateTimeOffset.UtcNow));
        }

        await Eventually.UntilAsync(CountAsync, count => count == _programmes, $"the meetings service holds {_programmes} programmes", TimeSpan.FromMinutes(2));
    }

    private async Task<int> CountAsync()
    {
        await using var connection = await _db.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Programmes\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ReadCase Case() => new(
        Endpoint,
        _db.Provider,
        _programmes,
        async ct =>
        {
            using var response = await _client.GetAsync("/api/meetings/programmes", ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
        },
        async ct =>
        {
            var list = await _client.GetFromJsonAsync<List<ProgrammeCalendarResponse>>("/api/meetings/programmes", OutboxJson.Options, ct);
            return list!.Select(p => p.Id).ToList();
        },
        RawListAsync,
        EfCoreListAsync);

    /// <summary>What the endpoint does between the HTTP layers: the service's DbContext, its query and its response records.</summary>
    private async Task<IReadOnlyList<Guid>> EfCoreListAsync(CancellationToken cancellationToken)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        var list = (await db.Programmes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.StartsOn)
            .Select(ProgrammeEndpoints.ResponseOf)
            .ToList();
        await Rows.SerializeAsync(list, cancellationToken);
        return list.Select(p => p.Id).ToList();
    }

    private async Task<IReadOnlyList<Guid>> RawListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ListSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var programmes = new List<RawCalendar>();
        while (await reader.ReadAsync(cancellationToken))
        {
            programmes.Add(new RawCalendar(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetFieldValue<DateOnly>(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(5))!,
                reader.GetInt32(6),
                reader.GetDecimal(7),
                reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetDateTime(9),
                reader.GetInt64(10)));
        }

        await Rows.SerializeAsync(programmes, cancellationToken);
        return programmes.Select(p => p.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed record RawCalendar(
        Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string TimeZone, List<string> Themes, int PlannedMeetings,
        decimal PoliticianShare, int ExpectedKeyOfficials, DateTime? PlanPublishedAt, long Version);
}
