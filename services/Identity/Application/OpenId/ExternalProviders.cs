using System.Text.RegularExpressions;
using Microsoft.AspNetCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Client.OpenIddictClientEvents;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>One organisation's provider, as the sign-in page and the callback use it.</summary>
public sealed record ExternalProvider(string Name, string DisplayName, Uri Issuer, IReadOnlySet<string> Domains)
{
    /// <summary>The issuer as stored with a link (<c>AspNetUserLogins.LoginProvider</c>): the absolute URI, with its trailing slash.</summary>
    public string LoginProvider => Issuer.AbsoluteUri;

    public bool Serves(string? email) => DomainOf(email) is { } domain && Domains.Contains(domain);

    /// <summary>The host after the one '@' of a plain address (no display name, no comments), lower-cased; null for anything else.</summary>
    public static string? DomainOf(string? email)
    {
        var trimmed = email?.Trim();
        var at = trimmed?.IndexOf('@') ?? -1;
        if (trimmed is null || at <= 0 || at != trimmed.LastIndexOf('@') || trimmed.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var host = trimmed[(at + 1)..];
        return Uri.CheckHostName(host) == UriHostNameType.Dns && host.Contains('.') ? host.ToLowerInvariant() : null;
    }
}

/// <summary>
/// Sign-in with an organisation's own OpenID Connect provider (the OpenIddict client): the
/// authorization code flow with PKCE against each configured provider, the state protected with
/// the provider's own keys, the callback at <see cref="CallbackPath"/>.
/// </summary>
public sealed partial class ExternalProviders
{
    public const string CallbackPath = "/account/external/callback";

    public const string Scheme = OpenIddictClientAspNetCoreDefaults.AuthenticationScheme;

    private readonly IReadOnlyList<ExternalProvider> _providers;

    public ExternalProviders(IOptions<IdentityOptions> settings)
    {
        _providers = [.. settings.Value.ExternalProviders.Select(p => new ExternalProvider(
            p.Name,
            string.IsNullOrWhiteSpace(p.DisplayName) ? p.Name : p.DisplayName,
            IssuerOf(p.Authority!),
            p.Domains.Select(d => d.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)))];
    }

    public bool Any => _providers.Count > 0;

    /// <summary>The providers' origins (scheme, host, port of their issuers), where the sign-in form's answer redirects to.</summary>
    public IReadOnlyList<string> Origins => [.. _providers.Select(p => p.Issuer.GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal)];

    public ExternalProvider? ForEmail(string? email) => _providers.FirstOrDefault(p => p.Serves(email));

    public ExternalProvider? Named(string? name) => _providers.FirstOrDefault(p => p.Name == name);

    public static IHostApplicationBuilder AddExternalProviders(IHostApplicationBuilder builder, bool requireHttps)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .Validate(s => Problems(s.ExternalProviders, requireHttps).Count == 0, "Identity:ExternalProviders: a provider is incompletely configured.")
            .Validate(
                s => s.ExternalProviders.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == s.ExternalProviders.Count,
                "Identity:ExternalProviders: every provider needs a name of its own.");

        builder.Services.AddOpenIddict()
            .AddClient(client =>
            {
                client.AllowAuthorizationCodeFlow();
                client.SetRedirectionEndpointUris(CallbackPath.TrimStart('/'));
                client.AddEventHandler(ClientPublicAddress.Descriptor);
                client.AddEventHandler(Failure.Descriptor);

                // The code comes back in the query (a GET), so the correlation cookie can be SameSite=Lax.
                client.UseAspNetCore()
                    .EnableRedirectionEndpointPassthrough()
                    .DisableAutomaticAuthenticationSchemeForwarding()
                    .DisableTransportSecurityRequirement();
                client.UseSystemNetHttp();
            });

