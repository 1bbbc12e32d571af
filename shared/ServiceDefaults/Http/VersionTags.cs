using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace KollegialtUtbyte.ServiceDefaults.Http;

/// <summary>An aggregate's version as a strong ETag: the value its updates send back as <c>version</c>.</summary>
public static class VersionTags
{
    public static void SetVersionTag(this HttpResponse response, long version) =>
        response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
