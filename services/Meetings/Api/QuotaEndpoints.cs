using System.Security.Claims;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Meetings.Application;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>A politician's quota: "confirmed vs required", warned as soon as it can no longer be reached.</summary>
public sealed record QuotaResponse(
    Guid PersonId,
    string Name,
    Guid RegionId,
    string RegionName,
    int Meetings,
    int Required,
    int Accepted,
    int Attended,
    int Secured,
    int StillPossible,
    bool Met,
    QuotaStatus Status)
{
    public static QuotaResponse From(PoliticianStanding s) => new(
        s.PersonId, s.Name, s.RegionId, s.RegionName, s.Standing.Meetings, s.Standing.Required, s.Standing.Accepted,
        s.Standing.Attended, s.Standing.Secured, s.Standing.StillPossible, s.Standing.Met, s.Standing.Status);
}

public static class QuotaEndpoints
{
    public static void MapQuota(this IEndpointRouteBuilder api)
    {
        var quota = api.MapGroup("/programmes/{programmeId:guid}/quota").WithTags("Politicians' quota");
        quota.MapGet("", ListAsync).ProducesProblems(404);
        quota.MapGet("/mine", MineAsync).ProducesProblems(404);
    }

    /// <summary>Administrators and facilitators see every region's politicians; a team sees its own region's.</summary>
    private static async Task<Ok<List<QuotaResponse>>> ListAsync(Guid programmeId, ClaimsPrincipal user, MeetingsDb db, PoliticianQuotas quotas, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        return TypedResults.Ok((await quotas.StandingsAsync(programme, null, ct))
            .Where(s => user.MayFollowRegion(s.RegionId))
            .Select(QuotaResponse.From)
            .ToList());
    }

    private static async Task<Ok<QuotaResponse>> MineAsync(Guid programmeId, ClaimsPrincipal user, MeetingsDb db, PoliticianQuotas quotas, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        var personId = user.PersonId() ?? Guid.Empty;
        var standing = (await quotas.StandingsAsync(programme, [personId], ct)).FirstOrDefault()
            ?? throw new ResourceNotFoundException("Politician of the programme", personId);
        return TypedResults.Ok(QuotaResponse.From(standing));
    }
}
