using System.Globalization;
using KollegialtUtbyte.Portal.Gateway;

namespace KollegialtUtbyte.Portal.Programme;

// The services' parts of the effects report, as their APIs answer (GET .../programmes/{id}/effects).

public sealed record ThemeMeetings(string Theme, int Held);

public sealed record RegionQuota(string RegionName, int Politicians, int MetQuota, int BestAttended, int Required);

public sealed record ActionCount(string RegionName, string Status, int Count);

public sealed record MeetingsEffects(
    Guid ProgrammeId,
    string ProgrammeName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ThemeMeetings> MeetingsPerTheme,
    IReadOnlyList<ProgrammeStatisticsCell> AttendanceByRole,
    IReadOnlyList<ProgrammeStatisticsCell> AttendanceByGender,
    IReadOnlyList<RegionQuota> PoliticianQuota,
    IReadOnlyList<ActionCount> Actions);

public sealed record RegionExchange(
    Guid RegionId,
    string RegionName,
    int DraftsSubmitted,
    int FeedbackGiven,
    int FeedbackReceived,
    int SuggestionsReceived,
    int SuggestionsAdopted,
    int SuggestionsPartlyAdopted,
    int SuggestionsNotAdopted,
    int Priorities,
    int Results);

public sealed record PriorityResultEntry(string Text, DateOnly AchievedOn);

public sealed record PriorityEntry(string RegionName, int Number, string Title, IReadOnlyList<PriorityResultEntry> Results);

public sealed record FeedbackEffects(Guid ProgrammeId, IReadOnlyList<RegionExchange> Regions, IReadOnlyList<PriorityEntry> Priorities);

/// <summary>A bar chart of one column of a table, drawn from the table's own rows.</summary>
public sealed record ChartSpec(int LabelColumn, int ValueColumn);

/// <summary>One table of the report, shown the same on the page, in the CSV and in the PDF. Empty cells and ".." (suppressed) are not charted.</summary>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, ChartSpec? Chart)
{
    public IReadOnlyList<(string Label, int? Value)> Bars() =>
        Chart is null
            ? []
            : Rows.Select(r => (r[Chart.LabelColumn], int.TryParse(r[Chart.ValueColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? (int?)v : null)).ToList();
}

/// <summary>
/// The programme's effects report for the agency (Tillväxtverket asks the regions what the exchange
/// achieved). Its numbers come from the services' APIs through the gateway at the moment it is
/// asked for, so they always equal what the services hold; it is in Swedish, the agency's language.
/// </summary>
public sealed record EffectsReport(
    string ProgrammeName, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Regions, IReadOnlyList<ReportTable> Tables, DateTimeOffset GeneratedAt)
{
    public const string Suppressed = "..";

    public string Period => $"{StartsOn:yyyy-MM-dd} – {EndsOn:yyyy-MM-dd}";

    public static async Task<ApiResult<EffectsReport>> LoadAsync(GatewayClient gateway, CancellationToken ct = default)
    {
        var programme = await gateway.CurrentProgrammeAsync(ct);
        if (programme.Value is null)
        {
            return new ApiResult<EffectsReport>(null, programme.Problem);
        }

        var meetings = await gateway.GetAsync<MeetingsEffects>($"/api/meetings/programmes/{programme.Value.Id}/effects", ct);
        var exchange = await gateway.GetAsync<FeedbackEffects>($"/api/feedback/programmes/{programme.Value.Id}/effects", ct);
        if (meetings.Value is null || exchange.Value is null)
        {
            return new ApiResult<EffectsReport>(null, meetings.Problem ?? exchange.Problem);
        }

        return new ApiResult<EffectsReport>(Compose(meetings.Value, exchange.Value, DateTimeOffset.UtcNow), null);
    }

    public static EffectsReport Compose(MeetingsEffects meetings, FeedbackEffects exchange, DateTimeOffset generatedAt)
    {
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Suppressed;

        var tables = new List<ReportTable>
        {
            new("traffar-per-tema", "Genomförda träffar per tema", ["Tema", "Genomförda träffar"],
                [.. meetings.MeetingsPerTheme.Select(t => Row(t.Theme, N(t.Held)))], new ChartSpec(0, 1)),
            new("narvaro-per-roll", "Närvaro per roll", ["Roll", "Personer", "Närvarotillfällen"],
                [.. meetings.AttendanceByRole.Select(c => Row(c.Group, Count(c.People), Count(c.Attendances)))], new ChartSpec(0, 2)),
            new("narvaro-per-kon", "Närvaro per kön", ["Kön", "Personer", "Närvarotillfällen"],
                [.. meetings.AttendanceByGender.Select(c => Row(c.Group, Count(c.People), Count(c.Attendances)))], new ChartSpec(0, 2)),
            new("politiker-mot-kvoten", "Politikernas närvaro mot kvoten", ["Region", "Politiker", "Har nått kvoten", "Flest närvarotillfällen", "Krav"],
                [.. meetings.PoliticianQuota.Select(q => Row(q.RegionName, N(q.Politicians), N(q.MetQuota), N(q.BestAttended), N(q.Required)))], new ChartSpec(0, 3)),
            new("utkast-och-aterkoppling", "Strategiutkast och återkoppling per region", ["Region", "Utkast lämnade för återkoppling", "Återkoppling given", "Återkoppling mottagen"],
                [.. exchange.Regions.Select(r => Row(r.RegionName, N(r.DraftsSubmitted), N(r.FeedbackGiven), N(r.FeedbackReceived)))], new ChartSpec(0, 2)),
            new("forslag", "Förslag som regionerna fått och hur de tagits tillvara", ["Region", "Mottagna förslag", "Tillvaratagna", "Delvis tillvaratagna", "Inte tillvaratagna"],
                [.. exchange.Regions.Select(r => Row(r.RegionName, N(r.SuggestionsReceived), N(r.SuggestionsAdopted), N(r.SuggestionsPartlyAdopted), N(r.SuggestionsNotAdopted)))], new ChartSpec(0, 2)),
            new("atgarder", "Åtgärder från besluten per status", ["Region", "Status", "Antal"],
                [.. meetings.Actions.Select(a => Row(a.RegionName, StatusName(a.Status), N(a.Count)))], null),
            new("atgarder-per-status", "Åtgärder per status, hela programmet", ["Status", "Antal"],
                [.. new[] { "Planned", "InProgress", "Done", "Dropped" }.Select(s => Row(StatusName(s), N(meetings.Actions.Where(a => a.Status == s).Sum(a => a.Count))))], new ChartSpec(0, 1)),
            new("prioriteringar", "Prioriteringar och resultat", ["Region", "Prioritering", "Resultat"],
                [.. exchange.Priorities.SelectMany(p => p.Results.Count == 0
                    ? [Row(p.RegionName, $"{p.Number}. {p.Title}", "")]
                    : p.Results.Select(r => Row(p.RegionName, $"{p.Number}. {p.Title}", $"{r.AchievedOn:yyyy-MM-dd}: {r.Text}")))], null),
        };
        return new EffectsReport(meetings.ProgrammeName, meetings.StartsOn, meetings.EndsOn, meetings.Regions, tables, generatedAt);
    }

    public static string StatusName(string status) => status switch
    {
        "Planned" => "Planerad",
        "InProgress" => "Pågående",
        "Done" => "Klar",
        "Dropped" => "Avbruten",
        _ => status,
    };

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
