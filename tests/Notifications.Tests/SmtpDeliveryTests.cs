using System.Diagnostics.Metrics;
using KollegialtUtbyte.Notifications.Application.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Delivery over SMTP to a real endpoint on loopback: sent, retried with backoff, recorded as failed, never blocking other mail.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task Mail_goes_out_over_SMTP_with_the_configured_credentials()
    {
        await using var smtp = FakeSmtpServer.Accepting();
        await using var service = await NotificationsService.StartAsync(Smtp(smtp, ("Notifications:Delivery:Smtp:UserName", "ku-mailer"), ("Notifications:Delivery:Smtp:Password", "s3cret")));
        var request = Activation("Greta Gran", "greta.gran@region.example.test");

        await service.PublishAsync(request);

        var delivery = await Eventually.UntilAsync(() => Task.FromResult(smtp.Delivered.FirstOrDefault()), d => d is not null, "the SMTP server received the mail");
        Assert.Equal(NotificationsService.SenderAddress, delivery!.From);
        Assert.Equal([request.Email], delivery.Recipients);
        Assert.Equal(("ku-mailer", "s3cret"), (delivery.UserName, delivery.Password));
        Assert.Equal("Aktivera ditt konto i Kollegialt utbyte", delivery.Message.Subject);
        Assert.Contains("Aktivera mitt konto", delivery.Message.HtmlBody, StringComparison.Ordinal);
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == request.PersonId && m.Status == MailStatus.Sent && m.SentTo == request.Email)),
            "the mail is recorded as sent");
    }

    [Fact]
    public async Task While_the_SMTP_server_is_down_a_mail_is_retried_with_growing_pauses_then_recorded_as_failed()
    {
        var clock = new FakeTimeProvider(Given.Now);
        await using var smtp = FakeSmtpServer.Refusing(clock.GetUtcNow);
        await using var service = await NotificationsService.StartAsync(
            Smtp(smtp,
                ("Notifications:Delivery:MaxAttempts", "3"),
                ("Notifications:Delivery:FirstRetryPause", "00:01:00"),
                ("Notifications:Delivery:ImmediateRetries", "1"),
                ("Notifications:Delivery:ImmediateRetryDelay", "00:00:01")),
            clock);
        using var failures = new CountedMeasurements(service, NotificationMetrics.FailedCounter);
        var request = Activation("Hugo Hall", "hugo.hall@region.example.test");

        await service.PublishAsync(request);

        var mail = await Eventually.UntilAsync(
            async () =>
            {
                clock.Advance(TimeSpan.FromSeconds(20));
                return await service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == request.PersonId));
            },
            m => m.Status == MailStatus.Failed,
            "the mail is recorded as failed");

        // Three attempts, each retried once at once; pauses between attempts double (1 min, then 2 min).
        Assert.Equal(3, mail.Attempts);
        Assert.Contains("Service not available", mail.LastError, StringComparison.OrdinalIgnoreCase);
        var sessions = smtp.SessionTimes;
        Assert.Equal(6, sessions.Count);
        var firstPause = sessions[2] - sessions[1];
        var secondPause = sessions[4] - sessions[3];
        Assert.InRange(firstPause, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        Assert.InRange(secondPause, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3));
        Assert.Empty(service.Mailbox.All());

        // Visible to operators: an error in the log and the failed-mail counter (both follow the database record).
        await Eventually.UntilAsync(
            () => Task.FromResult(service.Logs.Lines.Any(l =>
                l.StartsWith("Error", StringComparison.Ordinal) && l.Contains($"Mail {mail.Id}", StringComparison.Ordinal) && l.Contains("failed after 3", StringComparison.Ordinal))),
            "the failure was logged as an error");
        await Eventually.UntilAsync(() => Task.FromResult(failures.Total == 1), "the failure was counted");
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_does_not_hold_up_the_others()
    {
        const string blocked = "full.mailbox@region.example.test";
        var clock = new FakeTimeProvider(Given.Now);
        await using var smtp = FakeSmtpServer.Accepting(to => to == blocked ? "452 4.2.2 Mailbox full" : null, clock.GetUtcNow);
        await using var service = await NotificationsService.StartAsync(
            Smtp(smtp, ("Notifications:Delivery:MaxAttempts", "2"), ("Notifications:Delivery:ImmediateRetries", "0")), clock);
        var first = Activation("Full Mailbox", blocked);
        var others = new[] { Activation("Ebba Ström", "ebba.strom@region.example.test"), Activation("Karl Dal", "karl.dal@region.example.test") };

        await service.PublishAsync(first);
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == first.PersonId && m.Attempts == 1)), "the first attempt failed");
        await service.PublishAllAsync(others);

        await Eventually.UntilAsync(() => Task.FromResult(smtp.Delivered.Count == 2), "the other mails were delivered meanwhile");
        Assert.Equal(others.Select(o => o.Email).Order(), smtp.Delivered.SelectMany(d => d.Recipients).Order());

        await Eventually.UntilAsync(
            async () =>
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                return await service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == first.PersonId && m.Status == MailStatus.Failed));
            },
            "the blocked mail is recorded as failed");
        Assert.Equal(2, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.Status == MailStatus.Sent)));
    }

    [Fact]
    public async Task A_mail_the_server_defers_with_4xx_is_delivered_on_a_later_attempt()
    {
        var clock = new FakeTimeProvider(Given.Now);
        var deferrals = 0;
        await using var smtp = FakeSmtpServer.Accepting(_ => Interlocked.Increment(ref deferrals) == 1 ? "451 4.3.0 Try again later" : null, clock.GetUtcNow);
        await using var service = await NotificationsService.StartAsync(Smtp(smtp, ("Notifications:Delivery:ImmediateRetries", "0")), clock);
        var request = Activation("Lena Lund", "lena.lund@region.example.test");

        await service.PublishAsync(request);
        var deferred = await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == request.PersonId)),
            m => m.Attempts == 1,
            "the first attempt was deferred");
        Assert.Equal(MailStatus.Pending, deferred.Status);
        Assert.Contains("Try again later", deferred.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Delivered);

        await Eventually.UntilAsync(
            async () =>
            {
                clock.Advance(TimeSpan.FromSeconds(20));
                return await service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == request.PersonId && m.Status == MailStatus.Sent));
            },
            "the mail is sent on the next attempt");
        Assert.Equal([request.Email], Assert.Single(smtp.Delivered).Recipients);
        Assert.Equal(2, smtp.Sessions);
    }

    [Fact]
    public async Task A_mailbox_the_server_rejects_for_good_is_not_retried()
    {
        const string unknown = "no.such.person@region.example.test";
        await using var smtp = FakeSmtpServer.Accepting(to => to == unknown ? "550 5.1.1 No such user" : null);
        await using var service = await NotificationsService.StartAsync(Smtp(smtp));
        var request = Activation("Ingen Alls", unknown);

        await service.PublishAsync(request);

        var mail = await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == request.PersonId)),
            m => m.Status == MailStatus.Failed,
            "the mail is recorded as failed");
        Assert.Equal(1, mail.Attempts);
        Assert.Equal(1, smtp.Sessions);
    }

    private static Dictionary<string, string?> Smtp(FakeSmtpServer smtp, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Delivery:Method"] = "Smtp",
            ["Notifications:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Delivery:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Delivery:Smtp:Security"] = "None",
            ["Notifications:Delivery:Smtp:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static AccountActivationRequested Activation(string name, string email) =>
        new(Guid.NewGuid(), Guid.NewGuid(), email, name, "sv", Given.NewToken(), Given.Now.AddDays(3), Given.Now);

    /// <summary>Sums one of this service instance's counters (other instances in the process have their own meters).</summary>
    private sealed class CountedMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public CountedMeasurements(NotificationsService service, string counter)
        {
            var meters = service.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == NotificationMetrics.MeterName && instrument.Name == counter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
