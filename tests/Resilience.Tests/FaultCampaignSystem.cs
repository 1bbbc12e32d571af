namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// The distributed mode on a RabbitMQ and a PostgreSQL of its own, which the fault script stops
/// and starts (the test run's shared servers are never touched).
/// </summary>
public sealed class FaultCampaignSystem : DistributedSystem
{
    public RabbitMqServer Broker { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    /// <summary>Starts nothing unless the campaign was asked for: the fixture is made even for a skipped test.</summary>
    public override async ValueTask InitializeAsync()
    {
        if (!CampaignSize.Requested)
        {
            return;
        }

        try
        {
            await base.InitializeAsync();
        }
        catch (TimeoutException notReady) when (Broker is not null)
        {
            // A service waits for the broker to be ready; say what the campaign's own broker was doing.
            throw new TimeoutException(
                $"{notReady.Message}\nThe campaign's RabbitMQ on port {Broker.Port} {(Broker.IsRunning ? "is running" : "has exited")}; its log ends:\n{Broker.LogTail}",
                notReady);
        }
    }

    protected override async Task<RabbitMqServer> BrokerAsync() => Broker = await RabbitMqServer.StartPrivateAsync();

    protected override async Task<PostgresServer> PostgresAsync() => Postgres = await PostgresServer.StartPrivateAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}
