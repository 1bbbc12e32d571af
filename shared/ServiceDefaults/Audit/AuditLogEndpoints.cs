using System.Globalization;
using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.ServiceDefaults.Paging;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KollegialtUtbyte.ServiceDefaults.Audit;

/// <summary>An audit entry as an administrator reads it; <paramref name="Details"/> is the JSON the change recorded.</summary>
public sealed record AuditEntryView(long Id, DateTimeOffset At, string Action, Guid? ActorPersonId, Guid? SubjectPersonId, string? Details);

public static class AuditLogEndpoints
{
    /// <summary>
    /// <c>GET {group}/admin/audit?personId=&amp;from=&amp;to=&amp;page=&amp;pageSize=</c>: the service's
    /// audit log, newest first, paged; <c>personId</c> keeps entries about or by that person,
    /// <c>from</c> (inclusive) and <c>to</c> (exclusive) bound the time (ISO 8601). Administrators only;
    /// mapped under the service's API prefix so the gateway route of the service reaches it.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditLog<TDbContext>(this IEndpointRouteBuilder group)
        where TDbContext : DbContext, IAuditedDbContext
    {
        // The handler takes the context from the request's services: route handlers with a generic
        // parameter type trip the framework's route analyzer.
        group.MapGet("/admin/audit", (string? personId, string? from, string? to, [AsParameters] PageQuery page, HttpContext http) =>
                ListAsync(http.RequestServices.GetRequiredService<TDbContext>(), personId, from, to, page, http.RequestAborted))
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Audit")
            .WithSummary("The service's audit log, newest first, filtered by person and period (administrators only).");
        return group;
    }

    private static async Task<Results<Ok<PagedList<AuditEntryView>>, ValidationProblem>> ListAsync(
        DbContext db, string? personId, string? from, string? to, PageQuery page, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(personId))
        {
            if (Guid.TryParse(personId, out var parsed))
            {
                person = parsed;
            }
            else
            {
                errors["personId"] = ["personId must be a person's id (a GUID)."];
            }
        }

        var start = ParseTime(from, "from", errors);
        var end = ParseTime(to, "to", errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors["to"] = ["to must not be before from."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (person is { } id)
        {
            entries = entries.Where(x => x.SubjectPersonId == id || x.ActorPersonId == id);
        }

        if (start is { } after)
        {
            entries = entries.Where(x => x.At >= after);
        }

        if (end is { } before)
        {
            entries = entries.Where(x => x.At < before);
        }

        var (items, total) = await entries.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).PageAsync(page, cancellationToken);
        return TypedResults.Ok(items
            .Select(x => new AuditEntryView(x.Id, x.At, x.Action, x.ActorPersonId, x.SubjectPersonId, x.Details))
            .ToList()
            .ToPage(page, total));
    }

    private static DateTimeOffset? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors[field] = [$"{field} must be a time in ISO 8601, e.g. 2027-03-01T00:00:00Z."];
        return null;
    }
}
