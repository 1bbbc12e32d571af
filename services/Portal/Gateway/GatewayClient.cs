using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.Meetings.ApiContracts;
using KollegialtUtbyte.Notifications.ApiContracts;
using KollegialtUtbyte.Regions.ApiContracts;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace KollegialtUtbyte.Portal.Gateway;

/// <summary>Calls the services through the gateway with the signed-in person's access token.</summary>
public sealed class GatewayClient(HttpClient http, IHttpContextAccessor accessor, IHttpClientFactory clients)
{
    private static readonly JsonSerializerOptions Json = ServiceDefaults.Outbox.OutboxJson.Options;

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);

    public Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(method, path) { Content = content }, cancellationToken);

    /// <summary>A raw response (downloads, CSV), for streaming through to the browser.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(request);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            await AuthorizeAsync(request);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException)
            {
                // Unreachable, timed out or behind an open circuit: the page says the service is unavailable.
                return new ApiResult<T>(default, ApiProblem.Unavailable);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    var value = response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(NoContent)
                        ? default
                        : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                    return new ApiResult<T>(value, null);
                }

                return new ApiResult<T>(default, await ApiProblems.ReadAsync(response, cancellationToken));
            }
        }
    }

    private Task AuthorizeAsync(HttpRequestMessage request) => GatewayAuthorization.ApplyAsync(accessor.HttpContext, request);
}

/// <summary>Marker for calls whose answer has no body.</summary>
public sealed record NoContent;

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
        client.BaseAddress = services.GetRequiredService<IOptions<PortalSettings>>().Value.GatewayUrl;

    private static void RetrySafeMethodsOnly(HttpStandardResilienceOptions options) => options.Retry.DisableForUnsafeHttpMethods();
}
