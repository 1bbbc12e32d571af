using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.Notifications.ApiContracts;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The administrators' list of mails that failed delivery: who, what, when and why, never a link or a token.</summary>
public sealed class FailedMailApiTests
{
    private const string Path = "/api/notifications/mails/failed";

    [Fact]
    public async Task An_administrator_sees_a_rejected_mail_with_its_recipient_subject_and_error_but_no_link_or_token()
    {
        const string unknown = "ingen.alls@region.example.test";
        var request = new AccountActivationRequested(Guid.NewGuid(), Guid.NewGuid(), unknown, "Ingen Alls", "sv", Given.NewToken(), Given.Now.AddDays(3), Given.Now);
        var link = $"{NotificationsService.PublicBaseUrl}account/activate?token={Uri.EscapeDataString(request.Token)}";

        // The server rejects the mailbox for good and, as some do, quotes the link back in its reply.
        await using var smtp = FakeSmtpServer.Accepting(to => to == unknown ? $"550 5.7.1 Rejected {link} ({request.Token}) no such user" : null);
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Delivery:Method"] = "Smtp",
            ["Notifications:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Delivery:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Delivery:Smtp:Security"] = "None",
        });
        await service.PublishAsync(request);
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.PersonId == request.PersonId && m.Status == MailStatus.Failed)),
            "the mail is recorded as failed");

        using var administrator = service.ClientFor(TestUser.Administrator());
        using var response = await administrator.GetAsync(Path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var failed = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, failed.GetProperty("total").GetInt32());
        var mail = Assert.Single(failed.GetProperty("mails").EnumerateArray());
        Assert.Equal("AccountActivation", mail.GetProperty("kind").GetString());
        Assert.Equal("Ingen Alls", mail.GetProperty("recipientName").GetString());
        Assert.Equal(unknown, mail.GetProperty("recipientAddress").GetString());
        Assert.False(string.IsNullOrWhiteSpace(mail.GetProperty("subject").GetString()), "The subject of the mail that failed is named.");
        Assert.Equal(1, mail.GetProperty("attempts").GetInt32());
        var error = mail.GetProperty("lastError").GetString()!;
        Assert.Contains("no such user", error, StringComparison.Ordinal);
        Assert.Contains(FailureText.LinkRemoved, error, StringComparison.Ordinal);
        Assert.DoesNotContain(request.Token, body, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(request.Token).Trim('"'), body, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(request.Token), body, StringComparison.Ordinal);
        Assert.DoesNotContain("account/activate", body, StringComparison.Ordinal);

        // The portal reads the same answer through the service's typed client.
        var typed = await new NotificationsApi(administrator).FailedMailsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, typed.Value?.Total);
        Assert.Equal(request.PersonId, Assert.Single(typed.Value!.Mails).PersonId);
    }

    [Fact]
    public async Task Only_administrators_may_list_the_failed_mails()
    {
        await using var service = await NotificationsService.StartAsync();
        var region = Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;

        foreach (var user in new[] { TestUser.Facilitator(), TestUser.ProjectLeader(region), TestUser.TeamMember(region), TestUser.Politician(region) })
        {
            using var client = service.ClientFor(user);
            using var refused = await client.GetAsync(Path, ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{string.Join(", ", user.Roles)}: {refused.StatusCode}");
        }

        using (var anonymous = service.ClientFor(null))
        using (var response = await anonymous.GetAsync(Path, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // An administrator's token for the other APIs only is not one for this service.
        using (var elsewhere = service.ClientWithTokenFor(TestUser.Administrator(), "meetings", "regions"))
        using (var response = await elsewhere.GetAsync(Path, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var administrator = service.ClientFor(TestUser.Administrator());
        var empty = await administrator.GetFromJsonAsync<JsonElement>(Path, ct);
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
        Assert.Empty(empty.GetProperty("mails").EnumerateArray());
    }
}
