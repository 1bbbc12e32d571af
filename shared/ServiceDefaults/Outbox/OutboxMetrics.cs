using System.Diagnostics.Metrics;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>The outbox's instruments, on the meter the telemetry setup already exports.</summary>
internal static class OutboxMetrics
{
    private static readonly Meter Meter = new("KollegialtUtbyte.Outbox");

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("outbox.messages.published");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("outbox.publish.failures");

    /// <summary>Rows parked as dead after too many failed attempts; each needs an administrator.</summary>
    public static readonly Counter<long> Parked = Meter.CreateCounter<long>("outbox.messages.parked");

    public static readonly Counter<long> Requeued = Meter.CreateCounter<long>("outbox.messages.requeued");
}
