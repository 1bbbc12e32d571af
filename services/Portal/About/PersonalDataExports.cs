using KollegialtUtbyte.Portal.Authentication;
using KollegialtUtbyte.Regions.ApiContracts;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Portal.About;

/// <summary>
/// The archive of a person's data, streamed from Regions through the gateway with her token, so
/// the browser never holds a token and the archive never sits in the portal's memory.
/// </summary>
public static class PersonalDataDownloads
{
    public const string PagePath = "/mina-uppgifter";

    public static string ArchivePath(Guid exportId) => $"{PagePath}/export/{exportId}/arkiv";

    public static IEndpointRouteBuilder MapPersonalDataDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath + "/export/{exportId:guid}/arkiv", DownloadAsync)
            .RequireAuthorization(PortalPolicies.SignedIn).ExcludeFromDescription().WithSecurityHeaders();
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid exportId, HttpContext http, GatewayClient gateway)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, RegionsApi.ArchivePath(exportId));
        var response = await gateway.SendRawAsync(request, http.RequestAborted);
        http.Response.RegisterForDispose(request);
        http.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            return Results.Redirect($"{PagePath}?fel={(int)response.StatusCode}");
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return Results.Stream(await response.Content.ReadAsStreamAsync(http.RequestAborted), "application/zip", name ?? "personuppgifter.zip");
    }
}
