using System.Net.Mail;

namespace KollegialtUtbyte.Portal.About;

/// <summary>
/// Section <c>Portal:Publisher</c>: the authority that runs the service. The public pages the law
/// asks for (the accessibility statement and the privacy notice) name it and give its addresses,
/// so in Production it must be given; a statement naming nobody is worse than none.
/// </summary>
public sealed class PublisherOptions
{
    public const string SectionName = "Portal:Publisher";

    /// <summary>The responsible authority, e.g. "Region Exempel".</summary>
    public string? Name { get; set; }

    /// <summary>Where people write about the service and use their data protection rights.</summary>
    public string? Email { get; set; }

    /// <summary>Where accessibility problems are reported; <see cref="Email"/> when not given.</summary>
    public string? AccessibilityEmail { get; set; }

    /// <summary>The authority's data protection officer; reached through <see cref="Email"/> when not given.</summary>
    public string? DataProtectionOfficerEmail { get; set; }
}

/// <summary>The publisher as the pages show it: every address present and valid.</summary>
public sealed record Publisher(string Name, string Email, string AccessibilityEmail, string? DataProtectionOfficerEmail);

public static class PublisherRegistration
{
    /// <summary>Used outside Production when nothing is configured, so a development start needs no settings.</summary>
    private static readonly Publisher Demo = new("Kollegialt utbyte (demo)", "kontakt@kollegialt-utbyte.example", "kontakt@kollegialt-utbyte.example", null);

    public static IHostApplicationBuilder AddPublisher(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(PublisherOptions.SectionName).Get<PublisherOptions>() ?? new PublisherOptions();
        builder.Services.AddSingleton(Resolve(settings, builder.Environment.IsProduction()));
        return builder;
    }

    /// <summary>Checks the settings once at start-up, so a wrong address stops the start rather than showing on a legal page.</summary>
    public static Publisher Resolve(PublisherOptions settings, bool production)
    {
        if (string.IsNullOrWhiteSpace(settings.Name) && string.IsNullOrWhiteSpace(settings.Email) && !production)
        {
            return Demo;
        }

        if (string.IsNullOrWhiteSpace(settings.Name) || string.IsNullOrWhiteSpace(settings.Email))
        {
            throw new InvalidOperationException(
                "Portal: Portal:Publisher:Name (the responsible authority) and Portal:Publisher:Email (its contact address) must be set; " +
                "the accessibility statement and the privacy notice name them. The portal does not start without them in Production.");
        }

        return new Publisher(
            settings.Name.Trim(),
            Address(settings.Email, nameof(settings.Email)),
            Address(string.IsNullOrWhiteSpace(settings.AccessibilityEmail) ? settings.Email : settings.AccessibilityEmail, nameof(settings.AccessibilityEmail)),
            string.IsNullOrWhiteSpace(settings.DataProtectionOfficerEmail) ? null : Address(settings.DataProtectionOfficerEmail, nameof(settings.DataProtectionOfficerEmail)));
    }

    private static string Address(string value, string setting) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.DisplayName.Length == 0
            ? address.Address
            : throw new InvalidOperationException($"Portal: Portal:Publisher:{setting} is not an e-mail address: '{value}'.");
}
