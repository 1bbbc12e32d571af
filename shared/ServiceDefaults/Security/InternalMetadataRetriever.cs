using Microsoft.IdentityModel.Protocols;

namespace KollegialtUtbyte.ServiceDefaults.Security;

/// <summary>
/// Reads the identity service's documents where <c>Auth:MetadataAddress</c> points (e.g. inside a
/// cluster). The discovery document advertises only public URLs (the issuer's); a JWKS address
/// under the public authority is fetched from the metadata address's origin instead, so a
/// service never depends on reaching the public address from inside.
/// </summary>
internal sealed class InternalMetadataRetriever(Uri authority, Uri metadata, bool requireHttps) : IDocumentRetriever
{
    private readonly HttpDocumentRetriever _http = new() { RequireHttps = requireHttps };

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        _http.GetDocumentAsync(Internal(address), cancel);

    private string Internal(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) ||
            Uri.Compare(uri, authority, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return address;
        }

        return new UriBuilder(uri) { Scheme = metadata.Scheme, Host = metadata.Host, Port = metadata.Port }.Uri.ToString();
    }
}
