using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>
/// The Data Protection key ring that encrypts the portal's cookies (sign-in with the person's
/// tokens, antiforgery). Every replica must read the same ring, or a cookie issued by one is
/// garbage to the next: one application name, one key directory, and in Production the keys
/// encrypted at rest with a certificate, since the ring unlocks every session's tokens.
/// </summary>
public static class PortalKeyRing
{
    /// <summary>The same for every replica (and the embedded host), so their cookies are interchangeable.</summary>
    public const string ApplicationName = "kollegialt-utbyte-portal";

    public static IHostApplicationBuilder AddPortalKeyRing(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);

        if (builder.Environment.IsProduction() && (string.IsNullOrWhiteSpace(settings.KeysPath) || string.IsNullOrWhiteSpace(settings.Certificate.Path)))
        {
            throw new InvalidOperationException(
                "Portal: in Production DataProtection:KeysPath (a directory every replica shares) and DataProtection:Certificate:Path " +
                "(a PEM or PFX certificate with its private key that encrypts the keys at rest) must be set; the portal does not start without them.");
        }

        if (!string.IsNullOrWhiteSpace(settings.KeysPath))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(settings.KeysPath));
        }

        if (!string.IsNullOrWhiteSpace(settings.Certificate.Path))
        {
            // Also registers the certificate for decryption, so no certificate store is needed.
            dataProtection.ProtectKeysWithCertificate(settings.Certificate.Load());
        }
        else if (builder.Environment.IsDevelopment())
        {
            // Development keys are unencrypted at rest by design: the key manager's warning about it
            // (on every first run) says nothing a developer can act on. Outside Development it stays.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }

        return builder;
    }
}

/// <summary>Section <c>DataProtection</c>.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Directory of the key ring, shared by every replica (a volume); unset outside Production: the framework's default.</summary>
    public string? KeysPath { get; set; }

    public KeyRingCertificate Certificate { get; set; } = new();
}

/// <summary>The certificate that encrypts the keys at rest.</summary>
public sealed class KeyRingCertificate
{
    /// <summary>A PFX file, or a PEM certificate (with its private key in the same file or in <see cref="KeyPath"/>).</summary>
    public string? Path { get; set; }

    /// <summary>The PEM private key when it is not in <see cref="Path"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PFX file or an encrypted PEM key.</summary>
    public string? Password { get; set; }

    public X509Certificate2 Load()
    {
        var path = Path ?? throw new InvalidOperationException("DataProtection:Certificate:Path is not set.");
        var certificate = System.IO.Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12"
            ? X509CertificateLoader.LoadPkcs12FromFile(path, Password)
            : Password is { Length: > 0 }
                ? X509Certificate2.CreateFromEncryptedPemFile(path, Password, KeyPath)
                : X509Certificate2.CreateFromPemFile(path, KeyPath);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection:Certificate: '{path}' has no private key; the portal could not read its own keys back.");
    }
}
