using System.Net;
using System.Web;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// A change of e-mail address: the new address gets the link that confirms it, the old address
/// the notice that it is about to change, with the link that stops it. Both links lead to Identity's pages.
/// </summary>
public sealed class EmailChangeMailTests
{
    [Fact]
    public async Task The_new_address_gets_the_confirmation_link_and_the_old_one_the_notice_with_the_stop_link()
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        var issued = Issued("sv", "ingrid.sol@region.example.test", "ingrid.privat@annan.example.test");

        await service.PublishAsync(issued);

        var confirmation = await service.Mailbox.WaitForOneAsync(m => m.To == issued.NewEmail, "the confirmation mail");
        var notice = await service.Mailbox.WaitForOneAsync(m => m.To == issued.CurrentEmail, "the notice to the old address");
        Assert.Equal("Bekräfta din nya e-postadress i Kollegialt utbyte", confirmation.Subject);
        Assert.Contains("Hej Ingrid Sol!", confirmation.PlainText, StringComparison.Ordinal);
        Assert.Contains("med ditt nuvarande lösenord", confirmation.PlainText, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\"", confirmation.Html, StringComparison.Ordinal);
        Assert.Equal("Din e-postadress håller på att ändras", notice.Subject);
        Assert.Contains($"till {issued.NewEmail}", notice.PlainText, StringComparison.Ordinal);
        Assert.Contains(">Din e-postadress håller på att ändras</h1>", WebUtility.HtmlDecode(notice.Html), StringComparison.Ordinal);

        var confirmLink = Assert.Single(confirmation.HtmlLinks);
        Assert.Equal("/account/confirm-email", confirmLink.AbsolutePath);
        Assert.Equal((issued.ConfirmToken, "sv"), (HttpUtility.ParseQueryString(confirmLink.Query)["token"], HttpUtility.ParseQueryString(confirmLink.Query)["lang"]));
        Assert.Contains(confirmLink, confirmation.TextLinks);
        var stopLink = Assert.Single(notice.HtmlLinks);
        Assert.Equal("/account/stop-email-change", stopLink.AbsolutePath);
        Assert.Equal(issued.StopToken, HttpUtility.ParseQueryString(stopLink.Query)["token"]);
        Assert.Contains(stopLink, notice.TextLinks);

        // Each link goes only to the address it belongs to.
        Assert.DoesNotContain(issued.StopToken, confirmation.PlainText + confirmation.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.ConfirmToken, notice.PlainText + notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Logs.Lines, line => line.Contains(issued.ConfirmToken, StringComparison.Ordinal) || line.Contains(issued.StopToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_english_speaking_person_gets_both_mails_in_english()
    {
        await using var service = await NotificationsService.StartAsync();
        var issued = Issued("en", "ben.carter@region.example.test", "ben.carter@elsewhere.example.test");

        await service.PublishAsync(issued);

        var confirmation = await service.Mailbox.WaitForOneAsync(m => m.To == issued.NewEmail, "the confirmation mail");
        var notice = await service.Mailbox.WaitForOneAsync(m => m.To == issued.CurrentEmail, "the notice to the old address");
        Assert.Equal("Confirm your new e-mail address in Kollegialt utbyte", confirmation.Subject);
        Assert.Contains("Hello Ben Carter,", confirmation.PlainText, StringComparison.Ordinal);
        Assert.Contains("valid until Wednesday 3 March 2021", confirmation.PlainText, StringComparison.Ordinal);
        Assert.Equal("en", HttpUtility.ParseQueryString(Assert.Single(confirmation.HtmlLinks).Query)["lang"]);
        Assert.Equal("Your e-mail address is about to change", notice.Subject);
        Assert.Contains($"to {issued.NewEmail}", notice.PlainText, StringComparison.Ordinal);
        Assert.Contains(">Stop the change</a>", notice.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", notice.Html, StringComparison.Ordinal);
    }

    private static PersonEmailChangeLinksIssued Issued(string language, string currentEmail, string newEmail) => new(
        Guid.NewGuid(), Guid.NewGuid(), language == "en" ? "Ben Carter" : "Ingrid Sol", currentEmail, newEmail, language,
        Given.NewToken(), Given.NewToken(), Given.Now.AddDays(2), Given.Now);
}
