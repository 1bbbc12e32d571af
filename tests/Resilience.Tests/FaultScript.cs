namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// The faults, one after the other, each in its own share of the operation budget: of n faults,
/// fault i begins once the clients have done (i + ½)/(n + 1) of the budget, stays down until they
/// have done (i + 1)/(n + 1) of it against the failed system (or <see cref="CampaignSize.DownAtMost"/>
/// passes), and is repaired; while it is repaired the clients only read, so every fault meets
/// business, and the last share of the budget runs once everything is back. The full size restarts
/// RabbitMQ twice, SIGKILLs a consumer service (Notifications) and starts it again, restarts
/// PostgreSQL once and SIGKILLs the gateway and starts it again; the short one restarts RabbitMQ
/// once (its restarts take longest).
/// </summary>
public sealed class FaultScript(FaultCampaignSystem system, Ledger ledger, CampaignSize size)
{
    private static readonly TimeSpan Restart = TimeSpan.FromMinutes(3);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var faults = new List<(string Fault, Func<Task> Stop, Func<Task> Start)>
        {
            ("RabbitMQ restarted", system.Broker.StopAsync, () => system.Broker.StartAsync(Restart)),
            ("Notifications SIGKILLed", system["Notifications"].KillAsync, () => system["Notifications"].StartAsync(Restart)),
            ("PostgreSQL restarted", system.Postgres.StopAsync, system.Postgres.StartAsync),
            ("gateway SIGKILLed", system["Gateway"].KillAsync, () => system["Gateway"].StartAsync(Restart)),
        };
        if (size.Name == "full")
        {
            faults.Add(("RabbitMQ restarted", system.Broker.StopAsync, () => system.Broker.StartAsync(Restart)));
        }

        var shares = faults.Count + 1;
        try
        {
            for (var i = 0; i < faults.Count; i++)
            {
                ledger.AllowBusiness(size.Operations * (i + 1) / shares);
                await FaultAsync(faults[i], size.Operations * (2 * i + 1) / (2 * shares), size.Operations * (i + 1) / shares, cancellationToken);
            }
        }
        finally
        {
            ledger.AllowBusiness(size.Operations);
        }
    }

    private async Task FaultAsync((string Fault, Func<Task> Stop, Func<Task> Start) fault, int begin, int end, CancellationToken cancellationToken)
    {
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Business >= begin || cancellationToken.IsCancellationRequested),
            $"the campaign did {begin} business operations before '{fault.Fault}'", TimeSpan.FromMinutes(30));
        var started = DateTimeOffset.UtcNow;
        await fault.Stop();

        // Down while the clients do their share of business against it (bounded: they may all be waiting on timeouts).
        var bound = DateTime.UtcNow + size.DownAtMost;
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Business >= end || DateTime.UtcNow > bound || cancellationToken.IsCancellationRequested),
            $"business operations ran while '{fault.Fault}'", size.DownAtMost + TimeSpan.FromMinutes(1));

        await fault.Start();
        ledger.Faults.Enqueue(new FaultWindow(fault.Fault, started, DateTimeOffset.UtcNow));
    }
}
