using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KollegialtUtbyte.Identity.Domain;

/// <summary>
/// Random bearer secrets (refresh tokens, link tokens). The client keeps the secret; Identity
/// keeps only its SHA-256, so a copy of the database cannot be replayed.
/// </summary>
public static class SecretTokens
{
    public static (string Value, string Hash) New()
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (value, Hash(value));
    }

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Compares two secrets in constant time (by their hashes, so lengths do not leak either).</summary>
    public static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
