using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Where the demo data of <c>seeds/</c> is found: <c>Seeds:Directory</c> when set, otherwise the
/// <c>seeds</c> folder copied next to the service's binaries. <c>Seeds:Enabled=false</c> starts
/// with an empty database (tests that need a clean slate).
/// </summary>
public static class SeedFiles
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Seeds:Enabled", true);

    public static string Directory(IConfiguration configuration) =>
        configuration["Seeds:Directory"] is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "seeds");

    public static async Task<T> ReadJsonAsync<T>(IConfiguration configuration, string relativePath, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory(configuration), relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed file '{path}' is missing (Seeds:Directory = '{Directory(configuration)}').", path);
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Outbox.OutboxJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"Seed file '{path}' is empty.");
    }
}

/// <summary>
/// Moves the demo programme forward in time. The seed documents' programme ran 2021–2022; a live
/// demo needs its meetings ahead of today to schedule, publish and answer them. With
/// <c>Seeds:MoveDemoIntoFuture=true</c> (the run modes set it) every seeded date moves by the same
/// whole number of years, so that the programme starts after today; otherwise nothing moves.
/// Every service computes the same shift from the same programme start and today's date.
/// </summary>
public sealed record DemoCalendarShift(int Years)
{
    public static DemoCalendarShift For(IConfiguration configuration, TimeProvider time, DateOnly programmeStart)
    {
        if (!configuration.GetValue("Seeds:MoveDemoIntoFuture", false))
        {
            return new DemoCalendarShift(0);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var years = 0;
        while (programmeStart.AddYears(years) <= today)
        {
            years++;
        }

        return new DemoCalendarShift(years);
    }

    public DateOnly Date(DateOnly date) => date.AddYears(Years);

    public DateTimeOffset Time(DateTimeOffset time) => time.AddYears(Years);

    /// <summary>The same number of years later, on the same weekday (a Wednesday meeting stays a Wednesday).</summary>
    public DateOnly SameWeekday(DateOnly date)
    {
        var moved = date.AddYears(Years);
        var difference = (int)date.DayOfWeek - (int)moved.DayOfWeek;
        return moved.AddDays(difference > 3 ? difference - 7 : difference < -3 ? difference + 7 : difference);
    }

    /// <summary>Years in a name move too: "Vägar till hållbar utveckling 2021–2022" → "… 2027–2028".</summary>
    public string Name(string name) => Years == 0
        ? name
        : System.Text.RegularExpressions.Regex.Replace(name, @"\b(19|20)\d\d\b", m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + Years).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
