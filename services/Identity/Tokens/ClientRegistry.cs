using System.Security.Cryptography;
using System.Text;
using KollegialtUtbyte.Identity.Domain;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Identity.Tokens;

/// <summary>The machine clients configured in <c>Identity:Clients</c>, and checking their secrets.</summary>
public sealed class ClientRegistry
{
    private readonly Dictionary<string, ClientSettings> _clients;

    public ClientRegistry(IOptions<IdentitySettings> settings)
    {
        _clients = new Dictionary<string, ClientSettings>(StringComparer.Ordinal);
        foreach (var client in settings.Value.Clients)
        {
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                throw new InvalidOperationException("Every entry of Identity:Clients needs a ClientId.");
            }

            if (string.IsNullOrEmpty(client.Secret) == string.IsNullOrEmpty(client.SecretSha256))
            {
                throw new InvalidOperationException($"Client '{client.ClientId}' needs exactly one of Secret and SecretSha256.");
            }

            if (client.SecretSha256 is { Length: > 0 } hex && (hex.Length != 64 || !hex.All(Uri.IsHexDigit)))
            {
                throw new InvalidOperationException($"Client '{client.ClientId}': SecretSha256 must be 64 hexadecimal digits.");
            }

            var unknownRoles = client.Roles.Where(r => !AccountRoles.IsKnown(r)).ToList();
            if (unknownRoles.Count > 0)
            {
                throw new InvalidOperationException($"Client '{client.ClientId}' names unknown role(s): {string.Join(", ", unknownRoles)}.");
            }

            var unknownAudiences = client.Audiences.Where(a => !TokenAudiences.Apis.Contains(a, StringComparer.Ordinal)).ToList();
            if (client.Audiences.Count == 0 || unknownAudiences.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Client '{client.ClientId}' needs Audiences from: {string.Join(", ", TokenAudiences.Apis)}" +
                    (unknownAudiences.Count > 0 ? $" (unknown: {string.Join(", ", unknownAudiences)})." : "."));
            }

            if (!_clients.TryAdd(client.ClientId, client))
            {
                throw new InvalidOperationException($"Client '{client.ClientId}' is configured twice.");
            }
        }
    }

    public IReadOnlyCollection<string> AllScopes => _clients.Values.SelectMany(c => c.Scopes).Distinct().Order().ToList();

    public bool IsConfidential(string clientId) => _clients.ContainsKey(clientId);

    /// <summary>The client, if the id is known and the secret is its secret; compared as hashes in constant time.</summary>
    public ClientSettings? Authenticate(string clientId, string secret)
    {
        if (!_clients.TryGetValue(clientId, out var client))
        {
            // Same work as for a known client, so timing does not tell which ids exist.
            SecretTokens.SameSecret(secret, clientId);
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var expected = client.SecretSha256 is { Length: > 0 } hex
            ? Convert.FromHexString(hex)
            : SHA256.HashData(Encoding.UTF8.GetBytes(client.Secret!));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? client : null;
    }
}
