using KollegialtUtbyte.Notifications.Domain.Mails;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The owners of decisions' actions are reminded before the due date and when it has passed.</summary>
public sealed class DecisionActionMailTests
{
    private static readonly Guid Kronoberg = Guid.NewGuid();
    private static readonly DateOnly DueOn = new(2021, 4, 30);

    private readonly PersonRegistered _leader = Given.Person("Anna Lindqvist");
    private readonly PersonRegistered _official = Given.Person("Oskar Berg", "en");
    private readonly PersonRegistered _politician = Given.Person("Per Politiker");
    private readonly PersonRegistered _facilitator = Given.Person("Charlotte Wiberg");

    [Fact]
    public async Task A_person_who_owns_an_action_is_reminded_in_swedish_once_however_often_the_reminder_arrives()
    {
        await using var service = await StartAsync();
        var reminder = Reminder(DecisionActionOwnerKind.Person, _facilitator.PersonId, _facilitator.Name, DecisionActionReminderKind.DueSoon);

        await service.PublishAsync(reminder);
        await service.PublishAsync(reminder);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == _facilitator.Email, "the reminder");
        Assert.Equal("Påminnelse: åtgärd att slutföra senast 30 april 2021", mail.Subject);
        Assert.Contains("Åtgärden ”Ta fram en kommunikationsstrategi” ska vara klar senast 30 april 2021.", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Punkt 2 i protokoll KU-2021-001", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains(new Uri(new Uri(NotificationsService.PublicBaseUrl), $"mina-atgarder#action-{reminder.ActionId:N}"), mail.HtmlLinks);
        Assert.Equal(1, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.Kind == MailKind.DecisionActionDueSoon, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task An_overdue_action_of_a_region_reminds_its_working_team_each_in_their_language_but_not_its_politicians()
    {
        await using var service = await StartAsync();

        await service.PublishAsync(Reminder(DecisionActionOwnerKind.Region, Kronoberg, "Region Kronoberg", DecisionActionReminderKind.Overdue));

        var mails = await service.Mailbox.WaitForAsync(2, what: "the overdue reminders");
        Assert.Equal(new[] { _leader.Email, _official.Email }.Order(), mails.Select(m => m.To).Order());
        var swedish = mails.Single(m => m.To == _leader.Email);
        Assert.Equal("Försenad åtgärd: Ta fram en kommunikationsstrategi", swedish.Subject);
        Assert.Contains("skulle ha varit klar 30 april 2021 och är ännu inte avslutad", swedish.PlainText, StringComparison.Ordinal);
        Assert.Contains("Region Kronoberg (er region)", swedish.PlainText, StringComparison.Ordinal);
        Assert.Equal("Overdue action: Ta fram en kommunikationsstrategi", mails.Single(m => m.To == _official.Email).Subject);
        Assert.Empty(service.Mailbox.To(_politician.Email));
    }

    private static DecisionActionReminderTriggered Reminder(DecisionActionOwnerKind ownerKind, Guid ownerId, string ownerName, DecisionActionReminderKind kind) =>
        new(Guid.NewGuid(), Given.Programme, Guid.NewGuid(), "KU-2021-001", "2", "Ta fram en kommunikationsstrategi", ownerKind, ownerId, ownerName, DueOn, kind, Given.Now);

    private async Task<NotificationsService> StartAsync()
    {
        var service = await NotificationsService.StartAsync();
        await service.PublishAllAsync(
            _facilitator,
            Given.Joined(_leader, Kronoberg, "Region Kronoberg", TeamRole.ProjectLeader),
            Given.Joined(_official, Kronoberg, "Region Kronoberg", TeamRole.KeyOfficial),
            Given.Joined(_politician, Kronoberg, "Region Kronoberg", TeamRole.Politician));
        return service;
    }
}
