namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>Why a one-click answer link cannot be used (each is answered with its own 4xx).</summary>
public enum AnswerLinkProblem
{
    None,
    Expired,
    Withdrawn,
    MeetingCancelled,
}

/// <summary>
/// A team member's invitation to a published meeting, their answer, and afterwards their
/// attendance. Carries the hash of the one-click answer token of the invitation mail.
/// </summary>
public sealed class Invitation : IVersioned
{
    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid? RegionId { get; private set; }

    public TeamRole? Role { get; private set; }

    public InvitationAnswer Answer { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string AnswerTokenHash { get; private set; } = "";

    public DateTimeOffset AnswerTokenExpiresAt { get; private set; }

    /// <summary>When the mail's link last gave an answer (it may give several until the meeting starts).</summary>
    public DateTimeOffset? AnswerTokenUsedAt { get; private set; }

    public AttendanceStatus? Attendance { get; private set; }

    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    public Guid? AttendanceRecordedBy { get; private set; }

    /// <summary>
    /// The invitee was erased after this attendance was counted: the statistics count an
    /// <see cref="AnonymousAttendance"/> in its place, so what was aggregated does not change.
    /// </summary>
    public bool CountedAnonymously { get; private set; }

    public long Version { get; set; }

    public bool IsActive => WithdrawnAt is null;

    /// <summary>Invites a person; returns the raw answer token, which only the invitation mail may carry.</summary>
    public static (Invitation Invitation, string AnswerToken) Issue(Meeting meeting, Guid personId, Guid? regionId, TeamRole? role, DateTimeOffset now)
    {
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            ProgrammeId = meeting.ProgrammeId,
            PersonId = personId,
        };
        var token = invitation.Renew(meeting, regionId, role, now);
        return (invitation, token);
    }

    /// <summary>Invites someone again who was withdrawn (they left and came back): a fresh token, no answer yet.</summary>
    public string Reissue(Meeting meeting, Guid? regionId, TeamRole? role, DateTimeOffset now)
    {
        if (IsActive)
        {
            throw new InvalidOperationException("An active invitation is not issued again.");
        }

        return Renew(meeting, regionId, role, now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        WithdrawnAt ??= now;
    }

    /// <summary>A team member's role or region changed: their invitations still ahead follow.</summary>
    public bool UpdateMembership(Guid? regionId, TeamRole? role)
    {
        if (RegionId == regionId && Role == role)
        {
            return false;
        }

        RegionId = regionId;
        Role = role;
        return true;
    }

    /// <summary>The meeting moved: the one-click link stays valid until its new start.</summary>
    public void FollowMeetingStart(Meeting meeting)
    {
        AnswerTokenExpiresAt = meeting.StartsAt;
    }

    /// <summary>The signed-in invitee answers (and may change the answer until the meeting starts).</summary>
    public void AnswerAs(InvitationAnswer answer, string? comment, Meeting meeting, DateTimeOffset now)
    {
        if (answer == InvitationAnswer.Pending)
        {
            throw new RuleViolationException("invitation.answer-required", "Svara ja, nej eller kanske.");
        }

        if (!IsActive)
        {
            throw new RuleViolationException("invitation.withdrawn", "Inbjudan är återkallad.");
        }

        if (meeting.IsCancelled)
        {
            throw new RuleViolationException("invitation.meeting-cancelled", "Träffen är inställd.");
        }

        if (meeting.HasStarted(now))
        {
            throw new RuleViolationException("invitation.meeting-started", "Träffen har redan börjat; svaret kan inte ändras.");
        }

        Answer = answer;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        AnsweredAt = now;
    }

    /// <summary>Why the one-click link of this invitation cannot be used now, if it cannot.</summary>
    public AnswerLinkProblem CheckAnswerLink(Meeting meeting, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return AnswerLinkProblem.Withdrawn;
        }

        if (meeting.IsCancelled)
        {
            return AnswerLinkProblem.MeetingCancelled;
        }

        return now >= AnswerTokenExpiresAt || meeting.HasStarted(now) ? AnswerLinkProblem.Expired : AnswerLinkProblem.None;
    }

    /// <summary>
    /// Answers through the mail's link. The link keeps working until the meeting starts, as the mail
    /// promises, so a later answer replaces an earlier one (also after a reschedule asked again).
    /// </summary>
    public void AnswerByLink(InvitationAnswer answer, string? comment, Meeting meeting, DateTimeOffset now)
    {
        if (CheckAnswerLink(meeting, now) != AnswerLinkProblem.None)
        {
            throw new InvalidOperationException("The answer link was checked before use.");
        }

        AnswerAs(answer, comment, meeting, now);
        AnswerTokenUsedAt = now;
    }

    public bool RecordAttendance(AttendanceStatus status, Guid recordedBy, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new RuleViolationException("attendance.invitation-withdrawn", "Personens inbjudan är återkallad.");
        }

        if (Attendance == status)
        {
            return false;
        }

        Attendance = status;
        AttendanceRecordedAt = now;
        AttendanceRecordedBy = recordedBy;
        return true;
    }

    /// <summary>
    /// The invitee was erased: the answer links in the mails she was sent stop working. The stored
    /// hash is replaced by one of a secret nobody was given.
    /// </summary>
    public void RevokeAnswerLink() => AnswerTokenHash = SecretToken.Create().Hash;

    /// <summary>Hands the counted attendance over to an anonymous fact, once.</summary>
    public AnonymousAttendance? CountAnonymously(Guid subject, string? gender)
    {
        if (CountedAnonymously)
        {
            return null;
        }

        CountedAnonymously = true;
        return AnonymousAttendance.Of(this, subject, gender);
    }

    private string Renew(Meeting meeting, Guid? regionId, TeamRole? role, DateTimeOffset now)
    {
        var (token, hash) = SecretToken.Create();
        RegionId = regionId;
        Role = role;
        Answer = InvitationAnswer.Pending;
        Comment = null;
        AnsweredAt = null;
        IssuedAt = now;
        WithdrawnAt = null;
        AnswerTokenHash = hash;
        AnswerTokenExpiresAt = meeting.StartsAt;
        AnswerTokenUsedAt = null;
        return token;
    }
}
