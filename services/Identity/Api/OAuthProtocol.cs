using System.Net.Http.Headers;
using System.Text;
using KollegialtUtbyte.Identity.Tokens;
using Microsoft.Extensions.Primitives;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>A client as it identified itself: an authenticated confidential client, or a public client's id.</summary>
internal sealed record ClientIdentity(string ClientId, ClientSettings? Confidential);

/// <summary>
/// Reading OAuth 2.0 form posts and answering them as RFC 6749 says: JSON errors with an
/// <c>error</c> code, <c>no-store</c> caching, 401 with <c>WWW-Authenticate</c> for a client that
/// failed to authenticate. Every malformed request is a 400 here, never an exception.
/// </summary>
internal static class OAuthProtocol
{
    public const int MaxClientIdLength = 100;

    public static async Task<(IReadOnlyDictionary<string, string>? Parameters, OAuthError? Error)> ReadFormAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !string.Equals(contentType.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, OAuthError.InvalidRequest("Send the parameters as a form post (Content-Type: application/x-www-form-urlencoded)."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or DecoderFallbackException)
        {
            return (null, OAuthError.InvalidRequest($"The form body could not be read: {e.Message}"));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count > 1)
            {
                return (null, OAuthError.InvalidRequest($"The parameter '{name}' was sent more than once."));
            }

            // RFC 6749 3.1: parameters sent without a value are treated as omitted.
            if (!StringValues.IsNullOrEmpty(values) && values[0] is { Length: > 0 } value)
            {
                parameters[name] = value;
            }
        }

        return (parameters, null);
    }

    /// <summary>
    /// The client from HTTP Basic (RFC 6749 2.3.1) or from <c>client_id</c>/<c>client_secret</c> in
    /// the body. A configured client must authenticate; other ids are public clients, only recorded.
    /// </summary>
    public static (ClientIdentity? Client, OAuthError? Error) IdentifyClient(HttpRequest request, IReadOnlyDictionary<string, string> parameters, ClientRegistry clients)
    {
        var fromBody = parameters.TryGetValue("client_id", out var bodyId);
        parameters.TryGetValue("client_secret", out var bodySecret);
        string? clientId = bodyId;
        string? secret = bodySecret;

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (bodySecret is not null)
            {
                return (null, OAuthError.InvalidRequest("Authenticate the client one way only: HTTP Basic or client_secret in the body."));
            }

            if (!TryReadBasic(authorization["Basic ".Length..], out var basicId, out var basicSecret))
            {
                return (null, OAuthError.InvalidClient("The Basic authorization header is malformed."));
            }

            if (fromBody && !string.Equals(bodyId, basicId, StringComparison.Ordinal))
            {
                return (null, OAuthError.InvalidRequest("client_id in the body differs from the authenticated client."));
            }

            (clientId, secret) = (basicId, basicSecret);
        }

        if (clientId is null)
        {
            return secret is null ? (null, null) : (null, OAuthError.InvalidRequest("client_secret was sent without client_id."));
        }

        if (clientId.Length > MaxClientIdLength || clientId.Any(c => c < 0x20 || c > 0x7E))
        {
            return (null, OAuthError.InvalidClient("The client_id is not valid."));
        }

        if (secret is not null || clients.IsConfidential(clientId))
        {
            var client = secret is null ? null : clients.Authenticate(clientId, secret);
            return client is null
                ? (null, OAuthError.InvalidClient("Client authentication failed."))
                : (new ClientIdentity(client.ClientId, client), null);
        }

        return (new ClientIdentity(clientId, null), null);
    }

    public static IResult Error(HttpContext http, OAuthError error)
    {
        NoStore(http.Response);
        var status = StatusCodes.Status400BadRequest;
        if (error.Error == "invalid_client")
        {
            status = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"kollegialt-utbyte\", charset=\"UTF-8\"";
        }

        return Results.Json(new Dictionary<string, string> { ["error"] = error.Error, ["error_description"] = error.Description }, statusCode: status);
    }

    /// <summary>
    /// 429 with <c>Retry-After</c> (RFC 6585) in the shape of an RFC 6749 error; <c>slow_down</c> is
    /// the code OAuth uses for "too many requests, wait" (RFC 8628 3.5).
    /// </summary>
    public static IResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        NoStore(http.Response);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(
            new Dictionary<string, string> { ["error"] = "slow_down", ["error_description"] = $"Too many sign-in attempts; try again in {seconds} seconds." },
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public static IResult Token(HttpContext http, TokenResponse response)
    {
        NoStore(http.Response);
        var body = new Dictionary<string, object>
        {
            ["access_token"] = response.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = response.ExpiresIn,
        };
        if (response.RefreshToken is not null)
        {
            body["refresh_token"] = response.RefreshToken;
        }

        if (response.Scope is not null)
        {
            body["scope"] = response.Scope;
        }

        return Results.Json(body);
    }

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    private static bool TryReadBasic(string encoded, out string clientId, out string secret)
    {
        clientId = secret = "";
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            // RFC 6749 2.3.1: both parts are form-urlencoded before the Base64 encoding.
            clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
