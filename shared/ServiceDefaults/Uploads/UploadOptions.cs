using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.ServiceDefaults.Uploads;

/// <summary>
/// Section <c>Uploads</c>: the largest document (a strategy draft) anyone may upload. The one place
/// the limit is set: Feedback refuses larger files (413), the portal states it, checks it in the
/// browser and sizes its own body limit by it, and the gateway sizes the body limit of the
/// destinations that receive uploads by it.
/// </summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>The earlier key of the same limit, still honoured when <c>Uploads:MaxDocumentBytes</c> is not set.</summary>
    public const string FormerKey = "Feedback:Uploads:MaxBytes";

    /// <summary>
    /// Room beside the file in an upload's request: multipart boundaries and part headers, the
    /// antiforgery token and the form's text fields (title, description, note).
    /// </summary>
    public const long MultipartOverhead = 64 * 1024;

    /// <summary>Largest accepted document in bytes (25 MB).</summary>
    public long MaxDocumentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest request body carrying one document: the document and <see cref="MultipartOverhead"/>.</summary>
    public long MaxRequestBytes => MaxDocumentBytes + MultipartOverhead;

    /// <summary>The limit as configured, for code that reads configuration before the container is built.</summary>
    public static UploadOptions From(IConfiguration configuration)
    {
        var options = new UploadOptions();
        Bind(configuration, options);
        return options;
    }

    private static void Bind(IConfiguration configuration, UploadOptions options)
    {
        if (configuration[FormerKey] is { Length: > 0 } former && long.TryParse(former, out var formerBytes))
        {
            options.MaxDocumentBytes = formerBytes;
        }

        configuration.GetSection(SectionName).Bind(options);
    }

    internal static void Register(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UploadOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration, options))
            .Validate(o => o.MaxDocumentBytes > 0, "Uploads:MaxDocumentBytes must be positive.")
            .ValidateOnStart();
    }
}

public static class UploadOptionsExtensions
{
    /// <summary>Binds <see cref="UploadOptions"/> (section <c>Uploads</c>, checked at start).</summary>
    public static IHostApplicationBuilder AddUploadOptions(this IHostApplicationBuilder builder)
    {
        UploadOptions.Register(builder);
        return builder;
    }
}
