using System.Diagnostics;
using OpenTelemetry;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

/// <summary>
/// Masks the secrets in the URL tags and the name of every finished span before any exporter sees
/// it: ASP.NET Core's server spans carry the raw path, HttpClient's the full URL.
/// Registered ahead of the exporters.
/// </summary>
internal sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "url.path", "url.original", "http.url", "http.target"];

    public override void OnEnd(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string url)
            {
                activity.SetTag(tag, SecretRedaction.Redact(url));
            }
        }

        if (activity.GetTagItem("url.query") is string query)
        {
            activity.SetTag("url.query", query.StartsWith('?') ? SecretRedaction.Redact(query) : SecretRedaction.Redact("?" + query)[1..]);
        }

        activity.DisplayName = SecretRedaction.Redact(activity.DisplayName);
    }
}
