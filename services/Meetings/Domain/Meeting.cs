namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>What an administrator decides about a meeting: when, where, on which theme, led by whom.</summary>
public sealed record MeetingPlan(
    int? Number,
    string? Title,
    string Theme,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Venue,
    string? OnlineLink,
    IReadOnlyList<Guid> FacilitatorIds);

/// <summary>
/// One meeting of a programme: draft → published → held → documented, or cancelled before it is
/// held. Its <see cref="Sequence"/> grows with every change of a published meeting so calendars
/// replace the earlier version.
/// </summary>
public sealed class Meeting : IVersioned
{
    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Venue { get; private set; }

    public string? OnlineLink { get; private set; }

    public MeetingStatus Status { get; private set; }

    public int Sequence { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    public DateTimeOffset? DocumentedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    public List<MeetingFacilitator> Facilitators { get; private set; } = [];

    public List<AgendaItem> Agenda { get; private set; } = [];

    public long Version { get; set; }

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    /// <summary>Visible to invitees and counted in the programme: published and beyond, not cancelled.</summary>
    public bool IsAnnounced => Status is MeetingStatus.Published or MeetingStatus.Held or MeetingStatus.Documented;

    public TimeSpan Duration => EndsAt - StartsAt;

    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    public bool IsLedBy(Guid personId) => Facilitators.Any(f => f.PersonId == personId);

    public IReadOnlyList<Guid> FacilitatorIds => Facilitators.Select(f => f.PersonId).ToList();

    public static Meeting Schedule(Guid id, ProgrammeCalendar programme, MeetingPlan plan, SchedulingContext context)
    {
        var number = plan.Number ?? context.LowestFreeNumber(programme.PlannedMeetings);
        SchedulingRules.CheckNew(programme, plan with { Number = number }, context);
        var theme = programme.ThemeFor(plan.Theme)!;
        return new Meeting
        {
            Id = id,
            ProgrammeId = programme.Id,
            Number = number,
            Title = TitleOf(programme, plan.Title, number, theme),
            Theme = theme,
            StartsAt = plan.StartsAt.ToUniversalTime(),
            EndsAt = plan.EndsAt.ToUniversalTime(),
            Venue = Clean(plan.Venue),
            OnlineLink = Clean(plan.OnlineLink),
            Status = MeetingStatus.Draft,
            ScheduledAt = context.Now,
            Facilitators = plan.FacilitatorIds.Distinct().Select(p => new MeetingFacilitator(p)).ToList(),
        };
    }

    /// <summary>
    /// Changes time, place, theme, title or facilitators. Returns true when anything changed; a
    /// published meeting then gets a higher sequence.
    /// </summary>
    public bool Reschedule(ProgrammeCalendar programme, MeetingPlan plan, SchedulingContext context)
    {
        if (Status is not (MeetingStatus.Draft or MeetingStatus.Published))
        {
            throw new RuleViolationException("meeting.not-reschedulable", $"En träff med status {StatusName(Status)} kan inte ändras.");
        }

        var number = plan.Number ?? Number;
        SchedulingRules.CheckChange(programme, this, plan with { Number = number }, context);
        if (Agenda.Any(item => item.StartsAfter + item.Duration > plan.EndsAt - plan.StartsAt))
        {
            throw new RuleViolationException("meeting.agenda-does-not-fit", "Dagordningen ryms inte i den nya tiden; korta den först.");
        }

        var theme = programme.ThemeFor(plan.Theme)!;
        var title = TitleOf(programme, plan.Title, number, theme);
        var facilitators = plan.FacilitatorIds.Distinct().Order().ToList();
        var changed = number != Number || title != Title || theme != Theme
            || plan.StartsAt != StartsAt || plan.EndsAt != EndsAt
            || Clean(plan.Venue) != Venue || Clean(plan.OnlineLink) != OnlineLink
            || !facilitators.SequenceEqual(Facilitators.Select(f => f.PersonId).Order());
        if (!changed)
        {
            return false;
        }

        Number = number;
        Title = title;
        Theme = theme;
        StartsAt = plan.StartsAt.ToUniversalTime();
        EndsAt = plan.EndsAt.ToUniversalTime();
        Venue = Clean(plan.Venue);
        OnlineLink = Clean(plan.OnlineLink);
        Facilitators.RemoveAll(f => !facilitators.Contains(f.PersonId));
        Facilitators.AddRange(facilitators.Where(p => !IsLedBy(p)).Select(p => new MeetingFacilitator(p)).ToList());
        if (Status == MeetingStatus.Published)
        {
            Sequence++;
        }

        return true;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != MeetingStatus.Draft)
        {
            throw new RuleViolationException("meeting.not-draft", $"Träff {Number} är redan {StatusName(Status)}.");
        }

        if (HasStarted(now))
        {
            throw new RuleViolationException("meeting.starts-in-the-past", $"Träff {Number} har redan börjat och kan inte publiceras.");
        }

        Status = MeetingStatus.Published;
        PublishedAt = now;
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.Draft or MeetingStatus.Published))
        {
            throw new RuleViolationException("meeting.not-cancellable", $"En träff med status {StatusName(Status)} kan inte ställas in.");
        }

        if (Status == MeetingStatus.Published)
        {
            // A cancellation must outrank the invitation in every calendar.
            Sequence++;
        }

        Status = MeetingStatus.Cancelled;
        CancellationReason = Clean(reason);
        CancelledAt = now;
    }

    public void MarkHeld(DateTimeOffset now)
    {
        if (Status != MeetingStatus.Published)
        {
            throw new RuleViolationException("meeting.not-published", $"Bara en publicerad träff kan bli genomförd (den är {StatusName(Status)}).");
        }

        if (!HasStarted(now))
        {
            throw new RuleViolationException("meeting.not-started", "Träffen har inte börjat än.");
        }

        Status = MeetingStatus.Held;
        HeldAt = now;
    }

    public void MarkDocumented(DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.Held or MeetingStatus.Documented))
        {
            throw new RuleViolationException("documentation.meeting-not-held", "Dokumentationen kan godkännas först när träffen är genomförd.");
        }

        Status = MeetingStatus.Documented;
        DocumentedAt ??= now;
    }

    /// <summary>Attendance is taken once the meeting has started; the first record marks it held.</summary>
    public bool RecordAttendanceTaken(DateTimeOffset now)
    {
        if (Status == MeetingStatus.Published && HasStarted(now))
        {
            MarkHeld(now);
            AttendanceRecordedAt = now;
            return true;
        }

        if (Status is not (MeetingStatus.Held or MeetingStatus.Documented))
        {
            throw new RuleViolationException("attendance.meeting-not-held", "Närvaro kan registreras först när träffen har börjat.");
        }

        AttendanceRecordedAt = now;
        return false;
    }

    public void ReplaceAgenda(IReadOnlyList<AgendaItemDraft> items)
    {
        if (Status is MeetingStatus.Cancelled or MeetingStatus.Documented)
        {
            throw new RuleViolationException("agenda.not-editable", $"Dagordningen för en {StatusName(Status)} träff kan inte ändras.");
        }

        var agenda = items.Select((item, position) => AgendaItem.Create(this, item, position)).ToList();
        Agenda.Clear();
        Agenda.AddRange(agenda);
    }

    /// <summary>Takes an erased person's name out of the agenda (the documentation is the record, not the agenda).</summary>
    public bool ForgetName(string name) => Agenda.Aggregate(false, (changed, item) => item.ForgetName(name) | changed);

    public static string StatusName(MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "utkast",
        MeetingStatus.Published => "publicerad",
        MeetingStatus.Held => "genomförd",
        MeetingStatus.Documented => "dokumenterad",
        _ => "inställd",
    };

    private static string TitleOf(ProgrammeCalendar programme, string? title, int number, string theme) =>
        Clean(title) ?? programme.Format switch
        {
            ExchangeFormat.StrategicDialogue => programme.Name,
            ExchangeFormat.MemberNetwork => $"{programme.Name}, träff {number}",
            _ => $"Kollegialt utbyte {number}: {theme}",
        };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A facilitator (from the consultancy) who leads the meeting.</summary>
public sealed class MeetingFacilitator(Guid personId)
{
    public Guid PersonId { get; private set; } = personId;
}
