namespace KollegialtUtbyte.Meetings.Api;

public static class QuotaEndpoints
{
    public static void MapQuota(this IEndpointRouteBuilder api)
    {
        api.MapGet(MeetingsRoutes.Quota, ListAsync).WithTags("Politicians' quota").ProducesProblems(404, 422);
        api.MapGet(MeetingsRoutes.MyQuota, MineAsync).WithTags("Politicians' quota").ProducesProblems(404, 422);
    }

    private static QuotaResponse Response(PoliticianStanding s) => new(
        s.PersonId, s.Name, s.RegionId, s.RegionName, s.Standing.Meetings, s.Standing.Required, s.Standing.Accepted,
        s.Standing.Attended, s.Standing.Secured, s.Standing.StillPossible, s.Standing.Met, s.Standing.Status);

    /// <summary>Administrators and facilitators see every region's politicians; a team sees its own region's.</summary>
    private static async Task<Ok<List<QuotaResponse>>> ListAsync(Guid programmeId, ClaimsPrincipal user, MeetingsDb db, PoliticianQuotas quotas, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        ExchangeRules.CheckQuota(programme);
        return TypedResults.Ok((await quotas.StandingsAsync(programme, null, ct))
            .Where(s => user.MayFollowRegion(s.RegionId))
            .Select(Response)
            .ToList());
    }

    private static async Task<Ok<QuotaResponse>> MineAsync(Guid programmeId, ClaimsPrincipal user, MeetingsDb db, PoliticianQuotas quotas, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        ExchangeRules.CheckQuota(programme);
        var personId = user.PersonId() ?? Guid.Empty;
        var standing = (await quotas.StandingsAsync(programme, [personId], ct)).FirstOrDefault()
            ?? throw new ResourceNotFoundException("Politician of the programme", personId);
        return TypedResults.Ok(Response(standing));
    }
}
