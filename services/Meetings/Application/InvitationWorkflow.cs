using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings.Application;

/// <summary>
/// Who is invited to what, kept in step with the local copy of the teams: on publishing every
/// team member of every participating region is invited; people who join later are invited to
/// the meetings still ahead; people who leave (or whose region leaves) have those withdrawn.
/// A strategic dialogue or a member network invites its participants (from the registry's
/// <see cref="ExchangeParticipantAdded"/>) and its leader, convener and secretary in the same way,
/// without a team role.
/// Each change adds its event to the outbox; the caller saves once.
/// </summary>
public sealed class InvitationWorkflow(MeetingsDb db, TimeProvider time)
{
    /// <summary>Invites the teams to meetings that have just been published.</summary>
    public async Task InviteTeamsAsync(ProgrammeCalendar programme, IReadOnlyCollection<Meeting> meetings, CancellationToken cancellationToken)
    {
        await RosterChangedAsync(programme.Id, cancellationToken);
        var invitees = programme.IsProgramme
            ? (await InvitableMembersAsync(programme.Id, cancellationToken)).Select(Invitee.Of).ToList()
            : await ExchangeInviteesAsync(programme, cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var existing = await db.Invitations.Where(i => meetingIds.Contains(i.MeetingId)).ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            foreach (var invitee in invitees)
            {
                Invite(programme, meeting, invitee, existing.FirstOrDefault(i => i.MeetingId == meeting.Id && i.PersonId == invitee.PersonId));
            }
        }
    }

