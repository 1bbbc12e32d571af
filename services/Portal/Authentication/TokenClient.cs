using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Portal.Authentication;

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>What the token endpoint said when it refused (RFC 6749 §5.2).</summary>
public sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? Description);

/// <summary>The portal's side of OAuth after signing in: refresh and revocation at the identity service.</summary>
public sealed class TokenClient(IHttpClientFactory clients, IOptions<PortalOptions> settings)
{
    public Task<(TokenResponse? Tokens, TokenError? Error)> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync(WithClient(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }), cancellationToken);

    public async Task RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(WithClient(new Dictionary<string, string>
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
        }));
        using var response = await Client().PostAsync("/connect/revocation", content, cancellationToken);
    }

    private async Task<(TokenResponse?, TokenError?)> RequestAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Client().PostAsync("/connect/token", content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken), null);
        }

        var error = response.Content.Headers.ContentType?.MediaType == "application/json"
            ? await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken)
            : null;
        return (null, error ?? new TokenError("server_error", $"HTTP {(int)response.StatusCode}"));
    }

    private Dictionary<string, string> WithClient(Dictionary<string, string> form)
    {
        form["client_id"] = settings.Value.ClientId;
        if (settings.Value.ClientSecret is { Length: > 0 } secret)
        {
            form["client_secret"] = secret;
        }

        return form;
    }

    private HttpClient Client() => clients.CreateClient(Gateway.GatewayClientExtensions.AnonymousClient);
}
