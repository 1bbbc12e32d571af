using System.Security.Claims;
using KollegialtUtbyte.ServiceDefaults.Http;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// Who is calling, as far as this service is concerned: the token says which regions a person
/// belongs to, and the local copy of the Regions service's teams confirms that they are (still)
/// in those regions' teams and with which role. Project leaders and officials with key functions
/// act for their regions; other team members (the politicians) may read what their regions have.
/// </summary>
internal sealed record Caller(Guid PersonId, IReadOnlySet<Guid> RegionIds, bool IsAdministrator, IReadOnlySet<Guid> WorksFor, IReadOnlySet<Guid> BelongsTo)
{
    public static async Task<Caller> ResolveAsync(ClaimsPrincipal user, FeedbackDb db, CancellationToken cancellationToken)
    {
        var personId = user.PersonId() ?? Guid.Empty;
        var regionIds = user.RegionIds();
        var places = regionIds.Count > 0 && personId != Guid.Empty
            ? await db.TeamMembers
                .Where(m => m.PersonId == personId && regionIds.Contains(m.RegionId) && m.Active)
                .Select(m => new { m.RegionId, m.Role })
                .ToListAsync(cancellationToken)
            : [];
        var hasTeamRole = user.IsInRole(Roles.TeamMember) || user.IsInRole(Roles.ProjectLeader);
        return new Caller(
            personId,
            regionIds,
            user.IsAdministrator(),
            WorksFor: hasTeamRole ? places.Where(p => TeamMember.WorksOnStrategies(p.Role)).Select(p => p.RegionId).ToHashSet() : new HashSet<Guid>(),
            BelongsTo: places.Select(p => p.RegionId).ToHashSet());
    }

    /// <summary>May change what <paramref name="regionId"/> owns or writes (its documents, rounds, feedback, answers).</summary>
    public bool ActsFor(Guid regionId) => WorksFor.Contains(regionId);

    /// <summary>What reading rights depend on (see <see cref="Visibility"/>).</summary>
    public Reader Reader => new(IsAdministrator, BelongsTo);

    /// <summary>May read what <paramref name="regionId"/> owns.</summary>
    public bool ReadsFor(Guid regionId) => Reader.ReadsFor(regionId);

    /// <summary>The person has a place in <paramref name="regionId"/>'s team (the administrator's role aside).</summary>
    public bool IsOf(Guid regionId) => Reader.IsOf(regionId);

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
            return Problems.Forbidden(denied.Message);
        }
    }
}
