namespace KollegialtUtbyte.Meetings.Application;

/// <summary>What the actions of decisions need from the rest of the service: owners from the local copies, the approval, the programme's "today".</summary>
public static class DecisionFollowUp
{
    /// <summary>Exactly one owner: a person of the directory (counted for the region whose team they sit in) or a region of the programme.</summary>
    public static async Task<ActionOwner> OwnerAsync(MeetingsDb db, Guid programmeId, Guid? personId, Guid? regionId, CancellationToken cancellationToken)
    {
        if (personId is null == regionId is null)
        {
            throw new RuleViolationException("actions.owner-required", "Ange en ansvarig: antingen en person eller en region.");
        }

        if (personId is { } pid)
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, cancellationToken);
            if (person is null || person.Name.Length == 0)
            {
                throw new RuleViolationException("actions.owner-unknown", "Den ansvariga personen finns inte i katalogen.");
            }

            var teamRegion = await db.TeamMemberships.AsNoTracking()
                .Where(m => m.ProgrammeId == programmeId && m.PersonId == pid && m.Active)
                .Select(m => (Guid?)m.RegionId)
                .FirstOrDefaultAsync(cancellationToken);
            return new ActionOwner(DecisionActionOwnerKind.Person, pid, person.Name, teamRegion ?? person.RegionId);
        }

        var rid = regionId!.Value;
        var takesPart = await db.Participations.AsNoTracking().AnyAsync(p => p.ProgrammeId == programmeId && p.RegionId == rid && p.Active, cancellationToken);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, cancellationToken);
        if (!takesPart || region is null)
        {
            throw new RuleViolationException("actions.region-not-in-programme", "Den ansvariga regionen deltar inte i programmet.");
        }

        return new ActionOwner(DecisionActionOwnerKind.Region, rid, region.Name, rid);
    }

    /// <summary>
    /// The documentation is being approved: its actions take effect with the decisions as approved.
    /// An action whose point lost its decision in the draft stops the approval (nothing is saved).
    /// </summary>
    public static async Task TakeEffectAsync(MeetingsDb db, MeetingDocumentation approved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actions = await db.Actions.Where(a => a.DocumentationId == approved.Id).ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            action.TakeEffect(approved, now);
        }
    }

    /// <summary>The calendar date in the programme's time zone: due dates are dates there.</summary>
    public static DateOnly Today(ProgrammeCalendar programme, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, programme.Zone).DateTime);
}