    public async Task SyncExchangeAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (await db.Programmes.FindAsync([programmeId], cancellationToken) is { IsProgramme: false } programme)
        {
            await SyncExchangeAsync(programme, cancellationToken);
        }
    }

    /// <summary>
    /// A dialogue's or network's participants or roles changed: everyone invitable now is invited to
    /// the published meetings still ahead, and those no longer invitable have those withdrawn.
    /// </summary>
    public async Task SyncExchangeAsync(ProgrammeCalendar programme, CancellationToken cancellationToken)
    {
        var upcoming = await UpcomingMeetingsAsync(programme.Id, cancellationToken);
        if (upcoming.Count == 0)
        {
            return;
        }

        await RosterChangedAsync(programme.Id, cancellationToken);
        var invitees = await ExchangeInviteesAsync(programme, cancellationToken);
        var upcomingIds = upcoming.Select(m => m.Id).ToList();
        var existing = await db.Invitations.Where(i => upcomingIds.Contains(i.MeetingId)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var meeting in upcoming)
        {
            foreach (var invitee in invitees)
            {
                Invite(programme, meeting, invitee, existing.FirstOrDefault(i => i.MeetingId == meeting.Id && i.PersonId == invitee.PersonId));
            }

            foreach (var gone in existing.Where(i => i.MeetingId == meeting.Id && i.IsActive && invitees.All(p => p.PersonId != i.PersonId)))
            {
                gone.Withdraw(now);
                db.AddEvent(new InvitationWithdrawn(gone.Id, EventData.Details(meeting, programme), gone.PersonId, now));
            }
        }
    }

    /// <summary>A member joined (or changed role): invited to every published meeting still ahead.</summary>
    public async Task InviteMemberAsync(TeamMembership member, CancellationToken cancellationToken)
    {
        if (!await IsInvitableAsync(member, cancellationToken))
        {
            return;
        }

        var programme = await db.Programmes.FindAsync([member.ProgrammeId], cancellationToken);
        if (programme is null)
        {
            return;
        }

        await RosterChangedAsync(member.ProgrammeId, cancellationToken);
        var upcoming = await UpcomingMeetingsAsync(member.ProgrammeId, cancellationToken);
        var upcomingIds = upcoming.Select(m => m.Id).ToList();
        var existing = await db.Invitations
            .Where(i => i.PersonId == member.PersonId && upcomingIds.Contains(i.MeetingId))
            .ToListAsync(cancellationToken);
        foreach (var meeting in upcoming)
        {
            Invite(programme, meeting, Invitee.Of(member), existing.FirstOrDefault(i => i.MeetingId == meeting.Id));
        }
    }

    /// <summary>Invites every member of a region that (re)joined the programme.</summary>
    public async Task InviteRegionAsync(Guid programmeId, Guid regionId, CancellationToken cancellationToken)
    {
        var members = await db.TeamMemberships
            .Where(m => m.ProgrammeId == programmeId && m.RegionId == regionId && m.Active)
            .ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            await InviteMemberAsync(member, cancellationToken);
        }
    }

    /// <summary>A member left: their invitations to meetings still ahead are withdrawn; the past stays as it was.</summary>
    public async Task WithdrawMemberAsync(Guid programmeId, Guid regionId, Guid personId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FindAsync([programmeId], cancellationToken);
        if (programme is null)
        {
            return;
        }

        await RosterChangedAsync(programmeId, cancellationToken);
        var upcoming = await UpcomingMeetingsAsync(programmeId, cancellationToken);
        var upcomingIds = upcoming.Select(m => m.Id).ToList();
        var invitations = await db.Invitations
            .Where(i => i.PersonId == personId && i.RegionId == regionId && upcomingIds.Contains(i.MeetingId) && i.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var invitation in invitations)
        {
            invitation.Withdraw(now);
            var meeting = upcoming.First(m => m.Id == invitation.MeetingId);
            db.AddEvent(new InvitationWithdrawn(invitation.Id, EventData.Details(meeting, programme), personId, now));
        }
    }

    public async Task WithdrawRegionAsync(Guid programmeId, Guid regionId, CancellationToken cancellationToken)
    {
        var people = await db.Invitations
            .Where(i => i.ProgrammeId == programmeId && i.RegionId == regionId && i.WithdrawnAt == null)
            .Select(i => i.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var personId in people)
        {
            await WithdrawMemberAsync(programmeId, regionId, personId, cancellationToken);
        }
    }

    /// <summary>A dialogue's or network's current participants and role holders (not erased), with their region where they have one.</summary>
    private async Task<List<Invitee>> ExchangeInviteesAsync(ProgrammeCalendar programme, CancellationToken cancellationToken)
    {
        var participants = await db.ExchangeParticipants.Where(p => p.ProgrammeId == programme.Id && p.Active).ToListAsync(cancellationToken);
        var roleHolders = programme.RoleHolders();
        var personIds = participants.Select(p => p.PersonId).Concat(roleHolders).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return personIds
            .Where(id => people.GetValueOrDefault(id) is not { IsErased: true })
            .Select(id => new Invitee(
                id,
                participants.FirstOrDefault(p => p.PersonId == id)?.RegionId ?? people.GetValueOrDefault(id)?.RegionId,
                null))
            .ToList();
    }

    private sealed record Invitee(Guid PersonId, Guid? RegionId, TeamRole? Role)
    {
        public static Invitee Of(TeamMembership member) => new(member.PersonId, member.RegionId, member.Role);
    }

    private void Invite(ProgrammeCalendar programme, Meeting meeting, Invitee member, Invitation? existing)
    {
        var now = time.GetUtcNow();
        string token;
        if (existing is null)
        {
            (existing, token) = Invitation.Issue(meeting, member.PersonId, member.RegionId, member.Role, now);
            db.Invitations.Add(existing);
        }
        else if (!existing.IsActive)
        {
            token = existing.Reissue(meeting, member.RegionId, member.Role, now);
        }
        else
        {
            // Already invited: only a changed role or region follows along (no new mail).
            existing.UpdateMembership(member.RegionId, member.Role);
            return;
        }

        db.AddEvent(new InvitationIssued(
            existing.Id,
            EventData.Details(meeting, programme),
            member.PersonId,
            member.RegionId,
            member.Role,
            token,
            existing.AnswerTokenExpiresAt,
            now));
    }

    private async Task RosterChangedAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var roster = await db.InvitationRosters.FindAsync([programmeId], cancellationToken);
        if (roster is null)
        {
            roster = InvitationRoster.For(programmeId, time.GetUtcNow());
            db.InvitationRosters.Add(roster);
        }

        roster.Changed(time.GetUtcNow());
    }

    private async Task<List<Meeting>> UpcomingMeetingsAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var meetings = await db.Meetings.Where(m => m.ProgrammeId == programmeId && m.StartsAt > now).ToListAsync(cancellationToken);
        return meetings.Where(m => m.Status == MeetingStatus.Published).ToList();
    }

    private async Task<List<TeamMembership>> InvitableMembersAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var members = await db.TeamMemberships.Where(m => m.ProgrammeId == programmeId && m.Active).ToListAsync(cancellationToken);
        var departed = await DepartedRegionsAsync(programmeId, cancellationToken);
        return members.Where(m => !departed.Contains(m.RegionId)).ToList();
    }

    private async Task<bool> IsInvitableAsync(TeamMembership member, CancellationToken cancellationToken) =>
        member.Active && !(await DepartedRegionsAsync(member.ProgrammeId, cancellationToken)).Contains(member.RegionId);

    /// <summary>A team implies its region takes part, unless the region has left the programme.</summary>
    private async Task<HashSet<Guid>> DepartedRegionsAsync(Guid programmeId, CancellationToken cancellationToken) =>
        (await db.Participations.Where(p => p.ProgrammeId == programmeId && !p.Active).Select(p => p.RegionId).ToListAsync(cancellationToken)).ToHashSet();
}
