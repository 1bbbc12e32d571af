using System.Net.Sockets;
using KollegialtUtbyte.Identity.Data;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>
/// The identity service under test with a signing key from a PEM file. In process (TestServer)
/// for speed, or on a real Kestrel port where it validates its own tokens through its own
/// discovery document (<c>Auth:Authority</c> is itself), as in production.
/// </summary>
public sealed class IdentityHost : ServiceFactory<Program>
{
    public const string AdministratorEmail = "administrator@tillvaxtverket.example";
    public const string AdministratorPassword = "test-administratorns-losenord";
    public const string Password = "ett-langt-losenord-for-test";
    public const string PortalClient = "portal";

    private readonly TimeProvider? _time;
    private readonly string? _environment;

    private IdentityHost(TestTokenIssuer issuer, Dictionary<string, string?> settings, TimeProvider? time, string? environment, int? port)
        : base(IdentityModule.Name, issuer, settings)
    {
        _time = time;
        _environment = environment;
        Settings = settings;
        if (port is { } kestrelPort)
        {
            BaseUrl = $"http://127.0.0.1:{kestrelPort}";
            UseKestrel(kestrelPort);
        }
    }

    /// <summary>Where the host listens when it runs on Kestrel.</summary>
    public string? BaseUrl { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Where every log entry goes as well; set before the host first starts.</summary>
    public CapturedLogs? Logs { get; set; }

    public string SigningKeyPath => Settings["Identity:SigningKeys:0:Path"]!;

    /// <summary>
    /// A host with one fresh signing key, no seeds and the configured administrator; <paramref name="configure"/>
    /// adds or overrides settings (a null value removes one).
    /// </summary>
    public static IdentityHost InProcess(TestTokenIssuer issuer, Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null, string? environment = null) =>
        new(issuer, DefaultSettings(configure), time, environment, port: null);

    public static IdentityHost OnKestrel(TestTokenIssuer issuer, Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        var port = LoopbackPorts.Reserve();
        var settings = DefaultSettings(s =>
        {
            s["Auth:Authority"] = $"http://127.0.0.1:{port}";
            configure?.Invoke(s);
        });
        var host = new IdentityHost(issuer, settings, time, environment: null, port);
        host.StartServer();
        return host;
    }

    public static Dictionary<string, string?> DefaultSettings(Action<Dictionary<string, string?>>? configure)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Seeds:Enabled"] = "false",
            ["Identity:SigningKeys:0:Path"] = TestKeys.WritePrivateKey(TestKeys.NewDirectory(), "signing"),
            ["Identity:Administrator:Email"] = AdministratorEmail,
            ["Identity:Administrator:Password"] = AdministratorPassword,

            // Tests sign in often and fast; the throttle's own tests set low limits.
            ["Identity:Throttle:AttemptsPerAccount"] = "100000",
            ["Identity:Throttle:AttemptsPerAddress"] = "100000",
            ["Identity:Throttle:ResetLinksPerAccount"] = "100000",
            ["Identity:Throttle:ResetRequestsPerAddress"] = "100000",
        };
        configure?.Invoke(settings);
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }

        if (_environment is not null)
        {
            builder.UseEnvironment(_environment);
        }

        if (_time is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_time);
            });
        }
    }

    /// <summary>A client that does not follow redirects, against TestServer or the Kestrel port.</summary>
    public HttpClient NewClient() =>
        BaseUrl is null
            ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class =>
        Harness.Bus.Publish(message, context =>
        {
            if (messageId is { } id)
            {
                context.MessageId = id;
            }
        }, TestContext.Current.CancellationToken);

    /// <summary>Waits (bounded) until the service published an event that matches.</summary>
    public Task<T> PublishedAsync<T>(Func<T, bool> match)
        where T : class =>
        Eventually.UntilAsync(
            () => Task.FromResult(Published<T>().FirstOrDefault(match)),
            found => found is not null,
            $"a matching {typeof(T).Name} was published")!;

    public IReadOnlyList<T> Published<T>()
        where T : class =>
        Harness.Published.Select<T>().Select(m => m.Context.Message).ToList();

    /// <summary>Waits until the service consumed (and committed) the message with this id.</summary>
    public Task ConsumedAsync<T>(Func<T, bool> match)
        where T : class =>
        Eventually.UntilAsync(
            () => Task.FromResult(Harness.Consumed.Select<T>().Any(m => match(m.Context.Message))),
            $"a matching {typeof(T).Name} was consumed");

    public async Task<TResult> WithDbAsync<TResult>(Func<IdentityDb, Task<TResult>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }

    public Task<Account?> AccountOfAsync(Guid personId) =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(db.Users, a => a.PersonId == personId));

    /// <summary>Regions reports a new team member; returns the activation request Identity publishes for them.</summary>
    public async Task<(TeamMemberJoined Joined, AccountActivationRequested Activation)> AddTeamMemberAsync(TeamRole role, Guid? regionId = null, string language = "sv")
    {
        var personId = Guid.NewGuid();
        var joined = new TeamMemberJoined(
            Guid.NewGuid(), regionId ?? Guid.NewGuid(), "Region Värmland", personId, role, "Eva Lindqvist", $"eva.{personId:N}@regionvarmland.example",
            "Projektledare", language, null, DateTimeOffset.UtcNow);
        await PublishAsync(joined);
        var activation = await PublishedAsync<AccountActivationRequested>(a => a.PersonId == personId);
        return (joined, activation);
    }

    /// <summary>Chooses the password through the activation page, as the person does from the mail.</summary>
    public async Task<HttpResponseMessage> ActivateAsync(string token, string password, string? confirmation = null)
    {
        using var client = NewClient();
        return await client.PostAsync("/account/activate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["password"] = password,
            ["confirmPassword"] = confirmation ?? password,
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>A team member who has activated the account.</summary>
    public async Task<(TeamMemberJoined Joined, AccountActivationRequested Activation)> ActiveTeamMemberAsync(TeamRole role = TeamRole.ProjectLeader, Guid? regionId = null)
    {
        var (joined, activation) = await AddTeamMemberAsync(role, regionId);
        var response = await ActivateAsync(activation.Token, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (joined, activation);
    }

    /// <summary>
    /// Posts to the token endpoint; a password grant without <c>client_id</c> comes from the
    /// portal, the only client still allowed it.
    /// </summary>
    public async Task<HttpResponseMessage> PostTokenAsync(IReadOnlyDictionary<string, string> form, HttpClient? client = null)
    {
        if (!form.ContainsKey("client_id") && form.GetValueOrDefault("grant_type") is "password")
        {
            form = new Dictionary<string, string>(form) { ["client_id"] = PortalClient };
        }

        var own = client is null;
        client ??= NewClient();
        try
        {
            return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        }
        finally
        {
            if (own)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// Signs in as a person does, through the authorization code flow with PKCE (as the
    /// command-line client <c>ku-cli</c>, with a fresh cookie jar); asserts success.
    /// </summary>
    public async Task<TokenSet> SignInAsync(string email, string password)
    {
        using var client = NewClient();
        var tokens = await CodeFlowSignIn.SignInAsync(client, email, password, TestContext.Current.CancellationToken);
        return new TokenSet(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn);
    }

    /// <summary>The one answer to a refused sign-in, whatever the reason.</summary>
    public const string SignInRefused = "E-postadressen eller lösenordet stämmer inte. Försök igen.";

    /// <summary>
    /// Posts the sign-in form of an authorization request: 302 back to the authorization
    /// request when the password is right, else the form again with 400 (429 when throttled).
    /// </summary>
    public async Task<HttpResponseMessage> TrySignInAsync(string email, string password, HttpClient? client = null, string? forwardedFor = null)
    {
        var own = client is null;
        client ??= NewClient();
        try
        {
            var authorization = CodeFlowSignIn.AuthorizationUrl(CodeFlowSignIn.CommandLineClient, CodeFlowSignIn.LoopbackRedirectUri, Pkce.New().Challenge);
            var signInUrl = CodeFlowSignIn.Redirected(await client.GetAsync(authorization, TestContext.Current.CancellationToken), "the authorization request");
            return await CodeFlowSignIn.PostSignInFormAsync(client, signInUrl, email, password, TestContext.Current.CancellationToken,
                request =>
                {
                    if (forwardedFor is not null)
                    {
                        request.Headers.Add("X-Forwarded-For", forwardedFor);
                    }
                });
        }
        finally
        {
            if (own)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Exchanges a refresh token of <see cref="SignInAsync"/> (issued to <c>ku-cli</c>).</summary>
    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = CodeFlowSignIn.CommandLineClient,
        });

}

public sealed record TokenSet(string AccessToken, string? RefreshToken, int ExpiresIn)
{
    public static TokenSet From(JsonElement body) => new(
        body.GetProperty("access_token").GetString()!,
        body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        body.GetProperty("expires_in").GetInt32());
}
