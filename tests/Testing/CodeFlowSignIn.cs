using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace KollegialtUtbyte.Testing;

/// <summary>The tokens a sign-in gave.</summary>
public sealed record SignedInTokens(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn)
{
    public static SignedInTokens From(JsonElement body) => new(
        body.GetProperty("access_token").GetString()!,
        body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        body.TryGetProperty("id_token", out var id) ? id.GetString() : null,
        body.GetProperty("expires_in").GetInt32());
}

/// <summary>A PKCE pair (RFC 7636, S256).</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce New()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Signs a person in the way the command-line client <c>ku-cli</c> does (RFC 8252): an
/// authorization request with PKCE and a loopback redirect URI, the provider's sign-in form with
/// its antiforgery token, then the code exchanged at the token endpoint. The client must keep
/// cookies and must not follow redirects; the loopback redirect is read, never called.
/// </summary>
public static partial class CodeFlowSignIn
{
    public const string CommandLineClient = "ku-cli";
    public const string LoopbackRedirectUri = "http://127.0.0.1:51789/callback";
    public const string DefaultScope = "openid offline_access";

    /// <summary>The whole flow; asserts each step and returns the tokens.</summary>
    public static async Task<SignedInTokens> SignInAsync(HttpClient client, string email, string password, CancellationToken cancellationToken = default)
    {
        var pkce = Pkce.New();
        var code = await AuthorizeAsync(client, email, password, AuthorizationUrl(CommandLineClient, LoopbackRedirectUri, pkce.Challenge), cancellationToken);
        using var response = await RedeemAsync(client, code, pkce.Verifier, cancellationToken: cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? SignedInTokens.From(body)
            : throw new InvalidOperationException($"Redeeming the code failed: {(int)response.StatusCode} {body}");
    }

    public static string AuthorizationUrl(string clientId, string redirectUri, string? challenge, string method = "S256", string scope = DefaultScope, string state = "state-1")
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
        };
        if (challenge is not null)
        {
            parameters["code_challenge"] = challenge;
            parameters["code_challenge_method"] = method;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", parameters);
    }

    /// <summary>Follows an authorization request through the sign-in form; returns the code the loopback redirect carries.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient client, string email, string password, string authorizationUrl, CancellationToken cancellationToken = default)
    {
        using var toSignIn = await client.GetAsync(authorizationUrl, cancellationToken);
        var location = Redirected(toSignIn, "the authorization request");
        if (!location.StartsWith("/account/sign-in", StringComparison.Ordinal))
        {
            return CodeFrom(location);
        }

        using var signedIn = await PostSignInFormAsync(client, location, email, password, cancellationToken);
        using var back = await client.GetAsync(Redirected(signedIn, "the sign-in form"), cancellationToken);
        return CodeFrom(Redirected(back, "the authorization request after signing in"));
    }

    /// <summary>Reads the sign-in page at <paramref name="signInUrl"/> and posts its form as a person would.</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(
        HttpClient client, string signInUrl, string email, string password, CancellationToken cancellationToken = default, Action<HttpRequestMessage>? decorate = null)
    {
        var page = await client.GetStringAsync(signInUrl, cancellationToken);
        var form = HiddenInputs().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["username"] = email;
        form["password"] = password;
        using var request = new HttpRequestMessage(HttpMethod.Post, signInUrl.Split('?')[0]) { Content = new FormUrlEncodedContent(form) };
        decorate?.Invoke(request);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>The message of a refused sign-in, as the form's error summary says it.</summary>
    public static async Task<string?> RefusalOf(HttpResponseMessage response)
    {
        var match = ErrorSummaryItem().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups["message"].Value) : null;
    }

    public static Task<HttpResponseMessage> RedeemAsync(
        HttpClient client, string code, string? verifier, string clientId = CommandLineClient, string redirectUri = LoopbackRedirectUri, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return client.PostAsync("/connect/token", new FormUrlEncodedContent(form), cancellationToken);
    }

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken, string clientId = CommandLineClient, CancellationToken cancellationToken = default) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
        }), cancellationToken);

    public static string Redirected(HttpResponseMessage response, string what)
    {
        if (response.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb))
        {
            throw new InvalidOperationException($"Expected {what} to redirect, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }

        var location = response.Headers.Location!;
        return location.IsAbsoluteUri && location.Host is not ("127.0.0.1" or "[::1]") ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The code of a redirect to the client; a redirect carrying an error throws with it.</summary>
    public static string CodeFrom(string location)
    {
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://127.0.0.1"), location).Query);
        return query.TryGetValue("code", out var code)
            ? code.ToString()
            : throw new InvalidOperationException($"The redirect carries no code: {location}");
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<li><a href=\"#username\">(?<message>[^<]*)</a></li>")]
    private static partial Regex ErrorSummaryItem();
}
