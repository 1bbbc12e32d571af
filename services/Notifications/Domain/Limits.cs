namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// Column lengths of the local copies. Values from other services' events are clipped to them, so
/// an unexpectedly long text cannot make a consumer fail for ever.
/// </summary>
public static class Limits
{
    public const int Name = 200;
    public const int Email = 320;
    public const int LanguageCode = 16;
    public const int Title = 300;
    public const int TimeZone = 64;
    public const int Venue = 500;
    public const int Link = 2000;
    public const int Token = 512;
    public const int DeduplicationKey = 450;

    public static string Clip(string value, int length)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= length ? trimmed : trimmed[..length];
    }

    public static string? ClipOrNull(string? value, int length) => string.IsNullOrWhiteSpace(value) ? null : Clip(value, length);
}
