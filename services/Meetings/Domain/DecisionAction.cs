using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>Who carries an action: a person, or a region's team. <see cref="RegionId"/> is the region it counts for (none for a facilitator).</summary>
public sealed record ActionOwner(DecisionActionOwnerKind Kind, Guid Id, string Name, Guid? RegionId);

/// <summary>
/// What a decision point of the documentation sets in motion (seed 004: "Effekten av verksamheten
/// ska definieras och följas upp"): what, who, by when. It is written with the draft and lives on
/// after approval as a record of its own that points at the decision by documentation and point
/// number, so the approved protocol never changes while the action's progress does.
/// </summary>
public sealed class DecisionAction : IVersioned
{
    public const int MaxWhatLength = MeetingsLimits.ActionWhatLength;
    public const int MaxNoteLength = MeetingsLimits.ActionNoteLength;

    private DecisionAction()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid MeetingId { get; private set; }

    /// <summary>The documentation revision the action was decided in.</summary>
    public Guid DocumentationId { get; private set; }

    public string PointNumber { get; private set; } = "";

    /// <summary>The meeting's theme, kept for filtering the programme's actions.</summary>
    public string Theme { get; private set; } = "";

    public string What { get; private set; } = "";

    public DecisionActionOwnerKind OwnerKind { get; private set; }

    public Guid OwnerId { get; private set; }

    public string OwnerName { get; private set; } = "";

    /// <summary>The region the action counts for: the owning region, or the owning person's region.</summary>
    public Guid? RegionId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ActionStatus Status { get; private set; }

    public string? DroppedReason { get; private set; }

    /// <summary>The decision as approved; set when the documentation is approved.</summary>
    public string? Decision { get; private set; }

