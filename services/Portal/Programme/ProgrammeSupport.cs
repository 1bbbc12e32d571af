using KollegialtUtbyte.Contracts;
using Microsoft.Extensions.Localization;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>Times as people in the programme read them: Europe/Stockholm, in the current culture.</summary>
public static class ProgrammeTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTime Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone).DateTime;

    public static string Date(DateTimeOffset value) => Local(value).ToString("D", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset value) => Local(value).ToString("t", CultureInfo.CurrentCulture);

    public static string Span(DateTimeOffset start, DateTimeOffset end) =>
        $"{Date(start)} {Time(start)}–{(Local(start).Date == Local(end).Date ? Time(end) : Date(end) + " " + Time(end))}";

    /// <summary>The value of a datetime-local input (no zone: the programme's).</summary>
    public static string Input(DateTimeOffset value) => Local(value).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local input's value read as Stockholm time; null when empty or unreadable.</summary>
    public static DateTimeOffset? Parse(string? input)
    {
        if (!DateTime.TryParseExact(input, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}

/// <summary>Which programme the administrator pages show.</summary>
public static class ProgrammeData
{
    /// <summary>The running programme, else the next to start, else the latest one.</summary>
    public static async Task<ApiResult<ProgrammeCalendarResponse>> CurrentProgrammeAsync(this MeetingsApi meetings, CancellationToken ct = default)
    {
        var all = await meetings.ProgrammesAsync(ct);
        if (!all.Succeeded || all.Value is null)
        {
            return new ApiResult<ProgrammeCalendarResponse>(null, all.Problem);
        }

        // The programme pages (themes, teams, quota) are for programmes; dialogues and networks have their own.
        var programmes = all.Value.Where(p => p.Format == ExchangeFormat.Programme).ToList();
        var today = DateOnly.FromDateTime(ProgrammeTime.Local(DateTimeOffset.UtcNow));
        var chosen = programmes.FirstOrDefault(p => p.StartsOn <= today && today <= p.EndsOn)
            ?? programmes.Where(p => p.StartsOn > today).MinBy(p => p.StartsOn)
            ?? programmes.MaxBy(p => p.EndsOn);
        return chosen is null
            ? new ApiResult<ProgrammeCalendarResponse>(null, new ApiProblem(404, "Not found", null, new Dictionary<string, string[]>(), null))
            : new ApiResult<ProgrammeCalendarResponse>(chosen, null);
    }
}

/// <summary>
/// Places a service's rule violation next to the field it concerns: the rule's name decides the
/// field, the message is the service's own (Swedish) in Swedish and our translation otherwise.
/// </summary>
public static class RuleFields
{
    private static readonly Dictionary<string, string> FieldOfRule = new(StringComparer.Ordinal)
    {
        ["meeting.ends-before-start"] = "endsAt",
        ["meeting.too-long"] = "endsAt",
        ["meeting.starts-in-the-past"] = "startsAt",
        ["meeting.outside-programme-period"] = "startsAt",
        ["meeting.overlaps"] = "startsAt",
        ["meeting.agenda-does-not-fit"] = "startsAt",
        ["meeting.unknown-theme"] = "theme",
        ["meeting.place-missing"] = "venue",
        ["meeting.number-out-of-range"] = "number",
        ["meeting.number-taken"] = "number",
        ["meeting.more-than-planned"] = "number",
        ["meeting.unknown-facilitator"] = "facilitators",
        ["meeting.facilitator-double-booked"] = "facilitators",
    };

    /// <summary>The problem with the meeting rule's message under the field the rule concerns.</summary>
    public static ApiProblem Place(ApiProblem problem, IStringLocalizer texts) => Place(problem, texts, FieldOfRule);

    /// <summary>The problem with the rule's message under its field in <paramref name="fieldOfRule"/>; rules not listed are left to the summary.</summary>
    public static ApiProblem Place(ApiProblem problem, IStringLocalizer texts, IReadOnlyDictionary<string, string> fieldOfRule)
    {
        if (problem.Rule is not { } rule || !fieldOfRule.TryGetValue(rule, out var field))
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(problem.Errors, StringComparer.OrdinalIgnoreCase)
        {
            [field] = [Message(problem, texts)],
        };
        return problem with { Errors = errors };
    }

    /// <summary>The problem with its detail in the reader's language, for the summary at the top.</summary>
    public static ApiProblem Localize(ApiProblem problem, IStringLocalizer texts) =>
        problem.Rule is null ? problem : problem with { Detail = Message(problem, texts) };

    public static string Message(ApiProblem problem, IStringLocalizer texts)
    {
        var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";
        if (swedish && !string.IsNullOrEmpty(problem.Detail))
        {
            return problem.Detail;
        }

        var translated = problem.Rule is null ? null : texts["Rule." + problem.Rule];
        return translated is { ResourceNotFound: false } ? translated.Value : problem.Detail ?? problem.Title;
    }
}
