using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// A bearer secret handed out in a link (the one-click answer of an invitation, a personal
/// calendar feed): 256 random bits, URL-safe. Only its SHA-256 hash is stored, so a copy of the
/// database does not let anyone answer or read a feed.
/// </summary>
public static class SecretToken
{
    private const int Bytes = 32;

    /// <summary>Length of the URL-safe base64 text of 32 bytes, without padding.</summary>
    public const int Length = 43;

    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token this service could have issued (a cheap check before touching the database).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token, out var decodedLength) && decodedLength == Bytes;
}
