using System.Security.Cryptography;
using System.Text;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>
/// The clients configured in <c>Identity:Clients</c>, checked at start: each names its type, its
/// grants, exact redirect URIs, and for machine clients the roles, scopes and APIs of its tokens.
/// </summary>
public sealed class ClientCatalogue
{
    public const string ConfidentialType = "confidential";
    public const string PublicType = "public";
    public const string AuthorizationCodeGrant = GrantTypes.AuthorizationCode;
    public const string ClientCredentialsGrant = GrantTypes.ClientCredentials;

    /// <summary>The public client of command-line tools and scripts that act as a person (code + PKCE, loopback redirect).</summary>
    public const string CommandLineClientId = "ku-cli";

    private readonly Dictionary<string, ClientOptions> _clients = new(StringComparer.Ordinal);

    public ClientCatalogue(IOptions<IdentityOptions> settings)
    {
        foreach (var client in settings.Value.Clients)
        {
            Check(client);
        }

        foreach (var client in settings.Value.Clients.Concat(BuiltIn(settings.Value.Portal, settings.Value.Issuer)))
        {
            if (!_clients.TryAdd(client.ClientId, client))
            {
                throw new InvalidOperationException($"Client '{client.ClientId}' is configured twice.");
            }
        }
    }

    public IReadOnlyCollection<ClientOptions> All => _clients.Values;

    public ClientOptions? Find(string? clientId) => clientId is not null && _clients.TryGetValue(clientId, out var client) ? client : null;

    /// <summary>
    /// Where a finished sign-in may send the browser: the origins of the clients' redirect URIs, on
    /// loopback any port (native clients choose theirs, RFC 8252 7.3). Browsers apply the sign-in
    /// page's form-action to the redirects that answer its form, so the page must allow them.
    /// </summary>
    public IReadOnlyList<string> RedirectOrigins =>
        [.. _clients.Values.SelectMany(c => c.RedirectUris).Select(RedirectOrigin).Distinct(StringComparer.Ordinal)];

    /// <summary>The scopes of machine clients, which the provider must know besides the standard ones and the APIs.</summary>
    public IEnumerable<string> ClientScopes => _clients.Values.SelectMany(c => c.Scopes).Distinct(StringComparer.Ordinal);

    public static IReadOnlyList<string> GrantsOf(ClientOptions client) => client.Grants.Count > 0 ? client.Grants : [ClientCredentialsGrant];

    /// <summary>The clients the suite itself brings: the portal and the command-line client.</summary>
    private static IEnumerable<ClientOptions> BuiltIn(PortalClientOptions portal, string? issuer)
    {
        var publicAddress = string.IsNullOrWhiteSpace(issuer) ? null : issuer.TrimEnd('/');
        if (!string.IsNullOrEmpty(portal.Secret) && !string.IsNullOrEmpty(portal.SecretSha256))
        {
            throw new InvalidOperationException("Identity:Portal needs at most one of Secret and SecretSha256.");
        }

        yield return new ClientOptions
        {
            ClientId = portal.ClientId,
            DisplayName = "Kollegialt utbyte",
            Type = string.IsNullOrEmpty(portal.Secret) && string.IsNullOrEmpty(portal.SecretSha256) ? PublicType : ConfidentialType,
            Grants = [AuthorizationCodeGrant],
            Secret = portal.Secret,
            SecretSha256 = portal.SecretSha256,
            RedirectUris = [.. portal.RedirectUris, .. publicAddress is null ? [] : new[] { publicAddress + "/signin-oidc" }],
            PostLogoutRedirectUris = [.. portal.PostLogoutRedirectUris, .. publicAddress is null ? [] : new[] { publicAddress + "/signout-callback-oidc" }],
        };
        yield return new ClientOptions
        {
            ClientId = CommandLineClientId,
            DisplayName = "Kollegialt utbyte på kommandoraden",
            Type = PublicType,
            Grants = [AuthorizationCodeGrant],
            RedirectUris = ["http://127.0.0.1/callback", "http://[::1]/callback"],
        };
    }

    private static string RedirectOrigin(string redirectUri)
    {
        var uri = new Uri(redirectUri, UriKind.Absolute);
        return uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp ? $"http://{uri.Host}:*" : uri.GetLeftPart(UriPartial.Authority);
    }

    private static void Check(ClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            throw new InvalidOperationException("Every entry of Identity:Clients needs a ClientId.");
        }

        var name = $"Client '{client.ClientId}'";
        var grants = GrantsOf(client);
        if (grants.Except([AuthorizationCodeGrant, ClientCredentialsGrant], StringComparer.Ordinal).FirstOrDefault() is { } unknownGrant)
        {
            throw new InvalidOperationException($"{name}: grant '{unknownGrant}' is not offered; use {AuthorizationCodeGrant} or {ClientCredentialsGrant}.");
        }

