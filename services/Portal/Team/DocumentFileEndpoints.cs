using System.Net.Http.Json;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Portal.Authentication;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.ServiceDefaults.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KollegialtUtbyte.Portal.Team;

/// <summary>
/// Uploading and downloading strategy drafts. The browser's multipart post is read section by
/// section and the file part is streamed on to the Feedback service through the gateway, so a
/// large draft never sits in the portal's memory. Downloads stream the service's answer back.
/// </summary>
public static class DocumentFileEndpoints
{
    public const string TokenField = "__RequestVerificationToken";

    public static IEndpointRouteBuilder MapTeamDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/team/dokument").RequireAuthorization(PortalPolicies.TeamMember).ExcludeFromDescription().WithSecurityHeaders();
        team.MapPost("/ladda-upp", (HttpContext http, GatewayClient gateway, IAntiforgery antiforgery, IOptions<UploadOptions> uploads) =>
            UploadAsync(null, http, gateway, antiforgery, uploads.Value));
        team.MapPost("/{documentId:guid}/ladda-upp", (Guid documentId, HttpContext http, GatewayClient gateway, IAntiforgery antiforgery, IOptions<UploadOptions> uploads) =>
            UploadAsync(documentId, http, gateway, antiforgery, uploads.Value));
        team.MapGet("/{documentId:guid}/versioner/{number:int}/fil", DownloadAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(Guid? documentId, HttpContext http, GatewayClient gateway, IAntiforgery antiforgery, UploadOptions uploads)
    {
        var back = documentId is { } existing ? $"/team/dokument/{existing}" : "/team/dokument";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        AcceptBodyUpTo(http, uploads.MaxRequestBytes);
        if (MultipartBoundary(http.Request) is not { } boundary)
        {
            return Back(back, "missing-file", fields);
        }

        try
        {
            var form = await ReadUntilFileAsync(new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null }, http, antiforgery, fields);
            if (!form.Verified)
            {
                return Results.BadRequest();
            }

            if (form.File is not { } file || string.IsNullOrEmpty(form.FileName))
            {
                return Back(back, "missing-file", fields);
            }

            return await SendToDocumentAsync(gateway, http.RequestServices.GetRequiredService<FeedbackApi>(), documentId, form.FileName, fields, file, back, http.RequestAborted);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Back(back, "too-large", fields);
        }
    }

    /// <summary>The configured largest document and room for the form's other fields; the Feedback service checks the file itself.</summary>
    private static void AcceptBodyUpTo(HttpContext http, long maxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }
    }

    private static string? MultipartBoundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    /// <summary>
    /// Reads the form's text fields into <paramref name="fields"/> up to its file part, which is left
    /// unread so that it can be streamed on. The antiforgery token comes first in the form and is
    /// checked as soon as it arrives (from a header, so the body stays a stream); a file part before
    /// it is never read.
    /// </summary>
    private static async Task<FormUntilFile> ReadUntilFileAsync(MultipartReader reader, HttpContext http, IAntiforgery antiforgery, Dictionary<string, string> fields)
    {
        var verified = false;
        while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return new FormUntilFile(verified, section, fileName);
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            using var text = new StreamReader(section.Body);
            var value = await ReadLimitedAsync(text, 8_000);
            if (name == TokenField && !verified)
            {
                http.Request.Headers["RequestVerificationToken"] = value;
                await antiforgery.ValidateRequestAsync(http);
                verified = true;
            }
            else
            {
                fields[name] = value;
            }
        }

        return new FormUntilFile(verified, null, null);
    }

    /// <summary>The file goes to the existing document, or to a new one made from the form's fields first.</summary>
    private static async Task<IResult> SendToDocumentAsync(
        GatewayClient gateway, FeedbackApi feedback, Guid? documentId, string fileName, Dictionary<string, string> fields, MultipartSection file, string back, CancellationToken ct)
    {
        if (documentId is null)
        {
            var created = await CreateDocumentAsync(feedback, fields, ct);
            if (created.Problem is { } problem)
            {
                return Back(back, problem, fields);
            }

            documentId = created.Value!.Id;
        }

        return await ForwardAsync(gateway, documentId.Value, fileName, fields, file, back, ct);
    }

    private static async Task<ApiResult<DocumentView>> CreateDocumentAsync(FeedbackApi feedback, Dictionary<string, string> fields, CancellationToken ct)
    {
        var kind = Enum.TryParse<StrategyDocumentKind>(fields.GetValueOrDefault("kind"), out var parsed) ? parsed : StrategyDocumentKind.Other;
        var description = fields.GetValueOrDefault("description") is { Length: > 0 } d ? d : null;
        return await feedback.CreateDocumentAsync(new CreateDocumentRequest(fields.GetValueOrDefault("title", "").Trim(), kind, description), ct);
    }

    private static async Task<IResult> ForwardAsync(
        GatewayClient gateway, Guid documentId, string fileName, Dictionary<string, string> fields, MultipartSection section, string back, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent();
        if (fields.GetValueOrDefault("note") is { Length: > 0 } note)
        {
            content.Add(new StringContent(note), "note");
        }

        var file = new StreamContent(section.Body);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(section.ContentType, out var type)
            ? type
            : new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);

        using var request = new HttpRequestMessage(HttpMethod.Post, FeedbackApi.UploadPath(documentId)) { Content = content };
        using var response = await gateway.UploadAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return Results.Redirect($"/team/dokument/{documentId}?uppladdad=1");
        }

        var detail = await DetailOfAsync(response, ct);
        fields.Remove("title");
        return Back($"/team/dokument/{documentId}", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), fields, detail);
    }

    // Passed through as the service sent it: its sanitised name, its type, never sniffed.
    private static Task<IResult> DownloadAsync(Guid documentId, int number, HttpContext http, GatewayClient gateway) =>
        gateway.DownloadAsync(http, FeedbackApi.FilePath(documentId, number), "/team/dokument");

    private static async Task<string?> DetailOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ct);
            return problem?.Detail;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadLimitedAsync(StreamReader reader, int max)
    {
        var buffer = new char[max];
        var length = await reader.ReadBlockAsync(buffer.AsMemory());
        return new string(buffer, 0, length);
    }

    private static IResult Back(string path, ApiProblem problem, Dictionary<string, string> fields) =>
        Back(path, problem.Status.ToString(CultureInfo.InvariantCulture), fields, problem.Detail ?? problem.Errors.Values.SelectMany(e => e).FirstOrDefault());

    /// <summary>Back to the form with what was typed (a browser never keeps a chosen file) and why it failed.</summary>
    private static IResult Back(string path, string error, Dictionary<string, string> fields, string? detail = null)
    {
        var query = new Dictionary<string, string?> { ["fel"] = error, ["detalj"] = detail };
        foreach (var key in new[] { "title", "kind", "description", "note" })
        {
            if (fields.TryGetValue(key, out var value) && value.Length > 0)
            {
                query[key] = value;
            }
        }

        return Results.Redirect(QueryHelpers.AddQueryString(path, query));
    }

    private sealed record ProblemBody(string? Title, string? Detail);

    /// <summary>The form read up to its file part: whether the antiforgery token was valid, and the file part if there is one.</summary>
    private sealed record FormUntilFile(bool Verified, MultipartSection? File, string? FileName);
}
