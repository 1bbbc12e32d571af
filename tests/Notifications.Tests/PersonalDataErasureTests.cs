using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// The right to erasure in the mails: nothing queued goes to her any more, what was sent to her
/// no longer says to whom, mails to others name "Borttagen person", and nothing brings her back.
/// </summary>
public sealed class PersonalDataErasureTests
{
    private const string Phone = "070-555 12 34";

    [Fact]
    public async Task Erasure_deletes_her_queued_mails_forgets_her_address_on_sent_ones_and_no_late_event_mails_her_again()
    {
        var refuse = false;
        await using var smtp = FakeSmtpServer.Accepting(_ => Volatile.Read(ref refuse) ? "451 4.2.0 Try again later" : null);
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Delivery:Method"] = "Smtp",
            ["Notifications:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Delivery:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Delivery:Smtp:Security"] = "None",
            ["Notifications:Delivery:ImmediateRetries"] = "0",
        });
        var her = Given.Person("Ester Raderasdotter") with { Phone = Phone };
        var other = Given.Person("Olle Kvarsson");
        var administrator = Given.Person("Ada Administratör");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(her, other, new AccountProvisioned(Guid.NewGuid(), administrator.PersonId, administrator.Email, administrator.Name, [Roles.Administrator], Given.Now));
        await service.PublishAllAsync(Given.Invitation(meeting, her.PersonId), Given.Invitation(meeting, other.PersonId));
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.Status == MailStatus.Sent && (m.PersonId == her.PersonId || m.PersonId == other.PersonId))),
            sent => sent == 2,
            "both invitations were sent");

        // The server turns everything away for now: what comes next stays queued.
        Volatile.Write(ref refuse, true);
        await service.PublishAsync(new AccountActivationRequested(Guid.NewGuid(), her.PersonId, her.Email, her.Name, "sv", Given.NewToken(), Given.Now.AddDays(3), Given.Now));
        await service.PublishAsync(Given.Invitation(Given.Meeting(number: 2, startsAt: Given.MeetingStart.AddDays(28)), her.PersonId));
        await service.PublishAsync(new PoliticianQuotaStatusChanged(Given.Programme, Guid.NewGuid(), "Region Kronoberg", her.PersonId, her.Name, QuotaStatus.AtRisk, 1, 0, 3, 3, Given.Now));
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.Status == MailStatus.Pending && m.Attempts >= 1)),
            queued => queued == 3,
            "her two mails and the administrators' alert naming her were tried and wait for another attempt");

        var erasureId = Guid.NewGuid();
        await service.PublishAsync(new PersonalDataErasureDecided(erasureId, her.PersonId, Given.Now));

        var harness = service.Services.GetRequiredService<ITestHarness>();
        var answer = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(harness.Published.Select<PersonalDataErased>().Select(m => m.Context.Message).Where(e => e.ErasureId == erasureId).ToList()),
            list => list.Count >= 1,
            "the erasure was answered"));
        Assert.Equal((her.PersonId, "notifications"), (answer.PersonId, answer.Service));

        // Her copy is a tombstone; her queued mails are gone; the invitation she was sent no longer says to whom.
        var person = await service.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.PersonId == her.PersonId));
        Assert.Equal((ErasedPerson.Name, ""), (person.Name, person.Email));
        Assert.True(person.IsErased);
        var hers = await service.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.PersonId == her.PersonId).ToListAsync());
        var sent = Assert.Single(hers);
        Assert.Equal((MailKind.MeetingInvitation, MailStatus.Sent), (sent.Kind, sent.Status));
        Assert.Equal((null, null, null, null), (sent.Address, sent.SentTo, sent.RecipientName, sent.Payload));
        Assert.False(string.IsNullOrEmpty(sent.Subject));
        Assert.All(await service.QueryAsync(db => db.Invitations.AsNoTracking().Where(i => i.PersonId == her.PersonId).ToListAsync()), i => Assert.Null(i.AnswerToken));
        await AssertNowhereAsync(service, her);

        // Mails to others stay, naming "Borttagen person".
        var alert = await service.QueryAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Kind == MailKind.PoliticianQuotaAlert));
        Assert.Equal(MailStatus.Pending, alert.Status);
        Assert.Contains(ErasedPerson.Name, alert.Payload, StringComparison.Ordinal);

        // Late news carrying her old details, and an account mail asked for after the erasure, change nothing.
        var later = Given.Now.AddMinutes(5);
        await service.PublishAsync(Given.Updated(her, occurredAt: later));
        await service.PublishAsync(Given.Joined(her, Guid.NewGuid(), "Region Kronoberg", TeamRole.Politician) with { OccurredAt = later });
        await service.PublishAsync(new AccountProvisioned(Guid.NewGuid(), her.PersonId, her.Email, her.Name, [Roles.Administrator], later));
        await service.PublishAsync(new PasswordResetRequested(Guid.NewGuid(), her.PersonId, her.Email, her.Name, "sv", Given.NewToken(), later.AddHours(1), later));
        await service.PublishAsync(new PoliticianQuotaStatusChanged(Given.Programme, Guid.NewGuid(), "Region Kronoberg", her.PersonId, her.Name, QuotaStatus.Unreachable, 1, 0, 3, 2, later));
        Assert.Equal(1, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == her.PersonId)));
        Assert.Equal(2, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.Kind == MailKind.PoliticianQuotaAlert)));
        await AssertNowhereAsync(service, her);

        // Running the decision again is harmless, and it is answered again.
        await service.PublishAsync(new PersonalDataErasureDecided(erasureId, her.PersonId, Given.Now));
        await AssertNowhereAsync(service, her);

        // The server takes mail again; a week before the meeting the reminders go out, to the others only.
        var deliveredToHer = smtp.Delivered.Count(d => d.Recipients.Contains(her.Email, StringComparer.OrdinalIgnoreCase));
        Volatile.Write(ref refuse, false);
        service.Clock.SetUtcNow(Given.MeetingStart.AddDays(-7));
        await Eventually.UntilAsync(
            () => Task.FromResult(smtp.Delivered.Any(d => d.Recipients.Contains(other.Email, StringComparer.OrdinalIgnoreCase) && (d.Message.Subject ?? "").Contains("Påminnelse", StringComparison.Ordinal))
                && smtp.Delivered.Any(d => d.Recipients.Contains(administrator.Email, StringComparer.OrdinalIgnoreCase))),
            "the other invitee's reminder and the administrators' alert were delivered");
        Assert.Equal(deliveredToHer, smtp.Delivered.Count(d => d.Recipients.Contains(her.Email, StringComparer.OrdinalIgnoreCase)));
        var delivered = smtp.Delivered.First(d => d.Recipients.Contains(administrator.Email, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(ErasedPerson.Name, delivered.Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Name, delivered.Message.TextBody, StringComparison.Ordinal);
        await AssertNowhereAsync(service, her);

        // Her export still answers, with what is left: the pseudonym.
        var exportId = Guid.NewGuid();
        await service.PublishAsync(new PersonalDataExportRequested(exportId, her.PersonId, Given.Now));
        var part = await Eventually.UntilAsync(
            () => Task.FromResult(harness.Published.Select<PersonalDataExportPartCollected>().Select(m => m.Context.Message).FirstOrDefault(p => p.ExportId == exportId)),
            p => p is not null,
            "the export was answered");
        Assert.Contains(ErasedPerson.Name, part!.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Name, part.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Email, part.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_erasure_decided_while_the_service_is_down_completes_when_it_comes_back()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var postgres = await PostgresServer.SharedAsync();
        var settings = DistributedSettings.For(NotificationsModule.Name, broker, await postgres.CreateDatabaseAsync("notifications"));
        var state = NotificationsService.State.Fresh();
        var publisher = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Uri);
            cfg.ConfigureJsonSerializerOptions(OutboxJson.Configure);
        });
        await publisher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var her = Given.Person("Ester Nedsläckt");
            await using (var before = await NotificationsService.StartAsync(settings, state: state))
            {
                await Publish(her);
                await Publish(Given.Invitation(Given.Meeting(), her.PersonId));
                await before.Mailbox.WaitForOneAsync(m => m.To == her.Email, "the invitation");
            }

            // Decided while the service is down: the decision waits in its queue.
            await Publish(new PersonalDataErasureDecided(Guid.NewGuid(), her.PersonId, Given.Now));

            await using var after = await NotificationsService.StartAsync(settings, state: state);
            var person = await Eventually.UntilAsync(
                () => after.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.PersonId == her.PersonId)),
                p => p.IsErased,
                "the erasure was applied once the service was back");
            Assert.Equal((ErasedPerson.Name, ""), (person.Name, person.Email));
            await AssertNowhereAsync(after, her);
        }
        finally
        {
            await publisher.StopAsync(TestContext.Current.CancellationToken);
            state.Delete();
        }

        Task Publish(object message) =>
            publisher.Publish(message, message.GetType(), context => context.MessageId = NewId.NextGuid(), TestContext.Current.CancellationToken);
    }

    /// <summary>No row of the directory, the accounts or the mails holds her name, address or phone.</summary>
    private static async Task AssertNowhereAsync(NotificationsService service, PersonRegistered her)
    {
        string[] hers = [her.Name, her.Email, Phone];
        var people = await service.QueryAsync(db => db.People.AsNoTracking().Select(p => new[] { p.Name, p.Email }).ToListAsync());
        var accounts = await service.QueryAsync(db => db.AdministratorAccounts.AsNoTracking().Select(a => new[] { a.Name, a.Email }).ToListAsync());
        var mails = await service.QueryAsync(db => db.OutgoingMails.AsNoTracking()
            .Select(m => new[] { m.DeduplicationKey, m.Address, m.RecipientName, m.SentTo, m.Subject, m.Payload, m.LastError }).ToListAsync());
        var texts = people.Concat(accounts).Concat(mails).SelectMany(row => row).OfType<string>().ToList();
        Assert.DoesNotContain(texts, text => hers.Any(h => text.Contains(h, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(0, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.PersonId == her.PersonId && (m.Status == MailStatus.Pending || m.Status == MailStatus.AwaitingRecipient))));
    }
}
