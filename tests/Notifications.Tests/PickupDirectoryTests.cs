using KollegialtUtbyte.Notifications.Application.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The pickup directory as a delivery target: whole files, one per mail, even when a mail is handed over again.</summary>
public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task A_mail_handed_over_again_after_a_crash_replaces_itself_instead_of_arriving_twice()
    {
        var directory = Directory.CreateTempSubdirectory("ku-pickup-").FullName;
        var options = new NotificationsOptions();
        options.Delivery.Method = DeliveryMethod.PickupDirectory;
        options.Delivery.PickupDirectory = directory;
        var transport = new MailKitTransport(Options.Create(options));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var message = new MimeMessage { Subject = "Inbjudan", MessageId = "0f4c2d1e9a8b4c7d8e9f00112233aabb@kollegialt-utbyte.example", Body = new TextPart("plain") { Text = "Välkommen" } };
            message.From.Add(MailboxAddress.Parse("noreply@kollegialt-utbyte.example"));
            message.To.Add(MailboxAddress.Parse("pia.politiker@halland.example"));
            await transport.SendAsync(message, TestContext.Current.CancellationToken);
        }

        var files = Directory.GetFiles(directory, "*.eml");
        Assert.Equal(["0f4c2d1e9a8b4c7d8e9f00112233aabb.eml"], files.Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Except(files));
    }
}
