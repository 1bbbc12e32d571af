extern alias gateway;
namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>The suite's real gateway on a loopback port, forwarding to an identity service on Kestrel.</summary>
public sealed class GatewayInFront : ServiceFactory<gateway::Program>
{
    public GatewayInFront(TestTokenIssuer issuer, string identityBaseUrl, int port)
        : base("gateway", issuer, new Dictionary<string, string?> { ["Gateway:Destinations:identity:Address"] = identityBaseUrl })
    {
        this.ListenOnLoopback(port);
    }

    /// <summary>The gateway's public address (the server starts on first use).</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return Services.ServerAddress();
        }
    }
}
