namespace KollegialtUtbyte.Portal.Start;

/// <summary>Where a programme stands, as the start page names it.</summary>
public enum ProgrammeStage
{
    DraftPlan,
    Published,
    Running,
    Finished,
}

public static class StartData
{
    public static ProgrammeStage StageOf(ProgrammeCalendarResponse programme, DateOnly today) =>
        programme.EndsOn < today ? ProgrammeStage.Finished
        : programme.PlanPublishedAt is null ? ProgrammeStage.DraftPlan
        : programme.StartsOn <= today ? ProgrammeStage.Running
        : ProgrammeStage.Published;

    /// <summary>Today in the programme's time zone.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Programme.ProgrammeTime.Local(DateTimeOffset.UtcNow));
}

