using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Web;
using KollegialtUtbyte.Testing.Mail;
using Xunit;

namespace KollegialtUtbyte.Testing.Distributed;

/// <summary>
/// The suite in its distributed mode: real RabbitMQ and PostgreSQL (a database per service),
/// Identity, Regions, Meetings, Feedback, Notifications, the portal and the gateway each as its
/// own OS process on a free loopback port, configured by environment variables only. Tests talk
/// to the gateway alone. Every process writes its spans to one file so a trace can be followed.
/// By default the servers are the test run's shared ones; a subclass that must stop them
/// (<see cref="BrokerAsync"/>, <see cref="PostgresAsync"/>) starts private ones.
/// </summary>
public class DistributedSystem : IAsyncLifetime
{
    public const string AdministratorEmail = "administrator@tillvaxtverket.example";
    public static readonly Guid ProgrammeId = Guid.Parse("2f0c1e1a-7b6d-4c3e-9a51-202120220001");

    private readonly Dictionary<string, ServiceProcess> _services = [];
    private readonly Dictionary<string, string> _databases = [];
    private string _directory = null!;

    public string AdministratorPassword { get; } = "Administratör-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    public Uri Gateway { get; private set; } = null!;

    public PickupDirectory Mail { get; private set; } = null!;

    public string TraceFile => Path.Combine(_directory, "spans.jsonl");

    public ServiceProcess this[string name] => _services[name];

    /// <summary>The services that own a database (all but the portal and the gateway).</summary>
    public IReadOnlyCollection<string> ServicesWithDatabase => _databases.Keys;

    /// <summary>The connection string of a service's own database, for checks a test makes behind the API.</summary>
    public string DatabaseOf(string service) => _databases[service];

