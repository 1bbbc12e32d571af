using System.Collections.Concurrent;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>
/// The gateway with the suite's route table in front of a stand-in for the services, built like
/// them (<c>AddServiceDefaults</c>, its policies and resource checks). Every destination points at
/// the stand-in; it counts the requests that reach it, so a test can tell the gateway's refusal
/// from the service's.
/// </summary>
public sealed class SuiteBehindGateway : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _arrivals = new();

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public TestUpstream Services { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    public int ArrivalsAt(string path) => _arrivals.GetValueOrDefault(path);

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        Services = await TestUpstream.StartServiceAsync(Issuer, MapStandIn, "regions", "meetings");
        Gateway = new GatewayFactory(Issuer, GatewayFactory.Settings(Services.Address));
        Gateway.StartServer();
    }

    private void MapStandIn(WebApplication app)
    {
        app.Use((context, next) =>
        {
            _arrivals.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
            return next(context);
        });

        var regions = app.MapGroup("/api/regions/probe");
        regions.MapGet("/administrators", () => Results.Ok()).RequireAuthorization(Policies.Administrator);
        regions.MapGet("/facilitators", () => Results.Ok()).RequireAuthorization(Policies.Facilitator);
        regions.MapGet("/regions/{regionId:guid}", (Guid regionId, HttpContext context) =>
            context.User.MayActForRegion(regionId) ? Results.Ok() : Results.Forbid());
        regions.MapGet("/team-members", () => Results.Ok()).RequireAuthorization(Policies.TeamMember);
        regions.MapGet("/team-members/regions/{regionId:guid}", (Guid regionId, HttpContext context) =>
            context.User.MayActForRegion(regionId) ? Results.Ok() : Results.Forbid()).RequireAuthorization(Policies.TeamMember);
        regions.MapGet("/project-leaders", () => Results.Ok()).RequireAuthorization(Policies.ProjectLeader);
        regions.MapGet("/signed-in", () => Results.Ok());
        regions.MapGet("/open-at-service", () => Results.Ok()).AllowAnonymous();

        // Shaped like the audit of e-mail changes: administrators only.
        app.MapGet("/api/regions/people/{personId:guid}/email-changes", () => Results.Ok()).RequireAuthorization(Policies.Administrator);

        var meetings = app.MapGroup("/api/meetings");
        meetings.MapGet("/invitations/answer", () => Results.Ok()).AllowAnonymous();
        meetings.MapPost("/invitations/answer", () => Results.Ok()).AllowAnonymous();
        meetings.MapPost("/invitations/answer/confirm", () => Results.Ok()).AllowAnonymous();
        meetings.MapGet("/probe/open-at-service", () => Results.Ok()).AllowAnonymous();
        meetings.MapGet("/probe/politicians", () => Results.Ok()).RequireAuthorization(Policies.Politician);

        // Shaped like a real read by id: it must not swallow the module's OpenAPI document.
        meetings.MapGet("/{meetingId}", (string meetingId) => Results.Ok(meetingId));

        app.MapPost("/connect/token", () => Results.Ok(new { access_token = "stand-in", token_type = "Bearer" })).AllowAnonymous();
        app.MapGet("/.well-known/openid-configuration", () => Results.Ok(new { issuer = "stand-in" })).AllowAnonymous();
        foreach (var page in new[] { "/account/confirm-email", "/account/stop-email-change" })
        {
            app.MapGet(page, () => Results.Content("<!DOCTYPE html><title>Konto</title>", "text/html")).AllowAnonymous();
            app.MapPost(page, () => Results.Content("<!DOCTYPE html><title>Konto</title>", "text/html")).AllowAnonymous();
        }
        app.MapGet("/", () => Results.Content("<!DOCTYPE html><title>Portal</title>", "text/html")).AllowAnonymous();
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Services.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
