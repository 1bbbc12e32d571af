namespace KollegialtUtbyte.Identity;

/// <summary>Section <c>Identity</c>: how the identity service issues tokens and whom it knows from configuration.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The <c>iss</c> of every token and the start of every URL the discovery document advertises:
    /// the suite's public address (the gateway's). Unset means the address a trusted proxy
    /// forwarded, or else the request's base URL.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Networks (CIDR) whose <c>X-Forwarded-Proto</c>/<c>-Host</c> are believed when no issuer is
    /// configured; none configured means loopback only (a gateway on the same machine).
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a refresh token may wait unused; every use gives a new one.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan ActivationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long the links that confirm or stop a change of e-mail address work.</summary>
    public TimeSpan EmailChangeLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Wrong passwords in a row before the account is locked for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The first lockout; each further one (until a successful sign-in) lasts twice as long, up to <see cref="MaxLockoutDuration"/>.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan MaxLockoutDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rate limits of sign-in attempts (<c>/connect/token</c>) and password-reset requests.</summary>
    public SignInThrottleOptions Throttle { get; set; } = new();

    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>
    /// RSA keys in PEM files. All are published in the JWKS; the one marked <c>Active</c> (or the
    /// only one) signs new tokens. Rotate by publishing the new key first, then making it active,
    /// and remove the old one once the tokens it signed have expired.
    /// </summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>
    /// Optional: an RSA key (PEM) of its own that encrypts authorization codes and refresh tokens.
    /// Unset, keys derived from the signing keys' private halves do (see <c>SigningKeyRing</c>).
    /// </summary>
    public EncryptionKeyOptions EncryptionKey { get; set; } = new();

    /// <summary>The portal, a client the provider always knows; its secret and addresses come from here.</summary>
    public PortalClientOptions Portal { get; set; } = new();

    /// <summary>Further clients: machine clients (client credentials) and a region's own systems.</summary>
    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// Organisations whose staff sign in with their own OpenID Connect provider (Microsoft Entra
    /// ID, an eID broker). An external identity is only ever linked to an existing account.
    /// </summary>
    public List<ExternalProviderOptions> ExternalProviders { get; set; } = [];

    public AdministratorOptions Administrator { get; set; } = new();

    /// <summary>
    /// Development only: every provisioned account is activated with this password, so the
    /// embedded demo can sign in as anyone. Ignored in every other environment.
    /// </summary>
    public string? DemoPassword { get; set; }
}

public sealed class SigningKeyOptions
{
    /// <summary>A PEM file holding an RSA private key (or only the public key of a retired key still published).</summary>
    public string? Path { get; set; }

    /// <summary>The <c>kid</c>; unset means the key's RFC 7638 thumbprint.</summary>
    public string? KeyId { get; set; }

    public bool Active { get; set; }
}

/// <summary>
/// Section <c>Identity:Portal</c>: the portal signs people in with the authorization code flow
/// and PKCE; with a secret it is a confidential client (as in production), without one (a
/// developer's machine) a public one.
/// </summary>
public sealed class PortalClientOptions
{
    public string ClientId { get; set; } = "portal";

    public string? Secret { get; set; }

    public string? SecretSha256 { get; set; }

    /// <summary>Where the portal receives the code, besides <c>{Issuer}/signin-oidc</c> (the portal behind the gateway).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where a person returns after signing out at the provider, besides <c>{Issuer}/signout-callback-oidc</c>.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public sealed class EncryptionKeyOptions
{
    public string? Path { get; set; }
}

public sealed class ClientOptions
{
    public string ClientId { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>
    /// <c>confidential</c> (the default: a server that keeps a secret) or <c>public</c> (a
    /// command-line tool on a person's machine, which signs in with a loopback redirect, RFC 8252).
    /// </summary>
    public string Type { get; set; } = "confidential";

    /// <summary>
    /// The grants: <c>authorization_code</c> (people, always with PKCE S256; refresh tokens come
    /// with it) and <c>client_credentials</c> (a machine acting for itself, the default).
    /// </summary>
    public List<string> Grants { get; set; } = [];

    /// <summary>Where the code may be sent, compared exactly (a public client's loopback port may vary, RFC 8252 7.3).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where a person may be sent after signing out at the provider.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>The client's secret (from a secret store or the environment, never a file in the repository).</summary>
    public string? Secret { get; set; }

    /// <summary>Alternatively the secret's SHA-256 in hex, so configuration never holds the secret itself.</summary>
    public string? SecretSha256 { get; set; }

    /// <summary>Roles the client's tokens carry.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Scopes the client may ask for; it gets all of them when it asks for none.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The APIs (<c>regions</c>, <c>meetings</c>, <c>feedback</c>, <c>identity</c>) the client's tokens are for; no others accept them.</summary>
    public List<string> Audiences { get; set; } = [];
}

/// <summary>
/// Section <c>Identity:ExternalProviders:n</c>: one organisation's OpenID Connect provider. The
/// client secret comes from a secret store or the environment, never a file in the repository.
/// </summary>
public sealed class ExternalProviderOptions
{
    /// <summary>A short, stable name (letters, digits, '-'), e.g. <c>region-varmland</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The organisation's name as the sign-in page shows it.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The provider's issuer; its discovery document is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The e-mail domains whose people sign in there (e.g. <c>regionvarmland.se</c>). The provider
    /// is believed only for addresses in these domains.
    /// </summary>
    public List<string> Domains { get; set; } = [];
}

/// <summary>The first administrator. Without a password the account is created unactivated and an activation link is mailed.</summary>
public sealed class AdministratorOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string Name { get; set; } = "Administratör";
}

/// <summary>
/// Section <c>Identity:Throttle</c>: how often one account name and one client address may try
/// to sign in, and ask for password-reset links; beyond that the answer is 429 with Retry-After.
/// </summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Password (and client-secret) attempts per account name within <see cref="AccountWindow"/>.</summary>
    public int AttemptsPerAccount { get; set; } = 10;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts per client address within <see cref="AddressWindow"/>. Sign-ins through the portal
    /// all come from the portal's address, so this is sized for the portal's peak.
    /// </summary>
    public int AttemptsPerAddress { get; set; } = 120;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reset links mailed to one address within <see cref="ResetWindow"/>; further requests are answered the same but send nothing.</summary>
    public int ResetLinksPerAccount { get; set; } = 3;

    public TimeSpan ResetWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reset requests per client address within <see cref="ResetWindow"/>.</summary>
    public int ResetRequestsPerAddress { get; set; } = 30;
}
