using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Notifications.Application.Mailing;

/// <summary>
/// Keeps the local copies of other services' data up to date from their events, whatever order
/// the events arrive in (each copy ignores details older than what it holds).
/// </summary>
public sealed class LocalCopies(NotificationsDb db, TimeProvider time)
{
    public async Task UpsertPersonAsync(Guid personId, string name, string email, string preferredLanguage, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        // Race-free: PersonRegistered and FacilitatorAdded (or a team event) may bring a new person at once.
        var (person, added) = await db.FindOrInsertAsync([personId], () => Person.Register(personId, name, email, preferredLanguage, occurredAt), cancellationToken);
        if (!added && !person.Update(name, email, preferredLanguage, occurredAt))
        {
            return;
        }

        // Mails that waited for this person (or for their new address) can go now.
        var waiting = await db.OutgoingMails
            .Where(m => m.PersonId == personId && m.Status == MailStatus.AwaitingRecipient)
            .ToListAsync(cancellationToken);
        foreach (var mail in waiting)
        {
            mail.Release(time.GetUtcNow());
        }
    }

    public async Task UpsertRegionAsync(Guid regionId, string name, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var (region, added) = await db.FindOrInsertAsync([regionId], () => Region.Register(regionId, name, occurredAt), cancellationToken);
        if (!added)
        {
            region.Rename(name, occurredAt);
        }
    }

    /// <summary>
    /// A region named by a team event: added when not known yet, otherwise left as it is. Its name
    /// follows the region's own events (<see cref="UpsertRegionAsync"/>); writing the row on every
    /// team event only made the events of one region's team conflict on it and be retried.
    /// </summary>
    public async Task KnowRegionAsync(Guid regionId, string name, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        await db.FindOrInsertAsync([regionId], () => Region.Register(regionId, name, occurredAt), cancellationToken);

    public async Task RecordMembershipAsync(Guid programmeId, Guid regionId, Guid personId, TeamRole role, bool active, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var (membership, added) = await db.FindOrInsertAsync(
            [programmeId, regionId, personId], () => TeamMembership.Record(programmeId, regionId, personId, role, active, occurredAt), cancellationToken);
        if (!added)
        {
            membership.Apply(role, active, occurredAt);
        }
    }

    /// <summary>
    /// The meeting with the newest known details, and whether <paramref name="details"/> changed it.
    /// Within a transaction the meeting's row stays locked until it ends, so the events of one meeting
    /// apply one after the other: an invitation consumed beside a reschedule either carries the new
    /// details, or is committed before the reschedule looks for the invitees to update. (Otherwise
    /// the invitation could read the old time while the reschedule missed the uncommitted invitee,
    /// and the invitee would keep the old time.)
    /// </summary>
    public async Task<(Meeting Meeting, bool Changed)> UpsertMeetingAsync(MeetingDetails details, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        // Race-free: every invitation of a new meeting brings it, and they are consumed side by side.
        // A row this transaction inserted is its own until it commits.
        var (meeting, added) = await db.FindOrInsertAsync([details.MeetingId], () => Meeting.From(details, occurredAt), cancellationToken);
        if (added)
        {
            return (meeting, true);
        }

        await LockAsync(meeting, cancellationToken);
        return (meeting, meeting.Apply(details, occurredAt));
    }

    /// <summary>Locks the meeting's row for the rest of the transaction and reads it again, as the transaction that held it last left it.</summary>
    private async Task LockAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        // SQLite has one writer at a time, and a transaction that read before another committed cannot write after it.
        if (db.Database.IsSqlite() || db.Database.CurrentTransaction is null)
        {
            return;
        }

        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM [Meetings] WITH (UPDLOCK, ROWLOCK) WHERE [MeetingId] = {meeting.MeetingId}", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Meetings\" WHERE \"MeetingId\" = {meeting.MeetingId} FOR UPDATE", cancellationToken);
        }

        await db.Entry(meeting).ReloadAsync(cancellationToken);
    }

    /// <summary>The invitation's row, created empty when the invitation itself has not arrived yet.</summary>
    public async Task<Invitation> InvitationAsync(Guid invitationId, Guid meetingId, Guid personId, CancellationToken cancellationToken)
    {
        var (invitation, _) = await db.FindOrInsertAsync([invitationId], () => Invitation.Placeholder(invitationId, meetingId, personId), cancellationToken);
        return invitation;
    }

    public async Task<FeedbackRound> UpsertRoundAsync(
        Guid roundId, Guid documentId, Guid authorRegionId, string documentTitle, DateTimeOffset deadline, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var (round, added) = await db.FindOrInsertAsync(
            [roundId], () => FeedbackRound.Open(roundId, documentId, authorRegionId, documentTitle, deadline, occurredAt), cancellationToken);
        if (!added)
        {
            round.Update(documentTitle, deadline, occurredAt);
        }

        return round;
    }

    public async Task<FeedbackReviewer> ReviewerAsync(Guid roundId, Guid regionId, CancellationToken cancellationToken)
    {
        var (reviewer, _) = await db.FindOrInsertAsync([roundId, regionId], () => FeedbackReviewer.For(roundId, regionId), cancellationToken);
        return reviewer;
    }

    public async Task UpsertAccountAsync(Guid accountId, Guid personId, string email, string name, IReadOnlyList<string> roles, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var (account, _) = await db.FindOrInsertAsync([accountId], () => AdministratorAccount.For(accountId, personId), cancellationToken);
        if (await db.People.FindAsync([personId], cancellationToken) is { IsErased: true })
        {
            account.Erase();
            return;
        }

        account.Apply(email, name, roles.Contains(Roles.Administrator, StringComparer.OrdinalIgnoreCase), occurredAt);
    }

    public async Task DisableAccountAsync(Guid accountId, Guid personId, CancellationToken cancellationToken)
    {
        var (account, _) = await db.FindOrInsertAsync([accountId], () => AdministratorAccount.For(accountId, personId), cancellationToken);

        account.Disable();
    }

    public async Task<string?> RegionNameAsync(Guid regionId, CancellationToken cancellationToken) =>
        (await db.Regions.FindAsync([regionId], cancellationToken))?.Name;
}
