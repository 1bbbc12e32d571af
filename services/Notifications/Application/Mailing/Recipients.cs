using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Notifications.Application.Mailing;

/// <summary>Who gets a mail about a meeting, a region's draft or a politician's quota.</summary>
public sealed class Recipients(NotificationsDb db, IOptions<NotificationsOptions> options)
{
    /// <summary>Invitations the invitee still holds (issued, not withdrawn).</summary>
    public Task<List<Invitation>> ActiveInvitationsAsync(Guid meetingId, CancellationToken cancellationToken) =>
        db.Invitations
            .Where(i => i.MeetingId == meetingId && i.Issued && !i.Withdrawn)
            .OrderBy(i => i.PersonId)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The people who work on feedback in these regions' teams (project leaders, key officials), in any
    /// programme: <see cref="TeamMembership.WorksOnFeedback"/>, written out so the database can filter.
    /// </summary>
    public async Task<List<Guid>> FeedbackTeamsAsync(IReadOnlyCollection<Guid> regionIds, CancellationToken cancellationToken) =>
        await db.TeamMemberships
            .Where(m => regionIds.Contains(m.RegionId) && m.Active && (m.Role == TeamRole.ProjectLeader || m.Role == TeamRole.KeyOfficial))
            .Select(m => m.PersonId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);

    /// <summary>Accounts holding the administrator role plus the configured addresses, each address once.</summary>
    public async Task<List<AdministratorRecipient>> AdministratorsAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.AdministratorAccounts
            .Where(a => a.IsAdministrator && !a.Disabled && a.Email != "")
            .OrderBy(a => a.Email)
            .ToListAsync(cancellationToken);

        return accounts
            .Select(a => new AdministratorRecipient(a.Email, a.Name, a.PersonId))
            .Concat(options.Value.Administrators.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => new AdministratorRecipient(a.Trim(), null, null)))
            .DistinctBy(a => a.Email.ToLowerInvariant())
            .ToList();
    }
}

public sealed record AdministratorRecipient(string Email, string? Name, Guid? PersonId);
