using System.Web;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The service on real RabbitMQ and PostgreSQL, fed by another process's publisher.</summary>
public sealed class DistributedTests
{
    [Fact]
    public async Task Invitations_published_to_RabbitMQ_become_mails_with_calendar_files_and_answer_links()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var postgres = await PostgresServer.SharedAsync();
        var settings = DistributedSettings.For(NotificationsModule.Name, broker, await postgres.CreateDatabaseAsync("notifications"));
        await using var service = await NotificationsService.StartAsync(settings);
        var publisher = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Uri);
            cfg.ConfigureJsonSerializerOptions(OutboxJson.Configure);
        });
        await publisher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var people = new[] { Given.Person("Agnes Fors"), Given.Person("Bertil Lööf", "en") };
            var meeting = Given.Meeting();
            var invitations = people.Select(p => Given.Invitation(meeting, p.PersonId)).ToList();
            foreach (var message in people.Cast<object>().Concat(invitations))
            {
                await publisher.Publish(message, message.GetType(), context => context.MessageId = NewId.NextGuid(), TestContext.Current.CancellationToken);
            }

            var mails = await service.Mailbox.WaitForAsync(2, m => people.Any(p => p.Email == m.To), "one invitation per invitee");
            foreach (var invitation in invitations)
            {
                var mail = mails.Single(m => m.To == people.Single(p => p.PersonId == invitation.PersonId).Email);
                Assert.Equal("REQUEST", mail.Calendar.Method);
                Assert.Equal(Calendar.CalendarUids.ForMeeting(meeting.MeetingId), mail.Event.Uid);
                Assert.All(mail.HtmlLinks.Where(l => l.AbsolutePath == "/api/meetings/invitations/answer"),
                    link => Assert.Equal(invitation.AnswerToken, HttpUtility.ParseQueryString(link.Query)["token"]));
            }
        }
        finally
        {
            await publisher.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
