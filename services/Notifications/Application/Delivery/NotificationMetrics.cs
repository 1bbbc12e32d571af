using System.Diagnostics.Metrics;
using KollegialtUtbyte.Notifications.Domain.Mails;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>Mail delivery as metrics (exported with the suite's meter): sent, retried and failed mails by kind.</summary>
public sealed class NotificationMetrics
{
    /// <summary>The suite's meter name, which the telemetry defaults export.</summary>
    public const string MeterName = "KollegialtUtbyte";
    public const string SentCounter = "notifications.mails.sent";
    public const string RetriedCounter = "notifications.mails.retried";
    public const string FailedCounter = "notifications.mails.failed";
    public const string RemindersCounter = "notifications.reminders.fired";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _reminders;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>(SentCounter, "{mail}", "Mails handed to the SMTP server or the pickup directory.");
        _retried = meter.CreateCounter<long>(RetriedCounter, "{mail}", "Delivery attempts that failed and will be tried again.");
        _failed = meter.CreateCounter<long>(FailedCounter, "{mail}", "Mails given up on: recorded as failed and not sent.");
        _reminders = meter.CreateCounter<long>(RemindersCounter, "{reminder}", "Reminders whose time came (sent or skipped).");
    }

    public void Sent(MailKind kind) => _sent.Add(1, Tag(kind));

    public void Retried(MailKind kind) => _retried.Add(1, Tag(kind));

    public void Failed(MailKind kind) => _failed.Add(1, Tag(kind));

    public void ReminderFired(string kind) => _reminders.Add(1, new KeyValuePair<string, object?>("kind", kind));

    private static KeyValuePair<string, object?> Tag(MailKind kind) => new("kind", kind.ToString());
}
