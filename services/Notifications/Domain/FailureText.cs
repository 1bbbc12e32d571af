using System.Text.RegularExpressions;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// A delivery error as it may be shown to an administrator: links and anything shaped like a token
/// (a long unbroken run of URL-safe characters) are replaced, so a one-click answer, an activation
/// or a reset link never leaves the service even when a server quoted it back.
/// </summary>
public static partial class FailureText
{
    public const string LinkRemoved = "[link removed]";
    public const string TokenRemoved = "[removed]";

    public static string? WithoutSecrets(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return error;
        }

        var withoutLinks = Links().Replace(error, LinkRemoved);
        return TokenLike().Replace(withoutLinks, m => Guid.TryParse(m.Value, out _) ? m.Value : TokenRemoved);
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.\-]*://\S+|\bwww\.\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    // Tokens are base64url or hex; 24 characters and more, possibly with separators inside (GUIDs are kept).
    [GeneratedRegex(@"[A-Za-z0-9_\-+/=%.~]{24,}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenLike();
}
