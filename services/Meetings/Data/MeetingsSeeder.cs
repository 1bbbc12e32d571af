using System.Globalization;

namespace KollegialtUtbyte.Meetings.Data;

/// <summary>
/// Loads the demo programme's draft plan (<c>seeds/meetings/plan.json</c>) into an empty database:
/// the programme calendar if the registry has not announced it yet (its event later takes over
/// name and period) and the six draft meetings with their agendas; then the demo's strategic
/// dialogue and member network (<see cref="ExchangeSeeding"/>). Runs at every start; adds only
/// what is missing.
/// </summary>
public sealed class MeetingsSeeder(IConfiguration configuration, TimeProvider time, ILogger<MeetingsSeeder> logger) : IDatabaseSeeder<MeetingsDb>
{
    public const string PlanFile = "meetings/plan.json";

    public async Task SeedAsync(MeetingsDb db, CancellationToken cancellationToken)
    {
        if (!SeedFiles.Enabled(configuration))
        {
            return;
        }

        var plan = await SeedFiles.ReadJsonAsync<SeedPlan>(configuration, PlanFile, cancellationToken);
        var shift = DemoCalendarShift.For(configuration, time, plan.Programme.StartsOn);
        var draftedAt = shift.Time(plan.DraftedAt);
        var programme = await db.Programmes.FindAsync([plan.Programme.Id], cancellationToken);
        if (programme is null)
        {
            programme = ProgrammeCalendar.Create(
                plan.Programme.Id, shift.Name(plan.Programme.Name), shift.Date(plan.Programme.StartsOn), shift.Date(plan.Programme.EndsOn), ProgrammeCalendar.DefaultExpectedKeyOfficials);
            db.Programmes.Add(programme);
            db.InvitationRosters.Add(InvitationRoster.For(programme.Id, draftedAt));
        }

        var existing = await db.Meetings.Where(m => m.ProgrammeId == programme.Id).ToListAsync(cancellationToken);
        var zone = programme.Zone;
        foreach (var seed in plan.Meetings.Where(s => existing.All(m => m.Id != s.Id)))
        {
            try
            {
                var date = shift.SameWeekday(seed.Date);
                var startsAt = At(zone, date, seed.Starts);
                var meeting = Meeting.Schedule(
                    seed.Id,
                    programme,
                    new MeetingPlan(seed.Number, seed.Title, seed.Theme, startsAt, At(zone, date, seed.Ends), seed.Venue, seed.OnlineLink, []),
                    // The plan was drafted before the programme began, so the rules judge it as of then.
                    new SchedulingContext(draftedAt, existing, [], new HashSet<Guid>()));
                meeting.ReplaceAgenda(seed.Agenda
                    .Select(item => new AgendaItemDraft(item.Kind, item.Title, item.Responsible, At(zone, date, item.Starts), item.DurationMinutes, item.Questions))
                    .ToList());
                db.Meetings.Add(meeting);
                existing.Add(meeting);
            }
            catch (RuleViolationException e)
            {
                logger.LogWarning("Seed meeting {Number} ({Theme}) skipped: {Rule} {Reason}", seed.Number, seed.Theme, e.Rule, e.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await ExchangeSeeding.SeedAsync(db, configuration, logger, cancellationToken);
    }

    private static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, string time)
    {
        var local = date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public sealed record SeedPlan(SeedProgramme Programme, DateTimeOffset DraftedAt, IReadOnlyList<SeedMeeting> Meetings);

    public sealed record SeedProgramme(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn);

    public sealed record SeedMeeting(
        Guid Id,
        int Number,
        string Title,
        string Theme,
        DateOnly Date,
        string Starts,
        string Ends,
        string? Venue,
        string? OnlineLink,
        IReadOnlyList<SeedAgendaItem> Agenda);

    public sealed record SeedAgendaItem(AgendaItemKind Kind, string Starts, int DurationMinutes, string Title, string? Responsible, IReadOnlyList<string>? Questions);
}
