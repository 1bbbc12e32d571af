namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// What the scheduling rules need to know besides the meeting itself: the programme's other
/// meetings, the other bookings of the facilitators named and which facilitators exist.
/// </summary>
public sealed record SchedulingContext(
    DateTimeOffset Now,
    IReadOnlyCollection<Meeting> ProgrammeMeetings,
    IReadOnlyCollection<Meeting> FacilitatorBookings,
    IReadOnlySet<Guid> KnownFacilitators)
{
    /// <summary>The lowest meeting number not taken by a meeting that still counts.</summary>
    public int LowestFreeNumber(int planned)
    {
        var taken = ProgrammeMeetings.Where(m => !m.IsCancelled).Select(m => m.Number).ToHashSet();
        if (planned == 0)
        {
            // Open-ended (a member network): the next free number, however many there are.
            return Enumerable.Range(1, taken.Count + 1).First(n => !taken.Contains(n));
        }

        return Enumerable.Range(1, Math.Max(planned, 1)).FirstOrDefault(n => !taken.Contains(n), planned + 1);
    }
}

/// <summary>The scheduling rules; each broken rule is a 422 naming it.</summary>
public static class SchedulingRules
{
    public static void CheckNew(ProgrammeCalendar programme, MeetingPlan plan, SchedulingContext context)
    {
        CheckPlanItself(programme, plan, context.Now);
        var counting = context.ProgrammeMeetings.Where(m => !m.IsCancelled).ToList();
        ExchangeRules.CheckAnotherMeeting(programme, counting);
        if (!programme.IsOpenEnded && counting.Count >= programme.PlannedMeetings)
        {
            throw new RuleViolationException("meeting.more-than-planned",
                $"Programmet planerar {programme.PlannedMeetings} träffar och alla är redan schemalagda.");
        }

        CheckNumber(programme, plan.Number!.Value, counting);
        CheckOverlap(plan, counting);
        CheckKnownFacilitators(plan.FacilitatorIds, context.KnownFacilitators);
        CheckDoubleBooking(plan, plan.FacilitatorIds, context.FacilitatorBookings);
    }

    public static void CheckChange(ProgrammeCalendar programme, Meeting meeting, MeetingPlan plan, SchedulingContext context)
    {
        CheckPlanItself(programme, plan, context.Now);
        var others = context.ProgrammeMeetings.Where(m => !m.IsCancelled && m.Id != meeting.Id).ToList();
        CheckNumber(programme, plan.Number!.Value, others);
        CheckOverlap(plan, others);

        // Someone who already leads the meeting stays even if the consultancy has since removed them.
        CheckKnownFacilitators(plan.FacilitatorIds.Where(p => !meeting.IsLedBy(p)).ToList(), context.KnownFacilitators);
        CheckDoubleBooking(plan, plan.FacilitatorIds, context.FacilitatorBookings.Where(m => m.Id != meeting.Id).ToList());
    }

    /// <summary>Publishing the plan requires every theme of the programme to be covered by a meeting.</summary>
    public static void CheckPlanPublishable(ProgrammeCalendar programme, IReadOnlyCollection<Meeting> meetings)
    {
        var counting = meetings.Where(m => !m.IsCancelled).ToList();
        ExchangeRules.CheckPublishable(programme, counting.Where(m => m.Status == MeetingStatus.Draft).ToList());
        var uncovered = programme.Themes
            .Where(theme => !counting.Any(m => string.Equals(m.Theme, theme, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (uncovered.Count > 0)
        {
            throw new RuleViolationException("plan.theme-not-covered",
                $"Varje tema ska ha minst en träff innan planen publiceras. Saknas: {string.Join(", ", uncovered)}.");
        }

        if (!counting.Any(m => m.Status == MeetingStatus.Draft))
        {
            throw new RuleViolationException("plan.nothing-to-publish", "Det finns inga utkast att publicera.");
        }
    }

    private static void CheckPlanItself(ProgrammeCalendar programme, MeetingPlan plan, DateTimeOffset now)
    {
        if (plan.EndsAt <= plan.StartsAt)
        {
            throw new RuleViolationException("meeting.ends-before-start", "Träffen måste sluta efter att den börjar.");
        }

        if (plan.EndsAt - plan.StartsAt > TimeSpan.FromDays(3))
        {
            throw new RuleViolationException("meeting.too-long", "En träff varar högst tre dagar.");
        }

        if (plan.StartsAt <= now)
        {
            throw new RuleViolationException("meeting.starts-in-the-past", "Träffen kan inte läggas på en tid som redan har varit.");
        }

        if (programme.ThemeFor(plan.Theme) is null)
        {
            throw new RuleViolationException("meeting.unknown-theme",
                $"'{plan.Theme}' är inget av programmets teman ({string.Join(", ", programme.Themes)}).");
        }

        if (!programme.Covers(plan.StartsAt, plan.EndsAt))
        {
            throw new RuleViolationException("meeting.outside-programme-period",
                $"Träffen måste ligga inom programperioden {programme.StartsOn:yyyy-MM-dd}–{programme.EndsOn:yyyy-MM-dd}.");
        }

        if (string.IsNullOrWhiteSpace(plan.Venue) && string.IsNullOrWhiteSpace(plan.OnlineLink))
        {
            throw new RuleViolationException("meeting.place-missing", "Ange en plats eller en länk till ett digitalt möte.");
        }
    }

    private static void CheckNumber(ProgrammeCalendar programme, int number, IReadOnlyCollection<Meeting> others)
    {
        if (number < 1 || (!programme.IsOpenEnded && number > programme.PlannedMeetings))
        {
            throw new RuleViolationException("meeting.number-out-of-range", $"Träffens nummer ska vara mellan 1 och {programme.PlannedMeetings}.");
        }

        if (others.Any(m => m.Number == number))
        {
            throw new RuleViolationException("meeting.number-taken", $"Det finns redan en träff nummer {number}.");
        }
    }

    private static void CheckOverlap(MeetingPlan plan, IReadOnlyCollection<Meeting> others)
    {
        var overlapping = others.FirstOrDefault(m => Overlaps(plan, m));
        if (overlapping is not null)
        {
            throw new RuleViolationException("meeting.overlaps", $"Tiden krockar med träff {overlapping.Number} ({overlapping.Title}).");
        }
    }

    private static void CheckKnownFacilitators(IReadOnlyCollection<Guid> facilitators, IReadOnlySet<Guid> known)
    {
        var unknown = facilitators.Where(p => !known.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("meeting.unknown-facilitator", $"Okänd processledare: {string.Join(", ", unknown)}.");
        }
    }

    private static void CheckDoubleBooking(MeetingPlan plan, IReadOnlyCollection<Guid> facilitators, IReadOnlyCollection<Meeting> bookings)
    {
        var clash = bookings.FirstOrDefault(m => !m.IsCancelled && Overlaps(plan, m) && facilitators.Any(m.IsLedBy));
        if (clash is not null)
        {
            throw new RuleViolationException("meeting.facilitator-double-booked",
                $"En processledare leder redan '{clash.Title}' vid samma tid.");
        }
    }

    private static bool Overlaps(MeetingPlan plan, Meeting other) => plan.StartsAt < other.EndsAt && other.StartsAt < plan.EndsAt;
}
