using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Notifications.Domain;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Notifications.Api;

/// <summary>
/// A mail that will not be sent: to whom, what, when, and why, without its content (the payload with
/// its links is gone once a mail fails, and the error is shown without links or tokens).
/// </summary>
/// <param name="RegionId">The region in whose team the recipient is (where the address is corrected); null for mails to an account or an administrator.</param>
public sealed record FailedMail(
    Guid Id,
    string Kind,
    string? RecipientName,
    string? RecipientAddress,
    Guid? PersonId,
    Guid? RegionId,
    string? Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset FailedAt,
    int Attempts,
    string? LastError);

/// <param name="Total">All failed mails; <paramref name="Mails"/> holds the newest <see cref="FailedMailEndpoints.MaxListed"/>.</param>
public sealed record FailedMails(int Total, IReadOnlyList<FailedMail> Mails);

public static class FailedMailEndpoints
{
    public const int MaxListed = 100;

    public static void MapFailedMails(this IEndpointRouteBuilder api)
    {
        api.MapGet("/mails/failed", ListAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Mails")
            .WithSummary("The mails that failed delivery, newest first (administrators only).");
    }

    private static async Task<Ok<FailedMails>> ListAsync(NotificationsDb db, CancellationToken cancellationToken)
    {
        var failed = db.OutgoingMails.AsNoTracking().Where(m => m.Status == MailStatus.Failed);
        var total = await failed.CountAsync(cancellationToken);

        var mails = await failed.OrderByDescending(m => m.FailedAt).Take(MaxListed).ToListAsync(cancellationToken);
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
