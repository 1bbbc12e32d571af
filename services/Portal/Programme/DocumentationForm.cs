namespace KollegialtUtbyte.Portal.Programme;

/// <summary>
/// The documentation draft as a plain form: a summary, numbered points with their decisions (plus
/// a few empty rows to add to) and one outcome per workshop question. Each point keeps its level,
/// so sub-points written earlier stay sub-points.
/// </summary>
public sealed class DocumentationForm
{
    public const int BlankRows = 3;

    public string? Summary { get; set; }

    public List<PointRow> Points { get; init; } = [];

    public List<WorkshopOutcomeResponse> Outcomes { get; init; } = [];

    public static DocumentationForm From(DocumentationResponse? documentation, MeetingResponse meeting) => new()
    {
        Summary = documentation?.Summary,
        Points = (documentation?.Points ?? []).Select(p => new PointRow { Level = p.Level, Text = p.Text, Decision = p.Decision })
            .Concat(Enumerable.Range(0, BlankRows).Select(_ => new PointRow())).ToList(),
        // Before the first save, the workshop questions of the agenda are what to report on.
        Outcomes = documentation?.WorkshopOutcomes.ToList()
            ?? meeting.Agenda.Where(a => a.Kind == AgendaItemKind.Workshop).SelectMany(a => a.Questions).Select(q => new WorkshopOutcomeResponse(q, "")).ToList(),
    };

    public static DocumentationForm Read(IFormCollection form)
    {
        _ = int.TryParse(form["points"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var points);
        _ = int.TryParse(form["outcomes"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var outcomes);
        return new DocumentationForm
        {
            Summary = form["summary"],
            Points = Enumerable.Range(0, Math.Clamp(points, 0, 100)).Select(i => new PointRow
            {
                Level = int.TryParse(form[$"level-{i}"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) ? Math.Clamp(level, 1, 3) : 1,
                Text = form[$"point-{i}"],
                Decision = form[$"decision-{i}"],
            }).ToList(),
            Outcomes = Enumerable.Range(0, Math.Clamp(outcomes, 0, 100))
                .Select(i => new WorkshopOutcomeResponse(form[$"question-{i}"].ToString(), form[$"outcome-{i}"].ToString()))
                .ToList(),
        };
    }

    /// <summary>The numbers the protocol will show (1, 1.1, 2 ...), for the rows that have text.</summary>
    public IReadOnlyList<string?> Numbers()
    {
        var counters = new int[4];
        return Points.Select(p =>
        {
            if (p.IsBlank)
            {
                return null;
            }

            counters[p.Level]++;
            for (var deeper = p.Level + 1; deeper < counters.Length; deeper++)
            {
                counters[deeper] = 0;
            }

            return string.Join('.', Enumerable.Range(1, p.Level).Select(l => counters[l].ToString(CultureInfo.InvariantCulture)));
        }).ToList();
    }

    /// <summary>The draft for the service; attachments left out stay as they are.</summary>
    public WriteDocumentationRequest Request(long version) => new(
        string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(),
        Tree(Points.Where(p => !p.IsBlank).ToList(), 1),
        Outcomes.Select(o => new WorkshopOutcomeRequest(o.Question, o.Outcome)).ToList(),
        null,
        version);

    // Rows in order with levels become the nested points the service takes.
    private static List<PointRequest> Tree(List<PointRow> rows, int level)
    {
        var result = new List<PointRequest>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Level > level && result.Count == 0)
            {
                // A sub-point with no parent is taken as a point of this level.
                rows[i].Level = level;
            }

            if (rows[i].Level != level)
            {
                continue;
            }

            var children = rows.Skip(i + 1).TakeWhile(r => r.Level > level).ToList();
            result.Add(new PointRequest(
                rows[i].Text!.Trim(),
                string.IsNullOrWhiteSpace(rows[i].Decision) ? null : rows[i].Decision!.Trim(),
                children.Count == 0 ? null : Tree(children, level + 1)));
            i += children.Count;
        }

        return result;
    }
}

public sealed class PointRow
{
    public int Level { get; set; } = 1;

    public string? Text { get; set; }

    public string? Decision { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
