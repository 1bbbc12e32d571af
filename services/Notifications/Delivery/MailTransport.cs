using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Notifications.Delivery;

/// <summary>Hands a mail over for delivery; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Delivery with System.Net.Mail: over SMTP (host, port, STARTTLS, credentials from configuration)
/// or as .eml files in a pickup directory. Pickup files are written aside and moved in whole, so
/// whoever watches the directory never reads half a mail, and named after the Message-ID, so a
/// mail handed over again after a crash (sent, but not yet recorded as sent) replaces itself
/// instead of arriving twice.
/// </summary>
internal sealed class SystemNetMailTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public const string StagingFolder = ".staging";

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
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

    private static async Task SendOverSmtpAsync(MailMessage message, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableTls,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        // SendMailAsync ignores SmtpClient.Timeout; a server that stops answering is cut off here.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {smtp.Host}:{smtp.Port} did not answer within {smtp.Timeout}.");
        }
    }

    // "<3f2a…@host>" → "3f2a….eml"; only letters, digits and dashes survive into a file name.
    private static string? FileNameFor(MailMessage message)
    {
        var messageId = message.Headers["Message-ID"];
        var local = messageId?.Trim('<', '>').Split('@')[0];
        return string.IsNullOrEmpty(local) || !local.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? null : local + ".eml";
    }

    private static async Task WriteToPickupDirectoryAsync(MailMessage message, string directory, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(directory, StagingFolder, Guid.NewGuid().ToString("N")));
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging.FullName })
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            foreach (var file in staging.GetFiles("*.eml"))
            {
                file.MoveTo(Path.Combine(directory, FileNameFor(message) ?? file.Name), overwrite: true);
            }
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }
}
