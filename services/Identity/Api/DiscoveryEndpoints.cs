using System.Text.Json.Nodes;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Identity.Tokens;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>
/// The OpenID Connect discovery document and the JWKS, from which every service (and the
/// gateway) learns the issuer and the keys to validate tokens with.
/// </summary>
public static class DiscoveryEndpoints
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks";

    // Short enough that a newly published key reaches validators well before it signs anything.
    private const string Caching = "public, max-age=300";

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(DiscoveryPath, Discovery).AllowAnonymous();
        app.MapGet(JwksPath, Jwks).AllowAnonymous();
        return app;
    }

    private static IResult Discovery(HttpContext http, IssuerNames issuers, ClientRegistry clients)
    {
        // Every advertised URL is public (the issuer's), even when the document was read on the
        // service's own, internal address: clients must never learn or call internal addresses.
        var baseUrl = issuers.For(http.Request);
        var document = new JsonObject
        {
            ["issuer"] = baseUrl,
            ["jwks_uri"] = baseUrl + JwksPath,
            ["token_endpoint"] = baseUrl + "/connect/token",
            ["revocation_endpoint"] = baseUrl + "/connect/revocation",
            ["grant_types_supported"] = new JsonArray("password", "refresh_token", "client_credentials"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "none"),
            ["revocation_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "none"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["claims_supported"] = new JsonArray(
                ClaimNames.Subject, ClaimNames.Person, ClaimNames.Name, ClaimNames.Email, ClaimNames.Role, ClaimNames.Region, ClaimNames.ClientId, ClaimNames.Scope),
            ["scopes_supported"] = new JsonArray([.. clients.AllScopes.Select(s => JsonValue.Create(s))]),
        };
        http.Response.Headers.CacheControl = Caching;
        return Results.Text(document.ToJsonString(), "application/json");
    }

    private static IResult Jwks(HttpContext http, SigningKeyRing keys)
    {
        var published = new JsonArray();
        foreach (var key in keys.Published)
        {
            published.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = key.KeyId,
                ["n"] = key.PublicJwk.N,
                ["e"] = key.PublicJwk.E,
            });
        }

        http.Response.Headers.CacheControl = Caching;
        return Results.Text(new JsonObject { ["keys"] = published }.ToJsonString(), "application/json");
    }
}
