using System.Security.Cryptography;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>An RSA key the identity service publishes; <see cref="CanSign"/> when its private half is known.</summary>
public sealed class SigningKey
{
    public SigningKey(RSA rsa, string? keyId)
    {
        CanSign = HasPrivateKey(rsa);
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(false));
        KeyId = string.IsNullOrWhiteSpace(keyId)
            ? Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey).ComputeJwkThumbprint())
            : keyId;
        Key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        PublicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = KeyId });
    }

    public string KeyId { get; }

    public RsaSecurityKey Key { get; }

    public JsonWebKey PublicJwk { get; }

    public bool CanSign { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);

    private static bool HasPrivateKey(RSA rsa)
    {
        try
        {
            rsa.ExportParameters(true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>
/// The keys from configuration (<c>Identity:SigningKeys</c>): all published in the JWKS, one
/// active for signing; and the keys that encrypt the provider's own tokens (authorization codes,
/// refresh tokens), which nobody else reads. Only in Development, when none is configured, a key
/// is generated once and kept in the data directory so tokens survive restarts.
/// </summary>
public sealed class SigningKeyRing
{
    public const int MinimumKeySize = 2048;
    public const string DevelopmentKeyFile = "identity-signing-key.pem";

    private SigningKeyRing(IReadOnlyList<SigningKey> published, SigningKey active, IReadOnlyList<SecurityKey> encryption)
    {
        Published = published;
        Active = active;
        Encryption = encryption;
    }

    public IReadOnlyList<SigningKey> Published { get; }

    public SigningKey Active { get; }

    /// <summary>Encrypt codes and refresh tokens (the first; the others still decrypt); never published.</summary>
    public IReadOnlyList<SecurityKey> Encryption { get; }

    /// <summary>What signs, the active key first; the others are kept for what they signed before a rotation.</summary>
    public IEnumerable<SigningCredentials> SigningCredentials =>
        Published.Where(k => k.CanSign).OrderByDescending(k => k == Active).Select(k => k.Credentials);

    /// <summary>What encrypts, in the order of <see cref="Encryption"/>.</summary>
    public IEnumerable<EncryptingCredentials> EncryptingCredentials =>
        Encryption.Select(key => key is SymmetricSecurityKey
            ? new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512)
            : new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));

    /// <summary>
    /// Without a configured encryption key: an AES-256 key derived (HKDF) from a signing key's
    /// private half, under a label of its own, so the keys used for signing and for encrypting
    /// differ while replicas and restarts agree on them without another secret to distribute.
    /// </summary>
    private static SymmetricSecurityKey DerivedEncryptionKey(SigningKey key)
    {
        var secret = key.Key.Rsa.ExportPkcs8PrivateKey();
        try
        {
            var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: "kollegialt-utbyte token encryption"u8.ToArray());
            return new SymmetricSecurityKey(derived) { KeyId = key.KeyId + "-enc" };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public static SigningKeyRing Load(IOptions<IdentityOptions> options, IHostEnvironment environment, IConfiguration configuration, ILogger<SigningKeyRing> logger)
    {
        var configured = options.Value.SigningKeys.Where(k => !string.IsNullOrWhiteSpace(k.Path)).ToList();
        if (configured.Count == 0)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Identity:SigningKeys names no key. Configure an RSA private key in PEM (Identity:SigningKeys:0:Path); " +
                    "a key is generated only in Development.");
            }

            configured = [new SigningKeyOptions { Path = DevelopmentKeyPath(configuration, logger), Active = true }];
        }

        var keys = configured.Select(k => (Settings: k, Key: new SigningKey(ReadPem(k.Path!), k.KeyId))).ToList();
        var duplicate = keys.GroupBy(k => k.Key.KeyId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Identity:SigningKeys has two keys with kid '{duplicate.Key}'.");
        }

        var marked = keys.Where(k => k.Settings.Active).ToList();
        var active = marked.Count switch
        {
            1 => marked[0].Key,
            0 when keys.Count == 1 => keys[0].Key,
            0 => throw new InvalidOperationException("Identity:SigningKeys has several keys; mark the one that signs new tokens with Active = true."),
            _ => throw new InvalidOperationException("Identity:SigningKeys marks more than one key Active; exactly one signs new tokens."),
        };
        if (!active.CanSign)
        {
            throw new InvalidOperationException($"The active signing key '{active.KeyId}' is a public key; the active key needs its private key.");
        }

        logger.LogInformation("Signing tokens with key {KeyId}; publishing {Count} key(s)", active.KeyId, keys.Count);
        var encryption = options.Value.EncryptionKey.Path is { Length: > 0 } encryptionPath
            ? [new RsaSecurityKey(ReadPem(encryptionPath))]
            : keys.Select(k => k.Key).Where(k => k.CanSign).OrderByDescending(k => k == active).Select(DerivedEncryptionKey).ToList<SecurityKey>();
        return new SigningKeyRing(keys.Select(k => k.Key).ToList(), active, encryption);
    }

    private static RSA ReadPem(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Signing key file '{path}' does not exist.");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"Signing key file '{path}' holds no unencrypted RSA key in PEM: {e.Message}", e);
        }

        if (rsa.KeySize < MinimumKeySize)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"Signing key '{path}' has {rsa.KeySize} bits; at least {MinimumKeySize} are required.");
        }

        return rsa;
    }

    private static string DevelopmentKeyPath(IConfiguration configuration, ILogger logger)
    {
        var dataDirectory = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.DataDirectory ?? new DatabaseOptions().DataDirectory;
        var path = Path.GetFullPath(Path.Combine(dataDirectory, DevelopmentKeyFile));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(MinimumKeySize);
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Only ever reached in Development, where a generated key is expected: no warning on a clean start.
        logger.LogInformation("Generated a development key at {Path}; configure Identity:SigningKeys outside Development", path);
        return path;
    }
}

/// <summary>Loads the keys at start so a misconfigured key stops the service at once instead of at its first sign-in.</summary>
internal sealed class SigningKeyCheck(SigningKeyRing keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.Active;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Publishes the retired keys configured without their private half (they sign nothing any
/// more) beside the provider's signing keys, so tokens they signed validate until they expire.
/// </summary>
public sealed class RetiredKeys(SigningKeyRing keys) : OpenIddict.Server.IOpenIddictServerHandler<OpenIddict.Server.OpenIddictServerEvents.HandleJsonWebKeySetRequestContext>
{
    public static OpenIddict.Server.OpenIddictServerHandlerDescriptor Descriptor { get; } =
        ServerHandlers.Custom<OpenIddict.Server.OpenIddictServerEvents.HandleJsonWebKeySetRequestContext, RetiredKeys>(int.MaxValue - 200_000);

    public ValueTask HandleAsync(OpenIddict.Server.OpenIddictServerEvents.HandleJsonWebKeySetRequestContext context)
    {
        foreach (var key in keys.Published.Where(k => !k.CanSign))
        {
            var jwk = new JsonWebKey
            {
                Kty = JsonWebAlgorithmsKeyTypes.RSA,
                Use = JsonWebKeyUseNames.Sig,
                Alg = SecurityAlgorithms.RsaSha256,
                Kid = key.KeyId,
                N = key.PublicJwk.N,
                E = key.PublicJwk.E,
            };
            context.Keys.Add(jwk);
        }

        return default;
    }
}
