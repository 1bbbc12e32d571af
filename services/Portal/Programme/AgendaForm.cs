namespace KollegialtUtbyte.Portal.Programme;

/// <summary>
/// The agenda as rows of a plain form: existing items plus a few empty rows to add to, no script
/// needed. A row without a title is left out, so clearing a title removes the item.
/// </summary>
public sealed class AgendaForm
{
    public const int BlankRows = 3;

    public static readonly string[] Kinds = ["Talk", "Workshop", "Break", "Other"];

    public List<AgendaRow> Rows { get; init; } = [];

    public static AgendaForm From(MeetingResponse meeting) => new()
    {
        Rows = meeting.Agenda.Select(a => new AgendaRow
        {
            Kind = a.Kind.ToString(),
            Title = a.Title,
            Responsible = a.Responsible,
            Start = ProgrammeTime.Local(a.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
            Duration = a.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            Questions = string.Join('\n', a.Questions),
        }).Concat(Enumerable.Range(0, BlankRows).Select(_ => new AgendaRow())).ToList(),
    };

    public static AgendaForm Read(IFormCollection form)
    {
        _ = int.TryParse(form["rows"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count);
        var rows = Enumerable.Range(0, Math.Clamp(count, 0, 100)).Select(i => new AgendaRow
        {
            Kind = form[$"kind-{i}"].ToString(),
            Title = form[$"title-{i}"],
            Responsible = form[$"responsible-{i}"],
            Start = form[$"start-{i}"],
            Duration = form[$"duration-{i}"],
            Questions = form[$"questions-{i}"],
        }).ToList();
        return new AgendaForm { Rows = rows };
    }

    /// <summary>Per-row messages for what the portal can tell before asking the service.</summary>
    public Dictionary<string, string[]> Check(string startRequired, string durationRequired)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (!TimeOnly.TryParseExact(row.Start, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors[$"start-{i}"] = [startRequired];
            }

            if (!int.TryParse(row.Duration, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) || minutes < 1)
            {
                errors[$"duration-{i}"] = [durationRequired];
            }
        }

        return errors;
    }

    /// <summary>The items for the service, each on the meeting's day in Swedish time.</summary>
    public ChangeAgendaRequest Request(MeetingResponse meeting, long version) => new(
        Rows.Where(r => !r.IsBlank).Select(r =>
        {
            var time = TimeOnly.ParseExact(r.Start!, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture);
            var day = DateOnly.FromDateTime(ProgrammeTime.Local(meeting.StartsAt));
            var local = day.ToDateTime(time);
            return new AgendaItemRequest(
                Kinds.Contains(r.Kind) && Enum.TryParse<AgendaItemKind>(r.Kind, out var kind) ? kind : AgendaItemKind.Other,
                r.Title!.Trim(),
                string.IsNullOrWhiteSpace(r.Responsible) ? null : r.Responsible.Trim(),
                new DateTimeOffset(local, ProgrammeTime.Zone.GetUtcOffset(local)),
                int.Parse(r.Duration!, CultureInfo.InvariantCulture),
                r.Kind == "Workshop" ? r.QuestionList : null);
        }).ToList(),
        version);
}

public sealed class AgendaRow
{
    public string? Kind { get; set; } = "Talk";

    public string? Title { get; set; }

    public string? Responsible { get; set; }

    public string? Start { get; set; }

    public string? Duration { get; set; }

    public string? Questions { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title);

    public List<string> QuestionList => (Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
}
