using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Meetings.Domain;

public sealed record AgendaItemDraft(
    AgendaItemKind Kind,
    string Title,
    string? Responsible,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    IReadOnlyList<string>? Questions);

/// <summary>
/// One item of a meeting's agenda. Its start is kept relative to the meeting's start, so moving
/// the meeting moves its agenda along.
/// </summary>
public sealed class AgendaItem
{
    private AgendaItem()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public AgendaItemKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The responsible person or speaker, as they should be named in the agenda.</summary>
    public string? Responsible { get; private set; }

    public int StartsAfterMinutes { get; private set; }

    public int DurationMinutes { get; private set; }

    /// <summary>A workshop's questions, in order.</summary>
    public List<string> Questions { get; private set; } = [];

    public TimeSpan StartsAfter => TimeSpan.FromMinutes(StartsAfterMinutes);

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    public DateTimeOffset StartsAt(Meeting meeting) => meeting.StartsAt + StartsAfter;

    /// <summary>An erased speaker is named "Borttagen person"; the item stays.</summary>
    internal bool ForgetName(string name)
    {
        if (!ErasedNames.Mentions(Responsible, name))
        {
            return false;
        }

        Responsible = ErasedNames.ReplaceOptional(Responsible, name);
        return true;
    }

    internal static AgendaItem Create(Meeting meeting, AgendaItemDraft draft, int position)
    {
        var startsAfter = draft.StartsAt - meeting.StartsAt;
        if (startsAfter < TimeSpan.Zero || draft.StartsAt.AddMinutes(draft.DurationMinutes) > meeting.EndsAt)
        {
            throw new RuleViolationException("agenda.item-outside-meeting",
                $"Punkten '{draft.Title}' ligger utanför träffens tid.");
        }

        if (draft.DurationMinutes <= 0)
        {
            throw new RuleViolationException("agenda.item-without-duration", $"Punkten '{draft.Title}' behöver en längd.");
        }

        var questions = (draft.Questions ?? []).Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        if (questions.Count > 0 && draft.Kind != AgendaItemKind.Workshop)
        {
            throw new RuleViolationException("agenda.questions-only-for-workshops",
                $"Bara en workshop har frågor ('{draft.Title}' är inte en workshop).");
        }

        return new AgendaItem
        {
            Id = Guid.NewGuid(),
            Position = position,
            Kind = draft.Kind,
            Title = draft.Title.Trim(),
            Responsible = string.IsNullOrWhiteSpace(draft.Responsible) ? null : draft.Responsible.Trim(),
            StartsAfterMinutes = (int)startsAfter.TotalMinutes,
            DurationMinutes = draft.DurationMinutes,
            Questions = questions,
        };
    }
}
