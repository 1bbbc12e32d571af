using System.Security.Claims;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.Feedback.Domain;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// Who is calling, as far as this service is concerned: the token says which region a person
/// belongs to, and the local copy of the Regions service's teams confirms that they are (still)
/// in that region's team. Project leaders and officials with key functions act for their region;
/// other team members (the politician) may read what their region has.
/// </summary>
internal sealed record Caller(Guid PersonId, Guid? RegionId, bool IsAdministrator, bool WorksForRegion, bool BelongsToRegion)
{
    public static async Task<Caller> ResolveAsync(ClaimsPrincipal user, FeedbackDb db, CancellationToken cancellationToken)
    {
        var personId = user.PersonId() ?? Guid.Empty;
        var regionId = user.RegionId();
        var roles = regionId is { } region && personId != Guid.Empty
            ? await db.TeamMembers
                .Where(m => m.PersonId == personId && m.RegionId == region && m.Active)
                .Select(m => m.Role)
                .ToListAsync(cancellationToken)
            : [];
        var hasTeamRole = user.IsInRole(Roles.TeamMember) || user.IsInRole(Roles.ProjectLeader);
        return new Caller(
            personId,
            regionId,
            user.IsAdministrator(),
            WorksForRegion: hasTeamRole && roles.Any(TeamMember.WorksOnStrategies),
            BelongsToRegion: roles.Count > 0);
    }

    /// <summary>May change what <paramref name="regionId"/> owns or writes (its documents, rounds, feedback, answers).</summary>
    public bool ActsFor(Guid regionId) => WorksForRegion && RegionId == regionId;

    /// <summary>May read what <paramref name="regionId"/> owns.</summary>
    public bool ReadsFor(Guid regionId) => IsAdministrator || (BelongsToRegion && RegionId == regionId);

    public void EnsureActsFor(Guid regionId, string what)
    {
        if (!ActsFor(regionId))
        {
            throw new AccessDeniedException($"Bara regionens team kan {what}.");
        }
    }

    public void EnsureAdministrator(string what)
    {
        if (!IsAdministrator)
        {
            throw new AccessDeniedException($"Bara programadministratörer kan {what}.");
        }
    }
}

/// <summary>The caller may see the resource but not do this with it (answered 403).</summary>
internal sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>Turns <see cref="AccessDeniedException"/> into a 403 problem.</summary>
internal sealed class AccessDeniedFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AccessDeniedException denied)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: denied.Message);
        }
    }
}
