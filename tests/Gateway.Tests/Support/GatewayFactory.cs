using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;

namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>
/// The gateway on a real loopback port (so client addresses, disconnects and streaming are real)
/// with the route table of its appsettings.json and every destination pointed at test upstreams.
/// </summary>
public sealed class GatewayFactory : ServiceFactory<Program>
{
    private readonly TimeProvider? _time;
    private readonly Action<IServiceCollection>? _services;

    public GatewayFactory(TestTokenIssuer issuer, IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null, Action<IServiceCollection>? services = null)
        : base("gateway", issuer, settings)
    {
        _time = time;
        _services = services;
        this.ListenOnLoopback();
    }

    public static readonly string[] DestinationNames = ["identity", "regions", "meetings", "feedback", "notifications", "portal"];

    /// <summary>Every destination at <paramref name="address"/>, rate limits out of the way, plus <paramref name="overrides"/>.</summary>
    public static Dictionary<string, string?> Settings(Uri address, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = DestinationNames.ToDictionary(name => $"Gateway:Destinations:{name}:Address", _ => (string?)address.ToString());
        settings["Gateway:RateLimits:PerUser:PermitLimit"] = "1000000";
        settings["Gateway:RateLimits:PerIp:PermitLimit"] = "1000000";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The gateway's real address (the server starts on first use).</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return Services.ServerAddress();
        }
    }

    /// <summary>A client of the gateway's real port sending <paramref name="user"/>'s token (none for anonymous).</summary>
    public HttpClient ClientAs(TestUser? user) => ClientWithToken(user is null ? null : Issuer.CreateToken(user));

    /// <summary>A client sending <paramref name="token"/> as it is, e.g. one the gateway must refuse.</summary>
    public HttpClient ClientWithToken(string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
        {
            BaseAddress = Address,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
