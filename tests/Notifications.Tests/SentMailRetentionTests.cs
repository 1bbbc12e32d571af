using KollegialtUtbyte.ServiceDefaults.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The records of sent mails go after their period (<c>Retention:SentMails</c>, 30 days by default); younger ones stay.</summary>
public sealed class SentMailRetentionTests
{
    [Theory]
    [InlineData(null, 30)]
    [InlineData("5.00:00:00", 5)]
    public async Task A_sent_mail_record_is_deleted_after_its_period_and_a_younger_one_is_kept(string? configured, int days)
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?> { ["Retention:SentMails"] = configured });
        var old = await SendInvitationAsync(service, "Ebba Old");
        service.Clock.Advance(TimeSpan.FromDays(2));
        var young = await SendInvitationAsync(service, "Ines Ung");

        service.Clock.SetUtcNow(Given.Now.AddDays(days).AddHours(1));
        await service.Services.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(await service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.Id == old)));
        Assert.True(await service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.Id == young)));

        service.Clock.Advance(TimeSpan.FromDays(2));
        await service.Services.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.False(await service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.Id == young)));
    }

    private static async Task<Guid> SendInvitationAsync(NotificationsService service, string name)
    {
        var person = Given.Person(name);
        await service.PublishAllAsync(person, Given.Invitation(Given.Meeting(), person.PersonId));
        await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
        var mail = await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == person.PersonId)), m => m.Status == MailStatus.Sent, "the mail is recorded as sent");
        return mail.Id;
    }
}
