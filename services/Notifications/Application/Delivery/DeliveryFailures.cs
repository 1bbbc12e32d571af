using MailKit.Net.Smtp;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>Which delivery failures are worth retrying.</summary>
internal static class DeliveryFailures
{
    /// <summary>
    /// A reply the server gives for good (5xx: unknown mailbox, sender refused, message rejected) or
    /// an address that is not one cannot be fixed by retrying; everything else (connection refused
    /// or dropped, 4xx, timeouts, a full disk under the pickup directory) may pass.
    /// </summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 500 and < 600,
        FormatException => true,
        _ => false,
    };

    /// <summary>What is recorded and logged about a failure: the messages of the exception chain, which never contain mail content.</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 4; current = current.InnerException)
        {
            parts.Add($"{current.GetType().Name}: {current.Message}");
        }

        return string.Join(" <- ", parts);
    }
}
