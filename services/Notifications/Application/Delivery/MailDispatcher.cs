using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>
/// Drains the mail queue: sends every pending mail that is due, oldest first. A transient failure is
/// retried at once a few times (Polly), then the mail is put back with a growing pause and the next
/// one is sent, so one failing mail never holds up the others; after the configured number of
/// attempts it is recorded as failed (logged as an error and counted). Mails addressed to a person
/// the directory does not know yet wait for them.
/// </summary>
internal sealed class MailDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    NotificationSignals signals,
    NotificationMetrics metrics,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    IHostEnvironment environment,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private readonly NotificationsOptions _options = options.Value;
    private readonly DeliveryOptions _delivery = options.Value.Delivery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_delivery.Method == DeliveryMethod.Smtp)
        {
            logger.LogInformation("Mail is sent through the SMTP server {Host}:{Port}", _delivery.Smtp.Host, _delivery.Smtp.Port);
        }
        else
        {
            // Expected in Development (the demo's mails land in the folder); anywhere else nobody receives them.
            logger.Log(
                environment.IsDevelopment() ? LogLevel.Information : LogLevel.Warning,
                "Mail is not sent but written as .eml files to {PickupDirectory} (Notifications:Delivery:Method is PickupDirectory)",
                _delivery.PickupDirectory);
        }

        var sendWithRetry = BuildPipeline();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var nextDue = await DeliverDueMailAsync(sendWithRetry, stoppingToken);
                await signals.MailQueued.WaitAsync(nextDue, time, _delivery.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database itself failed (e.g. restarting); look again after a pause.
                logger.LogError(exception, "The mail queue could not be read; trying again");
                await signals.MailQueued.WaitAsync(null, time, _delivery.PollInterval, stoppingToken);
            }
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        if (_delivery.ImmediateRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException && !DeliveryFailures.IsPermanent(e)),
                MaxRetryAttempts = _delivery.ImmediateRetries,
                Delay = _delivery.ImmediateRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogInformation("Mail delivery failed ({Error}); retrying in {Delay}",
                        args.Outcome.Exception is { } e ? DeliveryFailures.Describe(e) : "no result", args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Sends what is due; returns when the next pending mail falls due, if any.</summary>
    private async Task<DateTimeOffset?> DeliverDueMailAsync(ResiliencePipeline sendWithRetry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        await ReviewMailAwaitingRecipientsAsync(db, cancellationToken);

        while (true)
        {
            var now = time.GetUtcNow();
            var due = await db.OutgoingMails
                .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt)
                .Take(_delivery.BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var mail in due)
            {
                await DeliverAsync(db, mail, sendWithRetry, cancellationToken);
            }

            db.ChangeTracker.Clear();
            if (due.Count < _delivery.BatchSize)
            {
                break;
            }
        }

        return await db.OutgoingMails
            .Where(m => m.Status == MailStatus.Pending)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => (DateTimeOffset?)m.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task DeliverAsync(NotificationsDb db, OutgoingMail mail, ResiliencePipeline sendWithRetry, CancellationToken cancellationToken)
    {
        mail.Claim(time.GetUtcNow() + _delivery.ClaimTimeout);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another dispatcher claimed it first.
            db.Entry(mail).State = EntityState.Detached;
            return;
        }

        var recipient = await RecipientOfAsync(db, mail, cancellationToken);
        if (recipient is null)
        {
            mail.AwaitRecipient();
            logger.LogWarning("Mail {MailId} ({Kind}) waits for person {PersonId}, who is not in the directory yet", mail.Id, mail.Kind, mail.PersonId);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        MailContent content;
        try
        {
            var payload = MailPayloadJson.Deserialize(mail.Kind, mail.Payload ?? throw new InvalidOperationException("The mail has no payload."));
            content = MailRenderer.Render(mail.Kind, payload, recipient, _options.ToMailSettings(), time.GetUtcNow());
            mail.Rendered(content.Subject);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RecordFailureAsync(db, mail, exception, permanent: true, attempted: false, cancellationToken);
            return;
        }

        try
        {
            using var message = MimeMessages.Create(mail.Id, content, recipient, _options.Sender, time.GetUtcNow());
            await sendWithRetry.ExecuteAsync(async ct => await transport.SendAsync(message, ct), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, mail, exception, DeliveryFailures.IsPermanent(exception), attempted: true, cancellationToken);
            return;
        }

        mail.Delivered(time.GetUtcNow(), recipient.Email, content.Subject);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Sent(mail.Kind);
        logger.LogInformation("Mail {MailId} ({Kind}) sent", mail.Id, mail.Kind);
    }

    private async Task RecordFailureAsync(NotificationsDb db, OutgoingMail mail, Exception exception, bool permanent, bool attempted, CancellationToken cancellationToken)
    {
        var error = DeliveryFailures.Describe(exception);
        if (permanent)
        {
            mail.GiveUp(error, time.GetUtcNow(), attempted);
        }
        else
        {
            mail.AttemptFailed(error, time.GetUtcNow(), _delivery.Policy);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (mail.Status == MailStatus.Failed)
        {
            metrics.Failed(mail.Kind);
            logger.LogError("Mail {MailId} ({Kind}) failed after {Attempts} attempt(s) and will not be sent: {Error}", mail.Id, mail.Kind, mail.Attempts, error);
        }
        else
        {
            metrics.Retried(mail.Kind);
            logger.LogWarning("Mail {MailId} ({Kind}) could not be sent (attempt {Attempts} of {MaxAttempts}); next attempt at {NextAttemptAt}: {Error}",
                mail.Id, mail.Kind, mail.Attempts, _delivery.MaxAttempts, mail.NextAttemptAt, error);
        }
    }

    /// <summary>The address, name and language to use: the mail's own, completed from the directory.</summary>
    private static async Task<MailRecipient?> RecipientOfAsync(NotificationsDb db, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var person = mail.PersonId is { } personId ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken) : null;
        if (mail.Address is { Length: > 0 } address)
        {
            return new MailRecipient(mail.RecipientName ?? person?.Name ?? "", address, mail.Language ?? person?.Language ?? Language.Swedish);
        }

        return person is { Email.Length: > 0 } ? new MailRecipient(person.Name, person.Email, person.Language) : null;
    }

    /// <summary>
    /// Mails waiting for their recipient: released once the directory knows the person, given up
    /// after <see cref="DeliveryOptions.RecipientWaitLimit"/>. The event that brings the person
    /// releases them too, but it cannot see a mail this dispatcher marks as waiting while that
    /// event's transaction is still open (the person's row is not visible here yet, the mark is not
    /// visible there), so the release is checked here as well, against what both have committed.
    /// </summary>
    private async Task ReviewMailAwaitingRecipientsAsync(NotificationsDb db, CancellationToken cancellationToken)
    {
        var arrived = await db.OutgoingMails
            .Where(m => m.Status == MailStatus.AwaitingRecipient && db.People.Any(p => p.PersonId == m.PersonId && p.Email != ""))
            .ToListAsync(cancellationToken);
        if (arrived.Count > 0)
        {
            foreach (var mail in arrived)
            {
                mail.Release(time.GetUtcNow());
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("{Count} mail(s) waiting for their recipient released: the recipients are in the directory now", arrived.Count);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The person's event released them at the same time.
            }

            db.ChangeTracker.Clear();
        }

        var cutoff = time.GetUtcNow() - _delivery.RecipientWaitLimit;
        var abandoned = await db.OutgoingMails
            .Where(m => m.Status == MailStatus.AwaitingRecipient && m.CreatedAt < cutoff)
            .ToListAsync(cancellationToken);
        foreach (var mail in abandoned)
        {
            mail.GiveUp($"Person {mail.PersonId} did not appear in the directory within {_delivery.RecipientWaitLimit}.", time.GetUtcNow(), attempted: false);
            metrics.Failed(mail.Kind);
            logger.LogError("Mail {MailId} ({Kind}) failed: person {PersonId} never appeared in the directory", mail.Id, mail.Kind, mail.PersonId);
        }

        if (abandoned.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }
}
