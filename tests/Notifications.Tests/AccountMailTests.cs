using System.Web;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Account activation and password reset links, served by the Identity service under the public address.</summary>
public sealed class AccountMailTests
{
    [Fact]
    public async Task An_activation_request_mails_a_link_to_the_activation_page_and_the_token_is_never_logged()
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        var token = Given.NewToken();
        var request = new AccountActivationRequested(Guid.NewGuid(), Guid.NewGuid(), "ingrid.sol@region.example.test", "Ingrid Sol", "sv", token,
            Given.Now.AddDays(3), Given.Now);

        await service.PublishAsync(request);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == request.Email, "the activation mail");
        Assert.Equal("Aktivera ditt konto i Kollegialt utbyte", mail.Subject);
        Assert.Contains("Hej Ingrid Sol!", mail.PlainText, StringComparison.Ordinal);
        var link = Assert.Single(mail.HtmlLinks);
        Assert.Equal(new Uri(new Uri(NotificationsService.PublicBaseUrl), "account/activate").AbsoluteUri, link.GetLeftPart(UriPartial.Path));
        Assert.Equal(token, HttpUtility.ParseQueryString(link.Query)["token"]);
        Assert.Contains(link, mail.TextLinks);
        Assert.Null(mail.CalendarPart);

        // The file is written just before the mail is recorded as sent.
        var sent = await Testing.Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == request.PersonId)),
            m => m.Status == MailStatus.Sent,
            "the mail is recorded as sent");
        Assert.Null(sent.Payload);
        Assert.NotEmpty(service.Logs.Lines);
        Assert.DoesNotContain(service.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_password_reset_request_mails_a_reset_link_in_the_language_asked_for()
    {
        await using var service = await NotificationsService.StartAsync();
        var request = new PasswordResetRequested(Guid.NewGuid(), Guid.NewGuid(), "ben.carter@region.example.test", "Ben Carter", "en", Given.NewToken(),
            Given.Now.AddHours(2), Given.Now);

        await service.PublishAsync(request);

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == request.Email, "the reset mail");
        Assert.Equal("Reset your password in Kollegialt utbyte", mail.Subject);
        Assert.Contains("valid until Monday 1 March 2021 at 11:00 (Swedish time)", mail.PlainText, StringComparison.Ordinal);
        var link = Assert.Single(mail.HtmlLinks);
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        Assert.Equal(request.Token, HttpUtility.ParseQueryString(link.Query)["token"]);
    }
}
