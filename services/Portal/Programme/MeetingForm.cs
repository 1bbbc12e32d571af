using Microsoft.Extensions.Localization;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>The meeting form as typed: strings, so whatever was entered is shown again after an error.</summary>
public sealed class MeetingForm
{
    public string? Number { get; set; }

    public string? Title { get; set; }

    public string? Theme { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? Venue { get; set; }

    public string? OnlineLink { get; set; }

    public List<Guid> FacilitatorIds { get; set; } = [];

    public string? Version { get; set; }

    public static MeetingForm From(MeetingResponse meeting) => new()
    {
        Number = meeting.Number.ToString(CultureInfo.InvariantCulture),
        Title = meeting.Title,
        Theme = meeting.Theme,
        StartsAt = ProgrammeTime.Input(meeting.StartsAt),
        EndsAt = ProgrammeTime.Input(meeting.EndsAt),
        Venue = meeting.Venue,
        OnlineLink = meeting.OnlineLink,
        FacilitatorIds = meeting.Facilitators.Select(f => f.PersonId).ToList(),
        Version = meeting.Version.ToString(CultureInfo.InvariantCulture),
    };

    public static MeetingForm Read(IFormCollection form) => new()
    {
        Number = form["number"],
        Title = form["title"],
        Theme = form["theme"],
        StartsAt = form["startsAt"],
        EndsAt = form["endsAt"],
        Venue = form["venue"],
        OnlineLink = form["onlineLink"],
        FacilitatorIds = form["facilitator"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList(),
        Version = form["version"],
    };

    /// <summary>What must be there before the service is asked: a theme and readable times.</summary>
    public ApiProblem? Missing(IStringLocalizer texts)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(Theme))
        {
            errors["theme"] = [texts["ThemeRequired"]];
        }

        if (ProgrammeTime.Parse(StartsAt) is null)
        {
            errors["startsAt"] = [texts["DateTimeRequired"]];
        }

        if (ProgrammeTime.Parse(EndsAt) is null)
        {
            errors["endsAt"] = [texts["DateTimeRequired"]];
        }

        if (!string.IsNullOrWhiteSpace(Number) && !int.TryParse(Number, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            errors["number"] = [texts["NumberInvalid"]];
        }

        return errors.Count == 0 ? null : new ApiProblem(400, "Validation", texts["CheckFields"], errors, null);
    }

    public ScheduleMeetingRequest ToScheduleRequest() => new(
        NumberOrNull(), Blank(Title), Theme?.Trim() ?? "", ProgrammeTime.Parse(StartsAt), ProgrammeTime.Parse(EndsAt), Blank(Venue), Blank(OnlineLink), FacilitatorIds);

    public RescheduleMeetingRequest ToRescheduleRequest() => new(
        NumberOrNull(),
        Blank(Title),
        Theme?.Trim() ?? "",
        ProgrammeTime.Parse(StartsAt),
        ProgrammeTime.Parse(EndsAt),
        Blank(Venue),
        Blank(OnlineLink),
        FacilitatorIds,
        long.TryParse(Version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0);

    private int? NumberOrNull() => int.TryParse(Number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
