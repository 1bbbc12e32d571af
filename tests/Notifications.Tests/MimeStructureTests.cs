using MimeKit;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The MIME structure of written mails as a standard parser (MimeKit) reads it: what mail and calendar clients rely on.</summary>
public sealed class MimeStructureTests
{
    [Fact]
    public async Task An_invitation_is_text_html_and_a_calendar_request_as_alternatives_with_the_ics_file_attached()
    {
        await using var service = await NotificationsService.StartAsync();
        var person = Given.Person("Åsa Öberg");
        var meeting = Given.Meeting();
        await service.PublishAllAsync(person, Given.Invitation(meeting, person.PersonId));

        var received = await service.Mailbox.WaitForOneAsync(m => m.To == person.Email, "the invitation");
        using var message = await MimeMessage.LoadAsync(Path.Combine(service.Mailbox.Directory, received.FileName), TestContext.Current.CancellationToken);

        Assert.Equal(NotificationsService.SenderAddress, Assert.Single(message.From.Mailboxes).Address);
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal((person.Email, "Åsa Öberg"), (to.Address, to.Name));
        Assert.StartsWith("Inbjudan: ", message.Subject, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileNameWithoutExtension(received.FileName), message.MessageId!.Split('@')[0]);
        Assert.Equal(Given.Now, message.Date);
        Assert.Equal("sv", message.Body!.Headers[HeaderId.ContentLanguage]);

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal(2, mixed.Count);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative, p => Assert.Equal("utf-8", p.ContentType.Charset));
        var calendar = Assert.IsType<TextPart>(alternative[2]);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:REQUEST", calendar.Text, StringComparison.Ordinal);
        Assert.Contains("Åsa Öberg", ((TextPart)alternative[0]).Text, StringComparison.Ordinal);

        var attachment = Assert.IsType<MimePart>(mixed[1]);
        Assert.Equal("application/ics", attachment.ContentType.MimeType);
        Assert.True(attachment.IsAttachment);
        Assert.Equal("invite.ics", attachment.FileName);
        Assert.Equal("utf-8", attachment.ContentType.Charset);

        // Both carry the very same calendar object, lines ending in CRLF as RFC 5545 requires.
        var calendarBytes = await DecodedAsync(calendar);
        Assert.Equal(calendarBytes, await DecodedAsync(attachment));
        Assert.Contains("\r\nMETHOD:REQUEST\r\n", System.Text.Encoding.UTF8.GetString(calendarBytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_without_a_meeting_is_text_and_html_as_alternatives_only()
    {
        await using var service = await NotificationsService.StartAsync();
        var request = new AccountActivationRequested(Guid.NewGuid(), Guid.NewGuid(), "erik.berg@region.example.test", "Erik Berg", "en", Given.NewToken(), Given.Now.AddDays(3), Given.Now);
        await service.PublishAsync(request);

        var received = await service.Mailbox.WaitForOneAsync(m => m.To == request.Email, "the activation mail");
        using var message = await MimeMessage.LoadAsync(Path.Combine(service.Mailbox.Directory, received.FileName), TestContext.Current.CancellationToken);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative, p => Assert.Equal("utf-8", p.ContentType.Charset));
        Assert.Equal("en", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal(request.Email, Assert.Single(message.To.Mailboxes).Address);
    }

    private static async Task<byte[]> DecodedAsync(MimePart part)
    {
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        return bytes.ToArray();
    }
}
