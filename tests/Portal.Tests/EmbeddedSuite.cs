using System.Net;
using KollegialtUtbyte.Host;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests;

/// <summary>
/// The whole suite for the browser: the embedded host (every service module and the portal in
/// one process, SQLite files, in-memory messaging) on a real loopback port, seeded with the demo
/// programme, with development sign-ins. Shared by the journeys of one test class.
/// </summary>
public sealed class EmbeddedSuite : IAsyncLifetime
{
    public const string AdministratorEmail = "administrator@tillvaxtverket.example";
    public const string AdministratorPassword = DemoPassword;
    public const string DemoPassword = "demo-endast-for-utveckling";
    public const string ProgrammeId = "2f0c1e1a-7b6d-4c3e-9a51-202120220001";

    private readonly int _port;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private WebApplicationFactory<EmbeddedApplication> _host = null!;
    private string _dataDirectory = null!;

    public EmbeddedSuite()
        : this(LoopbackPorts.Reserve(), new Dictionary<string, string?>())
    {
    }

    /// <summary>The suite on a port chosen beforehand, with settings of its own (e.g. an organisation's provider that must know the address first).</summary>
    internal EmbeddedSuite(int port, IReadOnlyDictionary<string, string?> settings)
    {
        _port = port;
        _settings = settings;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public string MailDirectory => Path.Combine(_dataDirectory, "mail");

    /// <summary>The host's services, for set-up no API offers (e.g. a mail the mail server refused).</summary>
    public IServiceProvider Services => _host.Services;

    public async ValueTask InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("ku-embedded-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _dataDirectory,
            ["Auth:Authority"] = Address.ToString().TrimEnd('/'),
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Identity:Issuer"] = Address.ToString().TrimEnd('/'),
            ["Portal:GatewayUrl"] = Address.ToString(),
            ["Meetings:PublicBaseUrl"] = Address.ToString().TrimEnd('/'),
            ["Notifications:PublicBaseUrl"] = Address.ToString().TrimEnd('/'),
            ["Notifications:Delivery:PickupDirectory"] = MailDirectory,
            ["Logging:LogLevel:Default"] = "Warning",

            // The tests sign the same people in many times a minute; guessing protection has its own tests.
            ["Identity:Throttle:AttemptsPerAccount"] = "100000",
            ["Identity:Throttle:AttemptsPerAddress"] = "100000",
        };
        _host = new WebApplicationFactory<EmbeddedApplication>().WithWebHostBuilder(b =>
        {
            // Development: the demo sign-ins (Identity:DemoPassword) only exist there.
            b.UseEnvironment("Development");
            foreach (var (key, value) in settings.Concat(_settings))
            {
                b.UseSetting(key, value);
            }
        });
        _host.ListenOnLoopback(_port);
        _host.StartServer();

        // The seed reaches Identity through events: wait until the demo people can sign in.
        await Eventually.UntilAsync(async () => await TokenAsync(AdministratorEmail, AdministratorPassword) is not null, "the administrator can sign in", TimeSpan.FromSeconds(90));
    }

    /// <summary>
    /// An access token for API set-up steps the journey does not show, signed in as the
    /// command-line client does (code flow with PKCE); null when refused.
    /// </summary>
    public async Task<string?> TokenAsync(string email, string password)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        try
        {
            return (await CodeFlowSignIn.SignInAsync(http, email, password)).AccessToken;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

}
