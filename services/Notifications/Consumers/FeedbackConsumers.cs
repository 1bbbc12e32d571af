using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Consumers;

// Feedback on strategy drafts: the reviewing regions' teams hear about their assignment and are
// reminded before the deadline; the author region's team hears when the feedback is released.

public sealed class FeedbackRoundOpenedConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders)
    : IdempotentConsumer<FeedbackRoundOpened, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(FeedbackRoundOpened message, ConsumeContext<FeedbackRoundOpened> context, CancellationToken cancellationToken)
    {
        var round = await copies.UpsertRoundAsync(message.RoundId, message.DocumentId, message.AuthorRegionId, message.DocumentTitle, message.Deadline,
            message.OccurredAt, cancellationToken);
        await reminders.PlanAsync(round, cancellationToken);
    }
}

public sealed class ReviewersAssignedConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders, Recipients recipients, MailQueue mails)
    : IdempotentConsumer<ReviewersAssigned, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(ReviewersAssigned message, ConsumeContext<ReviewersAssigned> context, CancellationToken cancellationToken)
    {
        var round = await copies.UpsertRoundAsync(message.RoundId, message.DocumentId, message.AuthorRegionId, message.DocumentTitle, message.Deadline,
            message.OccurredAt, cancellationToken);
        await reminders.PlanAsync(round, cancellationToken);

        var newlyAssigned = new List<Guid>();
        foreach (var regionId in message.ReviewerRegionIds.Distinct())
        {
            var reviewer = await copies.ReviewerAsync(message.RoundId, regionId, cancellationToken);
            if (reviewer.Assign() && reviewer.SubmittedAt is null)
            {
                newlyAssigned.Add(regionId);
            }
        }

        if (round.Closed || newlyAssigned.Count == 0)
        {
            return;
        }

        var mail = new FeedbackMail(round.RoundId, round.DocumentTitle, await copies.RegionNameAsync(round.AuthorRegionId, cancellationToken), round.Deadline);
        foreach (var personId in await recipients.FeedbackTeamsAsync(newlyAssigned, cancellationToken))
        {
            await mails.ToPersonAsync(MailCause.Of(context), MailKind.FeedbackReviewRequested, personId, mail, cancellationToken);
        }
    }
}

/// <summary>A region that has given its feedback gets no deadline reminder.</summary>
public sealed class FeedbackSubmittedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<FeedbackSubmitted, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(FeedbackSubmitted message, ConsumeContext<FeedbackSubmitted> context, CancellationToken cancellationToken)
    {
        var reviewer = await copies.ReviewerAsync(message.RoundId, message.ReviewerRegionId, cancellationToken);
        reviewer.RecordSubmission(message.OccurredAt);
    }
}

public sealed class FeedbackRoundClosedConsumer(NotificationsDb db, LocalCopies copies, ReminderPlanner reminders, Recipients recipients, MailQueue mails)
    : IdempotentConsumer<FeedbackRoundClosed, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(FeedbackRoundClosed message, ConsumeContext<FeedbackRoundClosed> context, CancellationToken cancellationToken)
    {
        var round = await Db.FeedbackRounds.FindAsync([message.RoundId], cancellationToken);
        if (round is null)
        {
            // Closed before anything else about the round arrived: the deadline is unknown, and past anyway.
            round = await copies.UpsertRoundAsync(message.RoundId, message.DocumentId, message.AuthorRegionId, message.DocumentTitle,
                message.OccurredAt, message.OccurredAt, cancellationToken);
        }

        if (!round.Close())
        {
            return;
        }

        await reminders.PlanAsync(round, cancellationToken);
        var mail = new FeedbackMail(round.RoundId, round.DocumentTitle, await copies.RegionNameAsync(round.AuthorRegionId, cancellationToken), round.Deadline,
            message.FeedbackCount);
        foreach (var personId in await recipients.FeedbackTeamsAsync([round.AuthorRegionId], cancellationToken))
        {
            await mails.ToPersonAsync(MailCause.Of(context), MailKind.FeedbackReleased, personId, mail, cancellationToken);
        }
    }
}
