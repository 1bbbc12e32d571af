namespace KollegialtUtbyte.Meetings;

/// <summary>Section <c>Meetings</c>.</summary>
public sealed class MeetingsOptions
{
    public const string SectionName = "Meetings";

    /// <summary>
    /// Where users reach the suite (the gateway), e.g. <c>https://kollegialt.example.se</c>; links
    /// handed out (personal calendar feeds) start with it. Unset: the address of the request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Pattern of the documentation's registry numbers (see <see cref="Domain.RegistryNumberPattern"/>).</summary>
    public string RegistryNumberPattern { get; set; } = Domain.RegistryNumberPattern.Default;

    public RegistryNumberPattern Pattern() => new(RegistryNumberPattern);
}
