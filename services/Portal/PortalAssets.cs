using System.Security.Cryptography;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace KollegialtUtbyte.Portal;

/// <summary>
/// The portal's stylesheet and other assets, embedded in the assembly and served at
/// /portal-assets/{file} with an ETag, so the portal looks the same alone and in the embedded host.
/// </summary>
internal static class PortalAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly Dictionary<string, (byte[] Content, string ETag)> Files = Load();

    public static IEndpointRouteBuilder MapPortalAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal-assets/{file}", (string file, HttpContext context) =>
        {
            if (!Files.TryGetValue(file, out var asset))
            {
                return Results.NotFound();
            }

            // The file result answers If-None-Match (304) itself, from the same entity tag.
            context.Response.Headers.CacheControl = "public, max-age=3600";
            ContentTypes.TryGetContentType(file, out var contentType);
            return Results.File(asset.Content, contentType ?? "application/octet-stream", entityTag: new EntityTagHeaderValue(asset.ETag));
        }).AllowAnonymous().ExcludeFromDescription().WithSecurityHeaders();
        return app;
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(PortalAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("portal-assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            files[name["portal-assets/".Length..]] = (content, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
        }

        return files;
    }
}
