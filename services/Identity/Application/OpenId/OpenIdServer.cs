using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>
/// The OpenID Connect provider (OpenIddict): its endpoints, the flows it allows, the keys, and
/// its stores in the identity database. What it issues is decided in <c>Api/OpenIdEndpoints</c>.
/// </summary>
public static class OpenIdServer
{
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string RevocationPath = "/connect/revocation";
    public const string IntrospectionPath = "/connect/introspect";
    public const string EndSessionPath = "/connect/endsession";
    public const string JwksPath = "/.well-known/jwks";

    /// <summary>The provider's own sign-in cookie: who has signed in at the provider's sign-in page.</summary>
    public const string SessionScheme = "identity-session";

    public static IHostApplicationBuilder AddOpenIdServer(this IHostApplicationBuilder builder)
    {
        var requireHttps = builder.Configuration.GetValue("Auth:RequireHttpsMetadata", true);
        builder.Services.AddAuthentication().AddCookie(SessionScheme, o =>
        {
            o.Cookie.Name = "ku.identity";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "ku.identity.antiforgery");
        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDb>();
                core.ReplaceApplicationManager(typeof(HashedClientSecrets<>));
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetRevocationEndpointUris(RevocationPath.TrimStart('/'))
                    .SetIntrospectionEndpointUris(IntrospectionPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(JwksPath.TrimStart('/'));

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();

                // Resource servers validate access tokens themselves, as signed JWTs (RFC 9068).
                server.DisableAccessTokenEncryption();

                // A refresh token works once; presenting it again revokes the whole sign-in.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. TokenAudiences.Apis]);
                server.RegisterClaims(ClaimNames.Subject, ClaimNames.Person, ClaimNames.Name, ClaimNames.Email, ClaimNames.Role, ClaimNames.Region, ClaimNames.ClientId, ClaimNames.Scope);

                server.AddEventHandler(PublicAddress.Descriptor);
                server.AddEventHandler(PublicAddress.TransportSecurityDescriptor);
                server.AddEventHandler(RetiredKeys.Descriptor);
                server.AddEventHandler(SignInAttempts.Descriptor);
                server.AddEventHandler(SignInAttempts.ResponseDescriptor);

                // Https is required at the public address (PublicAddress), not on the internal hop
                // from the gateway, which is plain http inside the cluster.
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        ExternalProviders.AddExternalProviders(builder, requireHttps);
        builder.Services.AddSingleton(services => SigningKeyRing.Load(
            services.GetRequiredService<IOptions<IdentityOptions>>(),
            services.GetRequiredService<IHostEnvironment>(),
            services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<ILogger<SigningKeyRing>>()));
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<SigningKeyRing, IOptions<IdentityOptions>, ClientCatalogue>(Configure);
        builder.Services.AddSingleton<ClientCatalogue>();
        builder.Services.AddSingleton<TrustedProxyHeaders>();
        builder.Services.AddSingleton<SignInThrottle>();
        return builder;
    }

    private static void Configure(OpenIddictServerOptions options, SigningKeyRing keys, IOptions<IdentityOptions> settings, ClientCatalogue clients)
    {
        options.Scopes.UnionWith(clients.ClientScopes);

        // The active key signs; the others are published for tokens they signed before a rotation.
        options.SigningCredentials.AddRange(keys.SigningCredentials);
        options.EncryptionCredentials.AddRange(keys.EncryptingCredentials);

        // PKCE with S256 only: "plain" would hand the verifier to whoever sees the request.
        options.CodeChallengeMethods.Clear();
        options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);

        options.AccessTokenLifetime = settings.Value.AccessTokenLifetime;
        options.RefreshTokenLifetime = settings.Value.RefreshTokenLifetime;
        options.AuthorizationCodeLifetime = TimeSpan.FromMinutes(2);
        if (settings.Value.Issuer is { Length: > 0 } issuer)
        {
            options.Issuer = new Uri(issuer.TrimEnd('/') + "/", UriKind.Absolute);
        }
    }

    /// <summary>The scheme the provider's passthrough endpoints authenticate and sign in with.</summary>
    public const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
}
