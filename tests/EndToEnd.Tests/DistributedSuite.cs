namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>The distributed mode on the test run's shared RabbitMQ and PostgreSQL, started once for the end-to-end tests.</summary>
public sealed class DistributedSuite : DistributedSystem
{
    /// <summary>The reminder watcher looks every few seconds, so a test sees an action's reminder (or its absence) in seconds, not hours.</summary>
    public static readonly TimeSpan ActionReminderInterval = TimeSpan.FromSeconds(2);

    protected override void Configure(string service, IDictionary<string, string> settings)
    {
        if (service == "Meetings")
        {
            settings["Meetings__ActionReminders__CheckInterval"] = ActionReminderInterval.ToString("c");
        }
    }
}
