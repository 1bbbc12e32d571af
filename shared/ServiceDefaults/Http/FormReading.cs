using Microsoft.AspNetCore.Http;

namespace KollegialtUtbyte.ServiceDefaults.Http;

public static class FormReading
{
    /// <summary>
    /// The posted form of an HTML page, or null when the body is no form or cannot be read
    /// (malformed, too large, badly encoded), so the page answers with its own 4xx rather than a 500.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormOrNullAsync(this HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
