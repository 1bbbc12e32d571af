using KollegialtUtbyte.Feedback.ApiContracts;

namespace KollegialtUtbyte.Portal.Programme;

// Meetings' part of the effects report, as its API answers (GET .../programmes/{id}/effects); Feedback's
// part is its contract's FeedbackEffectsResponse.

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
/// asked for, so they always equal what the services hold. Its files are in Swedish, the agency's
/// language; the page follows the reader's (table titles and column names; the services' names stay).
/// </summary>
public sealed record EffectsReport(
    string ProgrammeName, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Regions, IReadOnlyList<ReportTable> Tables, DateTimeOffset GeneratedAt)
{
    public const string Suppressed = "..";

    public string Period => $"{StartsOn:yyyy-MM-dd} – {EndsOn:yyyy-MM-dd}";

    /// <summary>The report as of now; <paramref name="english"/> for the page in English (the files are always Swedish).</summary>
    public static async Task<ApiResult<EffectsReport>> LoadAsync(MeetingsApi meetingsApi, FeedbackApi feedback, CancellationToken ct = default, bool english = false)
    {
        var programme = await meetingsApi.CurrentProgrammeAsync(ct);
        if (programme.Value is null)
        {
            return new ApiResult<EffectsReport>(null, programme.Problem);
        }

        var meetings = await meetingsApi.EffectsAsync(programme.Value.Id, ct);
        var exchange = await feedback.EffectsAsync(programme.Value.Id, ct);
        if (meetings.Value is null || exchange.Value is null)
        {
            return new ApiResult<EffectsReport>(null, meetings.Problem ?? exchange.Problem);
        }

        return new ApiResult<EffectsReport>(Compose(meetings.Value, exchange.Value, DateTimeOffset.UtcNow, english), null);
    }

    public static EffectsReport Compose(MeetingsEffectsResponse meetings, FeedbackEffectsResponse exchange, DateTimeOffset generatedAt, bool english = false)
    {
        // The tables' titles and column names in the reader's language; the figures and the services' own names (themes, roles, regions) as they are.
        string Sv(string swedish, string inEnglish) => english ? inEnglish : swedish;
        string StatusOf(string status) => english ? StatusNameEnglish(status) : StatusName(status);

        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Suppressed;

        var tables = new List<ReportTable>
        {
            new("traffar-per-tema", Sv("Genomförda träffar per tema", "Meetings held per theme"), [Sv("Tema", "Theme"), Sv("Genomförda träffar", "Meetings held")],
                [.. meetings.MeetingsPerTheme.Select(t => Row(t.Theme, N(t.Held)))], new ChartSpec(0, 1)),
            new("narvaro-per-roll", Sv("Närvaro per roll", "Attendance by role"), [Sv("Roll", "Role"), Sv("Personer", "People"), Sv("Närvarotillfällen", "Attendances")],
                [.. meetings.AttendanceByRole.Select(c => Row(c.Group, Count(c.People), Count(c.Attendances)))], new ChartSpec(0, 2)),
            new("narvaro-per-kon", Sv("Närvaro per kön", "Attendance by gender"), [Sv("Kön", "Gender"), Sv("Personer", "People"), Sv("Närvarotillfällen", "Attendances")],
                [.. meetings.AttendanceByGender.Select(c => Row(c.Group, Count(c.People), Count(c.Attendances)))], new ChartSpec(0, 2)),
            new("politiker-mot-kvoten", Sv("Politikernas närvaro mot kvoten", "Politicians' attendance against the quota"), ["Region", Sv("Politiker", "Politicians"), Sv("Har nått kvoten", "Have met the quota"), Sv("Flest närvarotillfällen", "Most attendances"), Sv("Krav", "Required")],
                [.. meetings.PoliticianQuota.Select(q => Row(q.RegionName, N(q.Politicians), N(q.MetQuota), N(q.BestAttended), N(q.Required)))], new ChartSpec(0, 3)),
            new("utkast-och-aterkoppling", Sv("Strategiutkast och återkoppling per region", "Strategy drafts and feedback per region"), ["Region", Sv("Utkast lämnade för återkoppling", "Drafts submitted for feedback"), Sv("Återkoppling given", "Feedback given"), Sv("Återkoppling mottagen", "Feedback received")],
                [.. exchange.Regions.Select(r => Row(r.RegionName, N(r.DraftsSubmitted), N(r.FeedbackGiven), N(r.FeedbackReceived)))], new ChartSpec(0, 2)),
            new("forslag", Sv("Förslag som regionerna fått och hur de tagits tillvara", "Suggestions the regions received and how they were taken up"), ["Region", Sv("Mottagna förslag", "Suggestions received"), Sv("Tillvaratagna", "Adopted"), Sv("Delvis tillvaratagna", "Partly adopted"), Sv("Inte tillvaratagna", "Not adopted")],
                [.. exchange.Regions.Select(r => Row(r.RegionName, N(r.SuggestionsReceived), N(r.SuggestionsAdopted), N(r.SuggestionsPartlyAdopted), N(r.SuggestionsNotAdopted)))], new ChartSpec(0, 2)),
            new("atgarder", Sv("Åtgärder från besluten per status", "Actions from the decisions by status"), ["Region", "Status", Sv("Antal", "Number")],
                [.. meetings.Actions.Select(a => Row(a.RegionName, StatusOf(a.Status.ToString()), N(a.Count)))], null),
            new("atgarder-per-status", Sv("Åtgärder per status, hela programmet", "Actions by status, whole programme"), ["Status", Sv("Antal", "Number")],
                [.. new[] { "Planned", "InProgress", "Done", "Dropped" }.Select(s => Row(StatusOf(s), N(meetings.Actions.Where(a => a.Status.ToString() == s).Sum(a => a.Count))))], new ChartSpec(0, 1)),
            new("prioriteringar", Sv("Prioriteringar och resultat", "Priorities and results"), ["Region", Sv("Prioritering", "Priority"), Sv("Resultat", "Result")],
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

    public static string StatusNameEnglish(string status) => status switch
    {
        "Planned" => "Planned",
        "InProgress" => "In progress",
        "Done" => "Done",
        "Dropped" => "Dropped",
        _ => status,
    };

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