    /// <summary>
    /// Starts the servers, then the services. A port chosen free can be taken by another process
    /// before the service binds it; then the services are stopped and started again on other
    /// ports, with fresh databases and directories (a few times at most).
    /// </summary>
    public virtual async ValueTask InitializeAsync()
    {
        var broker = await BrokerAsync();
        var postgres = await PostgresAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartServicesAsync(broker, postgres);
                return;
            }
            catch (PortInUseException) when (attempt < 5)
            {
                await Task.WhenAll(_services.Values.Select(s => s.DisposeAsync().AsTask()));
                _services.Clear();
                _databases.Clear();
            }
        }
    }

    private async Task StartServicesAsync(RabbitMqServer broker, PostgresServer postgres)
    {
        _directory = Directory.CreateTempSubdirectory("ku-distributed-").FullName;
        var logs = Directory.CreateDirectory(Path.Combine(_directory, "logs")).FullName;
        Mail = new PickupDirectory(Path.Combine(_directory, "mail"));

        var ports = new[] { "Gateway", "Identity", "Regions", "Meetings", "Feedback", "Notifications", "Portal" }
            .ToDictionary(name => name, _ => LoopbackPorts.Reserve());
        Gateway = new Uri($"http://127.0.0.1:{ports["Gateway"]}");
        var publicUrl = Gateway.ToString().TrimEnd('/');
        string Address(string name) => $"http://127.0.0.1:{ports[name]}";

        var signingKey = Path.Combine(_directory, "signing-key.pem");
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(signingKey, rsa.ExportPkcs8PrivateKeyPem());
        }

        var common = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = broker.Uri.ToString(),
            ["Messaging__QueuePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..6],
            ["Auth__Authority"] = publicUrl,
            ["Auth__MetadataAddress"] = Address("Identity") + "/.well-known/openid-configuration",
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Telemetry__TraceFile"] = TraceFile,
            ["Seeds__Enabled"] = "true",
            ["Seeds__MoveDemoIntoFuture"] = "true",
            ["Uploads__MaxDocumentBytes"] = "26214400", // 25 MB, one key for Feedback, the portal and the gateway
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        async Task<Dictionary<string, string>> ServiceSettings(string name, params (string Key, string Value)[] own)
        {
            _databases[name] = await postgres.CreateDatabaseAsync(name.ToLowerInvariant());
            var settings = new Dictionary<string, string>(common)
            {
                [$"ConnectionStrings__{name.ToLowerInvariant()}"] = _databases[name],
            };
            foreach (var (key, value) in own)
            {
                settings[key] = value;
            }

            return settings;
        }

        var identity = await ServiceSettings("Identity",
            ("Identity__Issuer", publicUrl),
            ("Identity__SigningKeys__0__Path", signingKey),
            ("Identity__Administrator__Email", AdministratorEmail),
            ("Identity__Administrator__Password", AdministratorPassword),

            // The suite signs the same people in many times a minute; guessing protection has its own tests.
            ("Identity__Throttle__AttemptsPerAccount", "100000"),
            ("Identity__Throttle__AttemptsPerAddress", "100000"));
        var regions = await ServiceSettings("Regions");
        var meetings = await ServiceSettings("Meetings", ("Meetings__PublicBaseUrl", publicUrl));
        var feedback = await ServiceSettings("Feedback", ("Feedback__Storage__Directory", Path.Combine(_directory, "documents")));
        var notifications = await ServiceSettings("Notifications",
            ("Notifications__PublicBaseUrl", publicUrl),
            ("Notifications__Delivery__Method", "PickupDirectory"),
            ("Notifications__Delivery__PickupDirectory", Mail.Directory),
            // A mail being written when the service is killed is held by its claim until this passes;
            // writing a pickup file takes milliseconds, so the claim can be short here.
            ("Notifications__Delivery__ClaimTimeout", "00:00:15"));
        var portal = new Dictionary<string, string>(common)
        {
            ["Portal__GatewayUrl"] = publicUrl,
            ["Portal__TrustedProxies__0"] = "127.0.0.0/8",
            ["Portal__Publisher__Name"] = "Region Testland",
            ["Portal__Publisher__Email"] = "kontakt@testland.example",
            ["DataProtection__KeysPath"] = Path.Combine(_directory, "portal-keys"),
            ["DataProtection__Certificate__Path"] = await KeyRingCertificateAsync(Path.Combine(_directory, "portal-keys.pem")),
        };
        var gateway = new Dictionary<string, string>(common)
        {
            ["Gateway__Destinations__identity__Address"] = Address("Identity"),
            ["Gateway__Destinations__regions__Address"] = Address("Regions"),
            ["Gateway__Destinations__meetings__Address"] = Address("Meetings"),
            ["Gateway__Destinations__feedback__Address"] = Address("Feedback"),
            ["Gateway__Destinations__notifications__Address"] = Address("Notifications"),
            ["Gateway__Destinations__portal__Address"] = Address("Portal"),
            ["Gateway__RateLimits__PerUser__PermitLimit"] = "100000",
            ["Gateway__RateLimits__PerIp__PermitLimit"] = "100000",
        };

        foreach (var (name, settings) in new[]
        {
            ("Identity", identity), ("Regions", regions), ("Meetings", meetings), ("Feedback", feedback),
            ("Notifications", notifications), ("Portal", portal), ("Gateway", gateway),
        })
        {
            Configure(name, settings);
            _services[name] = new ServiceProcess(name, ports[name], settings, logs);
        }

        // Identity first: the others read its discovery document when the first token arrives.
        await _services["Identity"].StartAsync();
        await Task.WhenAll(_services.Values.Where(s => s.Name != "Identity").Select(s => s.StartAsync()));
    }

    /// <summary>The broker every service uses: the run's shared one unless overridden.</summary>
    protected virtual Task<RabbitMqServer> BrokerAsync() => RabbitMqServer.SharedAsync();

    /// <summary>The server of the services' databases: the run's shared one unless overridden.</summary>
    protected virtual Task<PostgresServer> PostgresAsync() => PostgresServer.SharedAsync();

    /// <summary>Adjusts a service's environment before it starts (nothing by default).</summary>
    protected virtual void Configure(string service, IDictionary<string, string> settings)
    {
    }

    /// <summary>The portal's key ring is encrypted at rest in Production: a self-signed certificate with its key, as PEM.</summary>
    private static async Task<string> KeyRingCertificateAsync(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=kollegialt-utbyte-portal-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllTextAsync(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_services.Values.Select(s => s.DisposeAsync().AsTask()));
        GC.SuppressFinalize(this);
    }

    /// <summary>A client of the gateway, signed in as <paramref name="email"/> when given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null, string? password = null)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };
        if (email is not null)
        {
            var token = await SignInAsync(email, password ?? throw new ArgumentNullException(nameof(password)));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>
    /// Signs in through the gateway as the command-line client <c>ku-cli</c> does: the
    /// authorization code flow with PKCE and the identity service's sign-in form. Returns the access token.
    /// </summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        using var http = NewBrowserlessClient();
        return (await CodeFlowSignIn.SignInAsync(http, email, password)).AccessToken;
    }

    /// <summary>Posts the sign-in form for an authorization request: a redirect when the password is right, else 400 with the form again.</summary>
    public async Task<HttpResponseMessage> TrySignInAsync(string email, string password)
    {
        using var http = NewBrowserlessClient();
        var authorization = CodeFlowSignIn.AuthorizationUrl(CodeFlowSignIn.CommandLineClient, CodeFlowSignIn.LoopbackRedirectUri, Pkce.New().Challenge);
        var signInUrl = CodeFlowSignIn.Redirected(await http.GetAsync(authorization), "the authorization request");
        return await CodeFlowSignIn.PostSignInFormAsync(http, signInUrl, email, password);
    }

    // Keeps cookies (the sign-in session) and reads redirects instead of following them.
    private HttpClient NewBrowserlessClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// What a new person does: opens the activation link from their mail (through the gateway) and
    /// chooses a password. Returns the password.
    /// </summary>
    public async Task<string> ActivateAccountAsync(string email)
    {
        var mail = await Eventually.UntilAsync(
            () => Task.FromResult(Mail.To(email).FirstOrDefault(m => m.TextLinks.Any(l => l.AbsolutePath.EndsWith("/account/activate", StringComparison.Ordinal)))),
            found => found is not null,
            $"an activation mail reached {email}",
            TimeSpan.FromSeconds(90));
        var link = mail!.TextLinks.First(l => l.AbsolutePath.EndsWith("/account/activate", StringComparison.Ordinal));
        Assert.Equal(Gateway.Authority, link.Authority);
        var token = HttpUtility.ParseQueryString(link.Query)["token"]!;

        using var http = new HttpClient { BaseAddress = Gateway };
        using var page = await http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var password = "Lösenord-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        using var activated = await http.PostAsync("/account/activate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["password"] = password,
            ["confirmPassword"] = password,
        }));
        Assert.True(activated.IsSuccessStatusCode, $"Activating {email}: {(int)activated.StatusCode} {await activated.Content.ReadAsStringAsync()}");
        return password;
    }

}

/// <summary>Reads the demo data the services were seeded with (people and their teams).</summary>
public static class DemoPeople
{
    public sealed record Person(Guid Id, string Name, string Email, Guid? RegionId, IReadOnlyList<Membership>? Teams);

    public sealed record Membership(Guid ProgrammeId, string Role);

    public static IReadOnlyList<Person> All { get; } = JsonSerializer.Deserialize<List<Person>>(
        File.ReadAllText(RepositoryRoot.Combine("seeds", "regions", "people.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static Person InRole(Guid regionId, string role) =>
        All.First(p => p.RegionId == regionId && p.Teams?.Any(t => t.Role == role) == true);
}

public static class Json
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path) => await (await client.GetAsync(path)).ReadAsync();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
