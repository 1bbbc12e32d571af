using System.Net.Http.Headers;
using System.Security.Claims;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>
/// Another service in its own host that trusts the identity service exactly as every service of
/// the suite does (the service defaults' JWT validation): it learns issuer and keys only from
/// the discovery document and JWKS, over HTTP.
/// </summary>
public sealed class ProtectedService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private ProtectedService(WebApplication app, Uri address)
    {
        _app = app;
        _client = new HttpClient { BaseAddress = address };
    }

    public static async Task<ProtectedService> StartAsync(string authority, string? metadataAddress = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ListenOnLoopback();
        builder.Configuration["Auth:Authority"] = authority;
        builder.Configuration["Auth:MetadataAddress"] = metadataAddress;
        builder.Configuration["Auth:RequireHttpsMetadata"] = "false";
        builder.AddServiceAuthentication();
        builder.AcceptAccessTokensFor(TokenAudiences.Meetings);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => new WhoAmI(
            user.FindFirst(ClaimNames.Subject)?.Value,
            user.PersonId(),
            user.DisplayName(),
            user.FindFirst(ClaimNames.Email)?.Value,
            user.FindAll(ClaimNames.Role).Select(c => c.Value).ToList(),
            user.RegionIds().Order().ToList(),
            user.FindFirst(ClaimNames.ClientId)?.Value));
        app.MapGet("/administration", () => Results.Ok()).RequireAuthorization(Policies.Administrator);
        await app.StartAsync();
        return new ProtectedService(app, app.Services.ServerAddress());
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record WhoAmI(string? Subject, Guid? Person, string? Name, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Regions, string? ClientId);
