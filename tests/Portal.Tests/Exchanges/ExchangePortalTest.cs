using KollegialtUtbyte.Portal.Tests.Security;

namespace KollegialtUtbyte.Portal.Tests.Exchanges;

/// <summary>A portal in front of the exchanges' stand-in services (<see cref="ExchangeServices"/>), started afresh for each test.</summary>
public abstract class ExchangePortalTest : IAsyncLifetime
{
    protected ExchangeServices Services { get; } = new();

    protected IdentityStandIn Gateway { get; private set; } = null!;

    protected PortalInstance Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Gateway = await IdentityStandIn.StartAsync(Services.Map);
        Site = PortalInstance.Start(Gateway, "Testing");
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Gateway.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
