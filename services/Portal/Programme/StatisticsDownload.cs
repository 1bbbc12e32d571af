using KollegialtUtbyte.Portal.Authentication;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>
/// The attendance statistics as a CSV file for Excel with Swedish settings: the Meetings service's
/// own export (UTF-8 with a byte order mark, semicolons, suppressed counts as ".."), streamed
/// through with the signed-in person's token and a filename naming the programme and the day.
/// </summary>
public static class StatisticsDownload
{
    public const string Path = "/admin/statistik.csv";

    public static IEndpointRouteBuilder MapProgrammeDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, DownloadAsync)
            .RequireAuthorization(PortalPolicies.Facilitator)
            .ExcludeFromDescription()
            .WithSecurityHeaders();
        return app;
    }

    private static async Task DownloadAsync(HttpContext http, GatewayClient gateway, MeetingsApi meetings, CancellationToken ct)
    {
        var programme = await meetings.CurrentProgrammeAsync(ct);
        if (programme.Value is null)
        {
            http.Response.StatusCode = programme.Problem?.Status ?? StatusCodes.Status404NotFound;
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, MeetingsApi.StatisticsCsvPath(programme.Value.Id));
        using var response = await gateway.SendRawAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            http.Response.StatusCode = (int)response.StatusCode;
            return;
        }

        var day = ProgrammeTime.Local(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"narvarostatistik-{day}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await response.Content.CopyToAsync(http.Response.Body, ct);
    }
}
