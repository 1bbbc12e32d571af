using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Consumers;

/// <summary>
/// Reminds the owner of a decision's action: the person, or the owning region's team (project
/// leaders and key officials). The cause is the action, kind and due date, so even a second event
/// for the same reminder never mails twice.
/// </summary>
public sealed class DecisionActionReminderTriggeredConsumer(NotificationsDb db, Recipients recipients, MailQueue mails)
    : IdempotentConsumer<DecisionActionReminderTriggered, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(DecisionActionReminderTriggered message, ConsumeContext<DecisionActionReminderTriggered> context, CancellationToken cancellationToken)
    {
        var kind = message.Kind == DecisionActionReminderKind.Overdue ? MailKind.DecisionActionOverdue : MailKind.DecisionActionDueSoon;
        var cause = $"action:{message.ActionId:N}:{message.Kind}:{message.DueOn:yyyy-MM-dd}";
        var mail = new DecisionActionMail(message.ActionId, message.What, message.RegistryNumber, message.PointNumber, message.DueOn, message.OwnerKind, message.OwnerName);
        var people = message.OwnerKind == DecisionActionOwnerKind.Person
            ? [message.OwnerId]
            : await recipients.FeedbackTeamsAsync([message.OwnerId], cancellationToken);
        foreach (var personId in people)
        {
            await mails.ToPersonAsync(cause, kind, personId, mail, cancellationToken);
        }
    }
}
