using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Consumers;

// Invitations: the invitation mail with its calendar file and one-click answer links, the
// withdrawal, and the answers (declined invitees get no reminders).

public sealed class InvitationIssuedConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders, MailQueue mails, TimeProvider time)
    : IdempotentConsumer<InvitationIssued, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(InvitationIssued message, ConsumeContext<InvitationIssued> context, CancellationToken cancellationToken)
    {
        // A reschedule may have arrived first: the invitation then carries the newer details.
        var (meeting, _) = await copies.UpsertMeetingAsync(message.Meeting, message.OccurredAt, cancellationToken);
        await reminders.PlanAsync(meeting, cancellationToken);

        var invitation = await copies.InvitationAsync(message.InvitationId, message.Meeting.MeetingId, message.PersonId, cancellationToken);
        if (!invitation.Issue(message.Role, message.AnswerToken, message.AnswerTokenExpiresAt, message.OccurredAt))
        {
            return;
        }

        if (meeting.Cancelled)
        {
            invitation.ForgetAnswerToken();
            return;
        }

        invitation.FollowMeetingStart(meeting.StartsAt);

        var mail = new MeetingMail(meeting.Snapshot, message.Role, invitation.Answer, invitation.UsableAnswerToken(time.GetUtcNow()), invitation.AnswerTokenExpiresAt);
        await mails.ToPersonAsync(MailCause.Of(context), MailKind.MeetingInvitation, message.PersonId, mail, cancellationToken);
        invitation.Mailed(meeting.Sequence);
    }
}

/// <summary>Removes the meeting from the person's calendar (METHOD:CANCEL), if they had received the invitation.</summary>
public sealed class InvitationWithdrawnConsumer(NotificationsDb db, LocalCopies copies, MailQueue mails)
    : IdempotentConsumer<InvitationWithdrawn, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(InvitationWithdrawn message, ConsumeContext<InvitationWithdrawn> context, CancellationToken cancellationToken)
    {
        var (meeting, _) = await copies.UpsertMeetingAsync(message.Meeting, message.OccurredAt, cancellationToken);
        var invitation = await copies.InvitationAsync(message.InvitationId, message.Meeting.MeetingId, message.PersonId, cancellationToken);
        if (!invitation.Withdraw(message.OccurredAt) || meeting.Cancelled)
        {
            return;
        }

        var mail = new MeetingMail(meeting.Snapshot, invitation.Role, invitation.Answer, AnswerToken: null, AnswerTokenExpiresAt: null);
        await mails.ToPersonAsync(MailCause.Of(context), MailKind.InvitationWithdrawal, message.PersonId, mail, cancellationToken);
    }
}

public sealed class InvitationAnsweredConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<InvitationAnswered, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(InvitationAnswered message, ConsumeContext<InvitationAnswered> context, CancellationToken cancellationToken)
    {
        var invitation = await copies.InvitationAsync(message.InvitationId, message.MeetingId, message.PersonId, cancellationToken);
        invitation.RecordAnswer(message.Answer, message.OccurredAt);
    }
}
