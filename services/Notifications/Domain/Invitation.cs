using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// Who is invited to which meeting, so that updates, cancellations and reminders reach every
/// invitee. Keeps the raw answer token while its links work (until the meeting starts), so updates
/// and reminders can carry the answer links again; then it is forgotten. A withdrawal or an answer
/// may arrive before the invitation itself; the row then records it and the late invitation is
/// judged against it.
/// </summary>
public sealed class Invitation : IVersioned
{
    private Invitation()
    {
    }

    public Guid InvitationId { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid PersonId { get; private set; }

    public TeamRole? Role { get; private set; }

    public string? AnswerToken { get; private set; }

    public DateTimeOffset? AnswerTokenExpiresAt { get; private set; }

    public InvitationAnswer Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The invitation itself has arrived (not just a withdrawal or an answer ahead of it).</summary>
    public bool Issued { get; private set; }

    public bool Withdrawn { get; private set; }

    /// <summary>When the newest issue that reached this service happened (null on rows older than this column).</summary>
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>When it was withdrawn last.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>
    /// The meeting's sequence in the last calendar mail the person was sent (the invitation or an
    /// update). Events about a meeting can arrive in any order, so whether an invitee still needs
    /// an update is judged by what she was mailed, not by whether the event changed the meeting.
    /// </summary>
    public int? MailedSequence { get; private set; }

    public long Version { get; set; }

    /// <summary>Issued and not withdrawn: the person has the meeting in their calendar.</summary>
    public bool IsActive => Issued && !Withdrawn;

    /// <summary>Reminders go to everyone invited who has not declined.</summary>
    public bool ExpectsReminders => IsActive && Answer != InvitationAnswer.Declined;

    public static Invitation Placeholder(Guid invitationId, Guid meetingId, Guid personId) =>
        new() { InvitationId = invitationId, MeetingId = meetingId, PersonId = personId, Answer = InvitationAnswer.Pending };

    /// <summary>
    /// Records the invitation issued at <paramref name="occurredAt"/>; true when the person should
    /// get the invitation mail. False when they already hold it, or when it was withdrawn after it
    /// was issued (the withdrawal arrived first). An invitation issued again after its withdrawal
    /// (the person rejoined the team) is the person's again, with a new token and no answer yet.
    /// </summary>
    public bool Issue(TeamRole? role, string answerToken, DateTimeOffset answerTokenExpiresAt, DateTimeOffset occurredAt)
    {
        if (IsActive)
        {
            // Held already; remembers the newest issue, so a withdrawal older than it does not apply.
            if (IssuedAt is null || occurredAt > IssuedAt)
            {
                IssuedAt = occurredAt;
            }

            return false;
        }

        if (Withdrawn)
        {
            // Rows from before these times were recorded cannot tell a reissue from a late original.
            if (WithdrawnAt is not { } withdrawnAt || occurredAt <= withdrawnAt)
            {
                return false;
            }

            Withdrawn = false;
            Answer = InvitationAnswer.Pending;
            AnsweredAt = occurredAt;
        }

        Issued = true;
        IssuedAt = occurredAt;
        Role = role;
        // A token longer than the column cannot be a real one; without it the mail simply has no answer links.
        AnswerToken = answerToken.Length <= Limits.Token ? answerToken : null;
        AnswerTokenExpiresAt = answerTokenExpiresAt;
        return true;
    }

    /// <summary>
    /// Withdraws the invitation as of <paramref name="occurredAt"/>; true when the person had received
    /// it and should get a cancellation. A withdrawal older than the invitation's newest issue is stale.
    /// </summary>
    public bool Withdraw(DateTimeOffset occurredAt)
    {
        if (Withdrawn || (IssuedAt is { } issuedAt && occurredAt < issuedAt))
        {
            return false;
        }

        Withdrawn = true;
        WithdrawnAt = occurredAt;
        AnswerToken = null;
        AnswerTokenExpiresAt = null;
        return Issued;
    }

    /// <summary>Remembers that the person was mailed the meeting as of <paramref name="sequence"/>.</summary>
    public void Mailed(int sequence) => MailedSequence = sequence;

    /// <summary>The person holds the meeting and was mailed an older version of it than <paramref name="sequence"/>, or none.</summary>
    public bool NeedsUpdateTo(int sequence) => IsActive && (MailedSequence is not { } mailed || mailed < sequence);

    /// <summary>The links work until the meeting starts, and move with it (as in the Meetings service).</summary>
    public void FollowMeetingStart(DateTimeOffset startsAt)
    {
        if (AnswerToken is not null)
        {
            AnswerTokenExpiresAt = startsAt;
        }
    }

    /// <summary>The links no longer work (the meeting started or was cancelled): the raw token is not kept.</summary>
    public void ForgetAnswerToken()
    {
        AnswerToken = null;
    }

    public void RecordAnswer(InvitationAnswer answer, DateTimeOffset occurredAt)
    {
        if (AnsweredAt is { } previous && occurredAt < previous)
        {
            return;
        }

        Answer = answer;
        AnsweredAt = occurredAt;
    }

    /// <summary>The answer token while it can still be used, for the links in a mail written at <paramref name="now"/>.</summary>
    public string? UsableAnswerToken(DateTimeOffset now) =>
        IsActive && AnswerToken is not null && AnswerTokenExpiresAt > now ? AnswerToken : null;
}
