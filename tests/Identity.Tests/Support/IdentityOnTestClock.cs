using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>
/// A test class's own in-process identity service on a clock the tests move, so what time does to
/// accounts, links and tokens shows without waiting for it. Each class gets its own service: moving
/// the clock must not reach the tests of another class.
/// </summary>
public abstract class IdentityOnTestClock : IAsyncLifetime
{
    private readonly Action<Dictionary<string, string?>>? _configure;
    private TestTokenIssuer _issuer = null!;

    protected IdentityOnTestClock(Action<Dictionary<string, string?>>? configure = null) => _configure = configure;

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected IdentityHost Host { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        Host = IdentityHost.InProcess(_issuer, _configure, time: Clock);
        _ = Host.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _issuer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
