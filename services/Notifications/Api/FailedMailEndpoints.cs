using KollegialtUtbyte.Notifications.ApiContracts;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Notifications.Api;

public static class FailedMailEndpoints
{
    public static void MapFailedMails(this IEndpointRouteBuilder api)
    {
        api.MapGet(NotificationsRoutes.FailedMails, ListAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Mails")
            .WithSummary("The mails that failed delivery, newest first (administrators only).");
    }

    private static async Task<Ok<FailedMails>> ListAsync(NotificationsDb db, CancellationToken cancellationToken)
    {
        var failed = db.OutgoingMails.AsNoTracking().Where(m => m.Status == MailStatus.Failed);
        var total = await failed.CountAsync(cancellationToken);

        var mails = await failed.OrderByDescending(m => m.FailedAt).Take(NotificationsLimits.MaxFailedMailsListed).ToListAsync(cancellationToken);
        var personIds = mails.Where(m => m.PersonId is not null).Select(m => m.PersonId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var regions = (await db.TeamMemberships.AsNoTracking().Where(t => personIds.Contains(t.PersonId)).ToListAsync(cancellationToken))
            .GroupBy(t => t.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Active).ThenByDescending(t => t.ChangedAt).First().RegionId);

        return TypedResults.Ok(new FailedMails(total, mails.Select(m =>
        {
            var person = m.PersonId is { } id ? people.GetValueOrDefault(id) : null;
            return new FailedMail(
                m.Id,
                m.Kind.ToString(),
                m.RecipientName ?? person?.Name,
                m.Address ?? person?.Email,
                m.PersonId,
                m.PersonId is { } personId && regions.TryGetValue(personId, out var regionId) ? regionId : null,
                m.Subject,
                m.CreatedAt,
                m.FailedAt ?? m.CreatedAt,
                m.Attempts,
                FailureText.WithoutSecrets(m.LastError));
        }).ToList()));
    }
}
