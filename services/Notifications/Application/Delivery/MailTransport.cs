using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>Hands a mail over for delivery; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Delivery with MailKit: over SMTP (host, port, TLS mode, credentials from configuration) or as
/// .eml files in a pickup directory. Pickup files are written aside and moved in whole, so whoever
/// watches the directory never reads half a mail, and named after the Message-ID, so a mail handed
/// over again after a crash (sent, but not yet recorded as sent) replaces itself instead of arriving twice.
/// </summary>
internal sealed class MailKitTransport(IOptions<NotificationsOptions> options) : IMailTransport
{
    public const string StagingFolder = ".staging";

    // .eml files are MIME as it travels: CRLF line ends whatever the platform.
    private static readonly FormatOptions PickupFormat = CreatePickupFormat();

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var delivery = options.Value.Delivery;
        if (delivery.Method == DeliveryMethod.Smtp)
        {
            await SendOverSmtpAsync(message, delivery.Smtp, cancellationToken);
        }
        else
        {
            await WriteToPickupDirectoryAsync(message, delivery.PickupDirectory!, cancellationToken);
        }
    }

    private static async Task SendOverSmtpAsync(MimeMessage message, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        // Timeout bounds each read and write; the linked token bounds the whole session, so a server
        // that answers slowly but steadily is cut off too.
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptionsFor(smtp.EffectiveSecurity), timeout.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {smtp.Host}:{smtp.Port} did not answer within {smtp.Timeout}.");
        }
    }

    private static SecureSocketOptions SocketOptionsFor(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    // "3f2a…@host" → "3f2a….eml"; only letters, digits and dashes survive into a file name.
    private static string? FileNameFor(MimeMessage message)
    {
        var local = message.MessageId?.Trim('<', '>').Split('@')[0];
        return string.IsNullOrEmpty(local) || !local.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? null : local + ".eml";
    }

    private static async Task WriteToPickupDirectoryAsync(MimeMessage message, string directory, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(directory, StagingFolder, Guid.NewGuid().ToString("N")));
        try
        {
            var written = Path.Combine(staging.FullName, Guid.NewGuid().ToString("N") + ".eml");
            await using (var file = File.Create(written))
            {
                await message.WriteToAsync(PickupFormat, file, cancellationToken);
            }

            File.Move(written, Path.Combine(directory, FileNameFor(message) ?? Path.GetFileName(written)), overwrite: true);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static FormatOptions CreatePickupFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