        builder.Services.AddOptions<OpenIddictClientAspNetCoreOptions>().Configure(o =>
        {
            o.CookieBuilder.Name = "ku.identity.external";
            o.CookieBuilder.SameSite = SameSiteMode.Lax;
            o.CookieBuilder.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddOptions<OpenIddictClientOptions>().Configure<SigningKeyRing, IOptions<IdentityOptions>>(Configure);
        builder.Services.AddSingleton<ExternalProviders>();
        return builder;
    }

    /// <summary>What is wrong with the providers' settings, so that startup fails with the field named (never with a secret).</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<ExternalProviderOptions> providers, bool requireHttps)
    {
        var problems = new List<string>();
        foreach (var (p, i) in providers.Select((p, i) => (p, i)))
        {
            var at = $"Identity:ExternalProviders:{i}";
            if (!NamePattern().IsMatch(p.Name))
            {
                problems.Add($"{at}:Name must be letters, digits and '-'.");
            }

            if (!Uri.TryCreate(p.Authority, UriKind.Absolute, out var authority) || authority.Query.Length > 0 || authority.Fragment.Length > 0 ||
                (authority.Scheme != Uri.UriSchemeHttps && (requireHttps || authority.Scheme != Uri.UriSchemeHttp)))
            {
                problems.Add($"{at}:Authority must be an absolute {(requireHttps ? "https" : "http(s)")} URL.");
            }

            if (string.IsNullOrWhiteSpace(p.ClientId))
            {
                problems.Add($"{at}:ClientId is required.");
            }

            if (string.IsNullOrWhiteSpace(p.ClientSecret))
            {
                problems.Add($"{at}:ClientSecret is required (from a secret store or the environment).");
            }

            if (p.Domains.Count == 0 || p.Domains.Any(d => ExternalProvider.DomainOf("x@" + d.Trim()) is null))
            {
                problems.Add($"{at}:Domains must list at least one e-mail domain, e.g. region.se.");
            }
        }

        return problems;
    }

    private static void Configure(OpenIddictClientOptions options, SigningKeyRing keys, IOptions<IdentityOptions> settings)
    {
        // The state sent to a provider is signed and encrypted with the provider's own keys.
        options.SigningCredentials.AddRange(keys.SigningCredentials);
        options.EncryptionCredentials.AddRange(keys.EncryptingCredentials);

        foreach (var provider in settings.Value.ExternalProviders)
        {
            var registration = new OpenIddictClientRegistration
            {
                RegistrationId = provider.Name,
                ProviderName = provider.Name,
                ProviderDisplayName = provider.DisplayName,
                Issuer = IssuerOf(provider.Authority!),
                ClientId = provider.ClientId,
                ClientSecret = provider.ClientSecret,
                RedirectUri = new Uri(CallbackPath.TrimStart('/'), UriKind.Relative),
            };
            registration.Scopes.UnionWith([Scopes.OpenId, Scopes.Email, Scopes.Profile]);
            registration.ResponseModes.Add(ResponseModes.Query);
            options.Registrations.Add(registration);
        }
    }

    private static Uri IssuerOf(string authority) => new(authority.TrimEnd('/') + "/", UriKind.Absolute);

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex NamePattern();

    /// <summary>
    /// The redirect URI sent to a provider is at the suite's public address (the gateway's), as
    /// the provider's own endpoints are (see <see cref="PublicAddress"/>).
    /// </summary>
    public sealed class ClientPublicAddress(IOptions<IdentityOptions> settings, TrustedProxyHeaders proxies) : IOpenIddictClientHandler<ProcessRequestContext>
    {
        public static OpenIddictClientHandlerDescriptor Descriptor { get; } =
            OpenIddictClientHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
                .UseSingletonHandler<ClientPublicAddress>()
                .SetOrder(OpenIddictClientAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
                .SetType(OpenIddictClientHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessRequestContext context)
        {
            if (PublicAddress.Resolve(context.Transaction.GetHttpRequest(), settings.Value, proxies) is ({ } baseUri, { } requestUri))
            {
                context.BaseUri = baseUri;
                context.RequestUri = requestUri;
            }

            return default;
        }
    }

    /// <summary>
    /// When the organisation's provider refused or the answer did not hold (cancelled, a stale or
    /// forged state), the person goes back to the sign-in page of the same authorization request
    /// and is told so, instead of getting a bare error.
    /// </summary>
    public sealed class Failure : IOpenIddictClientHandler<ProcessErrorContext>
    {
        public static OpenIddictClientHandlerDescriptor Descriptor { get; } =
            OpenIddictClientHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
                .UseSingletonHandler<Failure>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictClientHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessErrorContext context)
        {
            var request = context.Transaction.GetHttpRequest();
            if (request is null || context.EndpointType is not OpenIddictClientEndpointType.Redirection)
            {
                return default;
            }

            // The state was read before the error was: it names the authorization request the person came from.
            var authentication = context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!);
            var returnUrl = authentication?.StateTokenPrincipal?.GetClaim(Claims.TargetLinkUri);
            var target = $"{request.PathBase}{Api.SignInPage.Path}?{Api.SignInPage.ExternalFailedField}=1" +
                (returnUrl is null ? "" : $"&{Api.SignInPage.ReturnUrlField}={Uri.EscapeDataString(returnUrl)}");
            context.Logger.LogInformation("A sign-in at an organisation's provider failed: {Error}", context.Error);
            request.HttpContext.Response.Redirect(target);
            context.HandleRequest();
            return default;
        }
    }
}
