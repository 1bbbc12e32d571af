using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>A self-signed certificate with its private key in one PEM file, as the key ring's protector.</summary>
internal static class TestCertificate
{
    public static string PemFile(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=kollegialt-utbyte-portal-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
