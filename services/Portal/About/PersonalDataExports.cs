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

    private static Task<IResult> DownloadAsync(Guid exportId, HttpContext http, GatewayClient gateway)
    {
        // Her data: no cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        return gateway.DownloadAsync(http, RegionsApi.ArchivePath(exportId), PagePath, "application/zip", "personuppgifter.zip");
    }
}
