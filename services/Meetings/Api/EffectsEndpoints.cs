namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// What the programme's meetings achieved, for the effects report the agency asks for: meetings
/// held per theme, attendance by role and gender (suppressed as the statistics are), the
/// politicians against the quota, and the decisions' actions by status per region.
/// </summary>
public static class EffectsEndpoints
{
    /// <summary>Actions whose owner counts for no region (a facilitator).</summary>
    public const string NoRegion = "Utan region";

    public static void MapEffects(this IEndpointRouteBuilder api) =>
        api.MapGet(MeetingsRoutes.Effects, ReportAsync).WithTags("Statistics").RequireAuthorization(Policies.Facilitator).ProducesProblems(404);

    private static async Task<Ok<MeetingsEffectsResponse>> ReportAsync(Guid programmeId, MeetingsDb db, PoliticianQuotas quotas, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        var regionIds = await db.Participations.AsNoTracking().Where(p => p.ProgrammeId == programmeId && p.Active).Select(p => p.RegionId).ToListAsync(ct);
        var regionNames = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ProgrammeId == programmeId).ToListAsync(ct);
        var held = meetings.Where(m => m.Status is MeetingStatus.Held or MeetingStatus.Documented).ToList();
        var perTheme = programme.Themes
            .Select(theme => new ThemeMeetings(theme, held.Count(m => m.Theme == theme)))
            .ToList();

        var attendance = await AttendanceAsync(db, programme, regionNames, ct);
        var standings = await quotas.StandingsAsync(programme, null, ct);
        var quota = standings
            .GroupBy(s => s.RegionName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionQuota(g.Key, g.Count(), g.Count(s => s.Standing.Met), g.Max(s => s.Standing.Attended), g.Max(s => s.Standing.Required)))
            .ToList();

        var actions = await db.Actions.AsNoTracking().Where(a => a.ProgrammeId == programmeId && a.ApprovedAt != null).Select(a => new { a.RegionId, a.Status }).ToListAsync(ct);
        var actionCounts = actions
            .GroupBy(a => (Region: a.RegionId is { } r ? regionNames.GetValueOrDefault(r, NoRegion) : NoRegion, a.Status))
            .OrderBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Status)
            .Select(g => new ActionCount(g.Key.Region, g.Key.Status, g.Count()))
            .ToList();

        return TypedResults.Ok(new MeetingsEffectsResponse(
            programme.Id,
            programme.Name,
            programme.StartsOn,
            programme.EndsOn,
            [.. regionIds.Select(id => regionNames.GetValueOrDefault(id, "")).Where(n => n.Length > 0).Order(StringComparer.Ordinal)],
            perTheme,
            [.. attendance.Programme.Where(c => c.Dimension == "Roll")],
            [.. attendance.Programme.Where(c => c.Dimension == "Kön")],
            quota,
            actionCounts));
    }

    /// <summary>The programme's attendance as the statistics count it (meetings whose attendance was taken).</summary>
    private static async Task<AttendanceStatisticsReport> AttendanceAsync(MeetingsDb db, ProgrammeCalendar programme, Dictionary<Guid, string> regionNames, CancellationToken ct)
    {
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.ProgrammeId == programme.Id && m.AttendanceRecordedAt != null).ToListAsync(ct))
            .Select(m => new MeetingFacts(m.Id, m.Number, m.Title, m.StartsAt.InZone(programme.Zone)))
            .ToList();
        var meetingIds = meetings.Select(m => m.MeetingId).ToList();
        var facts = await AttendanceFacts.LoadAsync(db, meetingIds, regionNames, ct);
        return AttendanceStatistics.Build(meetings, facts);
    }
}