        var isPublic = client.Type switch
        {
            ConfidentialType => false,
            PublicType => true,
            _ => throw new InvalidOperationException($"{name}: Type must be '{ConfidentialType}' or '{PublicType}'."),
        };
        if (isPublic)
        {
            if (!string.IsNullOrEmpty(client.Secret) || !string.IsNullOrEmpty(client.SecretSha256))
            {
                throw new InvalidOperationException($"{name} is public: a program on a person's machine cannot keep a secret, so it has none.");
            }

            if (grants.Contains(ClientCredentialsGrant))
            {
                throw new InvalidOperationException($"{name} is public and cannot use {ClientCredentialsGrant}.");
            }
        }
        else if (string.IsNullOrEmpty(client.Secret) == string.IsNullOrEmpty(client.SecretSha256))
        {
            throw new InvalidOperationException($"{name} needs exactly one of Secret and SecretSha256.");
        }

        if (client.SecretSha256 is { Length: > 0 } hex && (hex.Length != 64 || !hex.All(Uri.IsHexDigit)))
        {
            throw new InvalidOperationException($"{name}: SecretSha256 must be 64 hexadecimal digits.");
        }

        if (grants.Contains(AuthorizationCodeGrant))
        {
            if (client.RedirectUris.Count == 0)
            {
                throw new InvalidOperationException($"{name} uses {AuthorizationCodeGrant} and needs RedirectUris.");
            }

            foreach (var uri in client.RedirectUris.Concat(client.PostLogoutRedirectUris))
            {
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0 ||
                    (parsed.Scheme != Uri.UriSchemeHttps && !(parsed.Scheme == Uri.UriSchemeHttp && (parsed.IsLoopback || !isPublic))))
                {
                    throw new InvalidOperationException($"{name}: '{uri}' is not an absolute https URI without fragment (a public client may use http on loopback).");
                }
            }
        }

        var unknownRoles = client.Roles.Where(r => !AccountRoles.IsKnown(r)).ToList();
        if (unknownRoles.Count > 0)
        {
            throw new InvalidOperationException($"{name} names unknown role(s): {string.Join(", ", unknownRoles)}.");
        }

        var unknownAudiences = client.Audiences.Where(a => !TokenAudiences.Apis.Contains(a, StringComparer.Ordinal)).ToList();
        if ((grants.Contains(ClientCredentialsGrant) && client.Audiences.Count == 0) || unknownAudiences.Count > 0)
        {
            throw new InvalidOperationException(
                $"{name} needs Audiences from: {string.Join(", ", TokenAudiences.Apis)}" +
                (unknownAudiences.Count > 0 ? $" (unknown: {string.Join(", ", unknownAudiences)})." : "."));
        }
    }
}

/// <summary>
/// Runs at every start, after the migrations: the provider's application store holds exactly
/// the configured clients, with the permissions their grants need. Configuration is the only
/// place clients are defined.
/// </summary>
public sealed class ClientRegistration(ClientCatalogue catalogue, IOpenIddictApplicationManager applications, ILogger<ClientRegistration> logger)
    : IDatabaseSeeder<IdentityDb>
{
    public async Task SeedAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        var configured = catalogue.All.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clientId is null || !configured.Contains(clientId))
            {
                logger.LogInformation("Removing client {ClientId}, which is no longer configured", clientId);
                await applications.DeleteAsync(application, cancellationToken);
            }
        }

        foreach (var client in catalogue.All)
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    private static OpenIddictApplicationDescriptor Describe(ClientOptions client)
    {
        var isPublic = client.Type == ClientCatalogue.PublicType;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName ?? client.ClientId,
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,

            // Native: a loopback redirect URI may name any port (RFC 8252 7.3).
            ApplicationType = isPublic ? ApplicationTypes.Native : ApplicationTypes.Web,
            ClientSecret = client.Secret ?? (client.SecretSha256 is { } hex ? HashedClientSecrets.StoredForm(hex) : null),
            ConsentType = ConsentTypes.Implicit,
        };

        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation]);
        if (!isPublic)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        var grants = ClientCatalogue.GrantsOf(client);
        if (grants.Contains(ClientCatalogue.AuthorizationCodeGrant))
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            ]);
            descriptor.Permissions.UnionWith(TokenAudiences.Apis.Select(api => Permissions.Prefixes.Scope + api));
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        }

        if (grants.Contains(ClientCatalogue.ClientCredentialsGrant))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
            descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
        }

        return descriptor;
    }
}

/// <summary>
/// Client secrets as OpenIddict keeps them (a salted slow hash), and besides those the SHA-256
/// form of <c>SecretSha256</c>, so configuration need never hold a machine client's secret.
/// Those secrets are long random values, for which one SHA-256 is as good as a slow hash.
/// </summary>
public sealed class HashedClientSecrets<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        HashedClientSecrets.IsStoredForm(secret) ? ValueTask.FromResult(secret) : base.ObfuscateClientSecretAsync(secret, cancellationToken);

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        if (!HashedClientSecrets.IsStoredForm(comparand))
        {
            return base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.FromHexString(comparand[HashedClientSecrets.Prefix.Length..]);
        return ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(presented, expected));
    }
}

public static class HashedClientSecrets
{
    public const string Prefix = "sha256:";

    public static string StoredForm(string hex) => Prefix + hex.ToLowerInvariant();

    public static bool IsStoredForm(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length == Prefix.Length + 64;
}