    public string? RegistryNumber { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The due date the "due soon" reminder was sent for (a new due date may remind again).</summary>
    public DateOnly? DueSoonReminderFor { get; private set; }

    public DateOnly? OverdueReminderFor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public List<ActionProgressNote> Notes { get; private set; } = [];

    public long Version { get; set; }

    public bool IsApproved => ApprovedAt is not null;

    public bool IsOpen => Status is ActionStatus.Planned or ActionStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    public bool IsOwnedBy(Guid? personId, IReadOnlySet<Guid> regionIds) => OwnerKind switch
    {
        DecisionActionOwnerKind.Person => personId == OwnerId,
        _ => regionIds.Contains(OwnerId),
    };

    /// <summary>An action on a decision point of a draft.</summary>
    public static DecisionAction Create(
        MeetingDocumentation documentation, Meeting meeting, string pointNumber, string what, ActionOwner owner, DateOnly dueOn, DateTimeOffset now)
    {
        EnsureDraft(documentation);
        _ = DecisionOf(documentation, pointNumber);
        var action = new DecisionAction
        {
            Id = Guid.NewGuid(),
            ProgrammeId = meeting.ProgrammeId,
            MeetingId = meeting.Id,
            DocumentationId = documentation.Id,
            PointNumber = pointNumber,
            Theme = meeting.Theme,
            Status = ActionStatus.Planned,
            CreatedAt = now,
        };
        action.Define(what, owner, dueOn, now);
        return action;
    }

    /// <summary>Changes what, who or when while the documentation is still a draft.</summary>
    public void Redefine(MeetingDocumentation documentation, string what, ActionOwner owner, DateOnly dueOn, DateTimeOffset now)
    {
        EnsureDraft(documentation);
        Define(what, owner, dueOn, now);
    }

    /// <summary>The documentation was approved: the action takes effect with the decision as approved.</summary>
    public void TakeEffect(MeetingDocumentation approved, DateTimeOffset now)
    {
        Decision = DecisionOf(approved, PointNumber);
        RegistryNumber = approved.RegistryNumber;
        ApprovedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The owner (or a facilitator) reports: a new status, a note, or both. Dropping needs a reason.</summary>
    public ActionProgressNote RecordProgress(ActionStatus status, string? note, Guid? byPersonId, string byName, DateTimeOffset now)
    {
        if (!IsApproved)
        {
            throw new RuleViolationException("actions.not-approved", "Åtgärden följs upp när dokumentationen är godkänd.");
        }

        if (!IsOpen)
        {
            throw new RuleViolationException("actions.closed", $"Åtgärden är redan {StatusName(Status)} och kan inte ändras.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (status == ActionStatus.Dropped && text is null)
        {
            throw new RuleViolationException("actions.drop-reason-required", "Ange varför åtgärden inte genomförs.");
        }

        if (status == Status && text is null)
        {
            throw new RuleViolationException("actions.nothing-to-record", "Ange en ny status eller en anteckning.");
        }

        var entry = ActionProgressNote.Of(status, text, byPersonId, byName, Notes.Count, now);
        Notes.Add(entry);
        Status = status;
        DroppedReason = status == ActionStatus.Dropped ? text : null;
        UpdatedAt = now;
        return entry;
    }

    /// <summary>The reminder due on <paramref name="today"/> (in the programme's time zone), if one is still to be sent.</summary>
    public DecisionActionReminderKind? ReminderDue(DateOnly today, int daysBefore)
    {
        if (!IsApproved || !IsOpen)
        {
            return null;
        }

        if (today > DueOn)
        {
            return OverdueReminderFor == DueOn ? null : DecisionActionReminderKind.Overdue;
        }

        return today >= DueOn.AddDays(-daysBefore) && DueSoonReminderFor != DueOn ? DecisionActionReminderKind.DueSoon : null;
    }

    public void MarkReminded(DecisionActionReminderKind kind)
    {
        if (kind == DecisionActionReminderKind.Overdue)
        {
            // An overdue action needs no "due soon" reminder any more.
            OverdueReminderFor = DueOn;
            DueSoonReminderFor = DueOn;
        }
        else
        {
            DueSoonReminderFor = DueOn;
        }
    }

    public static string StatusName(ActionStatus status) => status switch
    {
        ActionStatus.Planned => "planerad",
        ActionStatus.InProgress => "pågående",
        ActionStatus.Done => "klar",
        _ => "avbruten",
    };

    /// <summary>
    /// An erased person no longer owns the action by name, nor signs its history; what was
    /// decided and done stays. The decision as approved is a public record and keeps its words.
    /// </summary>
    public bool ForgetPerson(Guid personId, string name)
    {
        var changed = false;
        if (OwnerKind == DecisionActionOwnerKind.Person && OwnerId == personId && OwnerName != ErasedPerson.Name)
        {
            OwnerName = ErasedPerson.Name;
            changed = true;
        }

        if (ErasedNames.Mentions(What, name) || ErasedNames.Mentions(DroppedReason, name))
        {
            What = ErasedNames.Replace(What, name);
            DroppedReason = ErasedNames.ReplaceOptional(DroppedReason, name);
            changed = true;
        }

        foreach (var note in Notes)
        {
            changed |= note.ForgetPerson(personId, name);
        }

        return changed;
    }

    private void Define(string what, ActionOwner owner, DateOnly dueOn, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(what))
        {
            throw new RuleViolationException("actions.what-required", "Beskriv vad som ska göras.");
        }

        What = what.Trim();
        OwnerKind = owner.Kind;
        OwnerId = owner.Id;
        OwnerName = owner.Name;
        RegionId = owner.RegionId;
        DueOn = dueOn;
        UpdatedAt = now;
    }

    private static void EnsureDraft(MeetingDocumentation documentation)
    {
        if (documentation.IsApproved)
        {
            throw new RuleViolationException("actions.documentation-approved",
                $"Dokumentationen är godkänd ({documentation.RegistryNumber}); åtgärder bestäms medan den är ett utkast.");
        }
    }

    private static string DecisionOf(MeetingDocumentation documentation, string pointNumber)
    {
        var point = documentation.Points.FirstOrDefault(p => p.Number == pointNumber)
            ?? throw new RuleViolationException("actions.point-not-found", $"Dokumentationen har ingen punkt {pointNumber}.");
        return point.Decision
            ?? throw new RuleViolationException("actions.point-without-decision", $"Punkt {pointNumber} har inget beslut; åtgärder hör till beslut.");
    }
}

/// <summary>One entry of an action's history: the status it was given and what was said.</summary>
public sealed class ActionProgressNote
{
    private ActionProgressNote()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public ActionStatus Status { get; private set; }

    public string? Text { get; private set; }

    public Guid? ByPersonId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    internal bool ForgetPerson(Guid personId, string name)
    {
        var signed = ByPersonId == personId && ByName != ErasedPerson.Name;
        if (!signed && !ErasedNames.Mentions(Text, name) && !ErasedNames.Mentions(ByName, name))
        {
            return false;
        }

        ByName = signed ? ErasedPerson.Name : ErasedNames.Replace(ByName, name);
        Text = ErasedNames.ReplaceOptional(Text, name);
        return true;
    }

    internal static ActionProgressNote Of(ActionStatus status, string? text, Guid? byPersonId, string byName, int position, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        Position = position,
        Status = status,
        Text = text,
        ByPersonId = byPersonId,
        ByName = byName,
        At = at,
    };
}
