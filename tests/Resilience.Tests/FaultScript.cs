using KollegialtUtbyte.Testing;

namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// The faults, each started when the campaign has done a share of its operations: RabbitMQ is
/// restarted twice, a consumer service (Notifications) is SIGKILLed and started again,
/// PostgreSQL is restarted once, and the gateway is SIGKILLed and started again. While something
/// is down the clients keep working; the script waits until they have done some operations
/// against the failed system (or a bound passes) before bringing it back.
/// </summary>
public sealed class FaultScript(FaultCampaignSystem system, Ledger ledger, int operations)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await FaultAsync(0.10, "RabbitMQ restarted", system.Broker.StopAsync, () => system.Broker.StartAsync(TimeSpan.FromMinutes(3)), cancellationToken);
        await FaultAsync(0.25, "Notifications SIGKILLed", system["Notifications"].KillAsync, () => system["Notifications"].StartAsync(TimeSpan.FromMinutes(3)), cancellationToken);
        await FaultAsync(0.40, "PostgreSQL restarted", system.Postgres.StopAsync, system.Postgres.StartAsync, cancellationToken);
        await FaultAsync(0.55, "gateway SIGKILLed", system["Gateway"].KillAsync, () => system["Gateway"].StartAsync(TimeSpan.FromMinutes(3)), cancellationToken);
        await FaultAsync(0.70, "RabbitMQ restarted", system.Broker.StopAsync, () => system.Broker.StartAsync(TimeSpan.FromMinutes(3)), cancellationToken);
    }

    private async Task FaultAsync(double share, string fault, Func<Task> stop, Func<Task> start, CancellationToken cancellationToken)
    {
        var due = (int)(operations * share);
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Operations >= due || cancellationToken.IsCancellationRequested),
            $"the campaign did {due} operations before '{fault}'", TimeSpan.FromMinutes(30));
        var started = DateTimeOffset.UtcNow;
        await stop();

        // Down while the clients do a few operations (bounded: they may all be waiting on timeouts).
        var during = ledger.Operations + Math.Max(10, operations / 50);
        var bound = DateTime.UtcNow.AddSeconds(20);
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Operations >= during || DateTime.UtcNow > bound),
            $"operations ran while '{fault}'", TimeSpan.FromMinutes(1));

        await start();
        ledger.Faults.Enqueue(new FaultWindow(fault, started, DateTimeOffset.UtcNow));
    }
}
