using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.Notifications.ApiContracts;
using KollegialtUtbyte.Regions.ApiContracts;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Portal.Gateway;

/// <summary>
/// Streams files between the browser and the services through the gateway, with the signed-in
/// person's access token. Everything else goes through the services' typed clients (<c>*Api</c>).
/// </summary>
public sealed class GatewayClient(HttpClient http, IHttpContextAccessor accessor, IHttpClientFactory clients)
{
    /// <summary>A raw response (downloads, CSV), for streaming through to the browser.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(request);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>
    /// A file from a service, streamed to the browser under the name the service gave it and never
    /// sniffed; when the service refuses, the person goes back to <paramref name="refusedPage"/>
    /// with the status as <c>fel</c>.
    /// </summary>
    /// <param name="contentType">The type to send; without one, the service's own.</param>
    public async Task<IResult> DownloadAsync(HttpContext browser, string path, string refusedPage, string? contentType = null, string? defaultName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await SendRawAsync(request, browser.RequestAborted);
        browser.Response.RegisterForDispose(request);
        browser.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            return Results.Redirect($"{refusedPage}?fel={(int)response.StatusCode}");
        }

        browser.Response.Headers.XContentTypeOptions = "nosniff";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return Results.Stream(
            await response.Content.ReadAsStreamAsync(browser.RequestAborted),
            contentType ?? response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            name ?? defaultName);
    }

    /// <summary>
    /// A streamed upload: its body is read once from the browser, so it goes without the resilience
    /// handler (nothing to retry with, and an attempt timeout would cut a slow upload short).
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(request);
        return await clients.CreateClient(GatewayClientExtensions.UploadClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private Task AuthorizeAsync(HttpRequestMessage request) => GatewayAuthorization.ApplyAsync(accessor.HttpContext, request);
}

public static class GatewayClientExtensions
{
    public const string AnonymousClient = "gateway-anonymous";
    public const string UploadClient = "gateway-upload";

    /// <summary>
    /// The clients to the gateway. Calls go through the standard resilience handler (timeouts,
    /// circuit breaker, retries of transient failures), retrying only GET, HEAD and the other safe
    /// methods: a POST, PUT or DELETE may have taken effect before its answer was lost.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(AnonymousClient, ToGateway).AddStandardResilienceHandler(RetrySafeMethodsOnly);
        builder.Services.AddHttpClient<GatewayClient>(ToGateway).AddStandardResilienceHandler(RetrySafeMethodsOnly);

        // The services' typed clients: the same gateway, token and resilience as the calls above.
        builder.Services.AddTransient<GatewayAuthorization>();
        builder.Services.AddHttpClient<FeedbackApi>(ToGateway).AddHttpMessageHandler<GatewayAuthorization>().AddStandardResilienceHandler(RetrySafeMethodsOnly);
        builder.Services.AddHttpClient<MeetingsApi>(ToGateway).AddHttpMessageHandler<GatewayAuthorization>().AddStandardResilienceHandler(RetrySafeMethodsOnly);
        builder.Services.AddHttpClient<RegionsApi>(ToGateway).AddHttpMessageHandler<GatewayAuthorization>().AddStandardResilienceHandler(RetrySafeMethodsOnly);
        builder.Services.AddHttpClient<IdentityApi>(ToGateway).AddHttpMessageHandler<GatewayAuthorization>().AddStandardResilienceHandler(RetrySafeMethodsOnly);
        builder.Services.AddHttpClient<NotificationsApi>(ToGateway).AddHttpMessageHandler<GatewayAuthorization>().AddStandardResilienceHandler(RetrySafeMethodsOnly);
        builder.Services.AddHttpClient(UploadClient, ToGateway);
        return builder;
    }

    private static void ToGateway(IServiceProvider services, HttpClient client) =>
        client.BaseAddress = services.GetRequiredService<IOptions<PortalOptions>>().Value.GatewayUrl;

    private static void RetrySafeMethodsOnly(HttpStandardResilienceOptions options) => options.Retry.DisableForUnsafeHttpMethods();
}
