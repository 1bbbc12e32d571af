using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>RSA keys in PEM files, as an operator would configure them.</summary>
internal static class TestKeys
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("ku-identity-keys-").FullName;

    public static string WritePrivateKey(string directory, string name)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(directory, name + ".pem");
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }

    /// <summary>The public half of a key: what stays published after the key stopped signing.</summary>
    public static string WritePublicKey(string privateKeyPath, string directory, string name)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(privateKeyPath));
        var path = Path.Combine(directory, name + ".pem");
        File.WriteAllText(path, rsa.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    public static RsaSecurityKey Read(string path, string keyId)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
