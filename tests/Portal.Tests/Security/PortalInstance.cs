using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>
/// The identity service as far as the portal's sign-in needs it: a discovery document, an
/// authorization endpoint that signs the person in when the password is right (posted to it
/// directly; the real sign-in page has its own tests), the token endpoint for codes and refresh
/// tokens, revocation and end-session; tokens come from a <see cref="TestTokenIssuer"/>.
/// </summary>
public sealed class IdentityStandIn : IAsyncDisposable
{
    public const string Password = "rätt-lösenord-för-test";
    public const string EndSessionPath = "/connect/endsession";

    private readonly WebApplication _app;

    private IdentityStandIn(WebApplication app, TestTokenIssuer issuer)
    {
        _app = app;
        Issuer = issuer;
        Address = app.Services.ServerAddress();
    }

    public TestTokenIssuer Issuer { get; }

    public Uri Address { get; }

    /// <summary>Who the next sign-in signs in as.</summary>
    public TestUser User { get; set; } = TestUser.Administrator();

    public List<string> Revoked { get; } = [];

    /// <param name="services">The services' routes a test answers in place of the gateway's (the portal's gateway is this stand-in).</param>
    public static async Task<IdentityStandIn> StartAsync(Action<WebApplication>? services = null)
    {
        var issuer = await TestTokenIssuer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ListenOnLoopback();
        var app = builder.Build();
        IdentityStandIn? self = null;
        var nonces = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>();
        using var keys = new HttpClient();
        var jwks = await keys.GetStringAsync(issuer.Issuer + "/.well-known/jwks");
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Issuer,
            ["authorization_endpoint"] = self!.Address + "connect/authorize",
            ["token_endpoint"] = self.Address + "connect/token",
            ["end_session_endpoint"] = self.Address + EndSessionPath.TrimStart('/'),
            ["jwks_uri"] = self.Address + ".well-known/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () => Results.Text(jwks, "application/json"));
        app.MapPost("/connect/authorize", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["password"] != Password)
            {
                return Results.Text("E-postadressen eller lösenordet stämmer inte.", statusCode: StatusCodes.Status400BadRequest);
            }

            var code = Guid.NewGuid().ToString("N");
            nonces[code] = context.Request.Query["nonce"];
            return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
                context.Request.Query["redirect_uri"].ToString(),
                new Dictionary<string, string?> { ["code"] = code, ["state"] = context.Request.Query["state"] }));
        });
        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string? nonce = null;
            var known = form["grant_type"] == "refresh_token" || nonces.TryRemove(form["code"].ToString(), out nonce);
            return known
                ? Results.Json(new
                {
                    access_token = issuer.CreateToken(self!.User),
                    refresh_token = "refresh-" + Guid.NewGuid().ToString("N"),
                    id_token = issuer.CreateIdToken(self.User, form["client_id"].ToString(), nonce),
                    token_type = "Bearer",
                    expires_in = 600,
                })
                : Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        });
        app.MapPost("/connect/revocation", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            lock (self!.Revoked)
            {
                self.Revoked.Add(form["token"].ToString());
            }

            return Results.Ok();
        });
        services?.Invoke(app);
        await app.StartAsync();
        self = new IdentityStandIn(app, issuer);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

/// <summary>
/// The portal alone on a loopback port, in a chosen environment with chosen settings, and a
/// browser-like client that keeps cookies by hand (so a test sees every attribute and can carry
/// one instance's cookie to another).
/// </summary>
public sealed class PortalInstance : IAsyncDisposable
{
    private readonly WebApplicationFactory<PortalApplication> _factory;

    private PortalInstance(WebApplicationFactory<PortalApplication> factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    public const string PublisherName = "Region Testland";

    public const string PublisherEmail = "kontakt@testland.example";

    public Uri Address { get; }

    /// <summary>Starts the portal; throws what the start threw when the configuration is refused.</summary>
    public static PortalInstance Start(IdentityStandIn identity, string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new WebApplicationFactory<PortalApplication>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Auth:Authority", identity.Issuer.Issuer);
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Portal:GatewayUrl", identity.Address.ToString());
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // Production requires the responsible authority; a test that checks the refusal blanks these.
            b.UseSetting("Portal:Publisher:Name", PublisherName);
            b.UseSetting("Portal:Publisher:Email", PublisherEmail);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                b.UseSetting(key, value);
            }
        });
        factory.ListenOnLoopback();
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        var address = factory.Services.ServerAddress();
        return new PortalInstance(factory, address);
    }

    public PortalClient Client(Action<HttpRequestMessage>? decorate = null) => new(Address, decorate);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>Requests with the cookies received so far; every Set-Cookie line is kept for inspection.</summary>
public sealed partial class PortalClient(Uri address, Action<HttpRequestMessage>? decorate) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };

    public Dictionary<string, string> Cookies { get; } = [];

    /// <summary>Every Set-Cookie header received, in order.</summary>
    public List<string> SetCookies { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> form, Action<HttpRequestMessage>? extra = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        extra?.Invoke(request);
        return SendAsync(request);
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"{path} has no antiforgery token:\n{html}");
    }

    /// <summary>
    /// Signs in as a browser would: the portal sends it to the provider, the provider (here the
    /// stand-in, given the password) sends it back with a code, and the portal's callback answers.
    /// Returns the callback's answer, or the provider's when it refused.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl = "/")
    {
        using var toProvider = await GetAsync("/logga-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var authorization = toProvider.Headers.Location ?? throw new Xunit.Sdk.XunitException($"/logga-in did not redirect: {(int)toProvider.StatusCode}");
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await provider.PostAsync(authorization, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = email,
            ["password"] = password,
        }), TestContext.Current.CancellationToken);
        if (answer.Headers.Location is not { } callback)
        {
            return answer;
        }

        answer.Dispose();
        return await GetAsync(callback.PathAndQuery);
    }

    /// <summary>Signed in as far as the portal's pages tell: the header offers signing out.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await GetAsync("/");
        return (await response.Content.ReadAsStringAsync()).Contains("action=\"/konto/logga-ut\"", StringComparison.Ordinal);
    }

    /// <summary>The Set-Cookie lines that set (not clear) cookies whose name starts with <paramref name="prefix"/>.</summary>
    public IEnumerable<string> SetCookiesNamed(string prefix) =>
        SetCookies.Where(c => c.StartsWith(prefix, StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        decorate?.Invoke(request);
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        foreach (var line in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookies.Add(line);
            var pair = line.Split(';')[0];
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..separator], pair[(separator + 1)..]);
            if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
