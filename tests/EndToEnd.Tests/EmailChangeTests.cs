using System.Web;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// A project leader changes a colleague's e-mail address, on the distributed suite through the
/// gateway: the colleague keeps signing in with the old address, and a password reset to the new
/// one hands out nothing, until the colleague confirms the address from the mail it received.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class EmailChangeTests(DistributedSuite suite)
{
    private static readonly Guid Halland = Guid.Parse("50ed05c3-f3a6-5555-a29f-95577922248a");

    [Fact]
    public async Task A_changed_address_takes_effect_only_when_its_owner_confirms_it()
    {
        var cancel = TestContext.Current.CancellationToken;
        var admin = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);

        // A programme of its own, so the demo programme's teams and invitations stay as seeded.
        var programme = await (await admin.PostJsonAsync("/api/regions/programmes", new
        {
            name = $"Adressbyte {Guid.NewGuid():N}"[..30],
            startsOn = "2031-01-01",
            endsOn = "2031-12-31",
        })).ReadAsync(HttpStatusCode.Created);
        var programmeId = programme.GetProperty("id").GetGuid();
        await (await admin.PostJsonAsync($"/api/regions/programmes/{programmeId}/regions", new { regionId = Halland })).ReadAsync(HttpStatusCode.Created);
        var (_, leaderEmail) = await TeamMemberAsync(admin, programmeId, "Lea Ledare", "ProjectLeader");
        var (colleagueId, oldEmail) = await TeamMemberAsync(admin, programmeId, "Kim Kollega", "KeyOfficial");
        var leaderPassword = await suite.ActivateAccountAsync(leaderEmail);
        var colleaguePassword = await suite.ActivateAccountAsync(oldEmail);

        // The project leader changes the colleague's address to one of her own choosing.
        var newEmail = $"kim.{Guid.NewGuid():N}"[..20] + "@annan.example";
        using var leader = await suite.ClientAsync(leaderEmail, leaderPassword);
        var entry = await leader.GetJsonAsync($"/api/regions/people/{colleagueId}");
        var changed = await (await leader.PutAsJsonAsync($"/api/regions/people/{colleagueId}", new
        {
            name = entry.GetProperty("name").GetString(),
            email = newEmail,
            regionId = Halland,
            preferredLanguage = "sv",
            shareContactDetails = false,
            version = entry.GetProperty("version").GetInt64(),
        }, cancel)).ReadAsync();
        Assert.Equal((oldEmail, newEmail), (changed.GetProperty("email").GetString(), changed.GetProperty("pendingEmail").GetString()));

        var confirmation = await MailAsync(newEmail, "/account/confirm-email");
        var notice = await MailAsync(oldEmail, "/account/stop-email-change");
        Assert.Equal("Din e-postadress håller på att ändras", notice.Subject);

        // Until confirmed, the old address signs in and gets the resets; the new one gets nothing.
        await suite.SignInAsync(oldEmail, colleaguePassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await TrySignInAsync(newEmail, colleaguePassword)).StatusCode);
        using var anonymous = await suite.ClientAsync();
        await RequestResetAsync(anonymous, newEmail);
        await RequestResetAsync(anonymous, oldEmail);
        await MailAsync(oldEmail, "/account/reset-password");
        Assert.DoesNotContain(suite.Mail.To(newEmail), m => m.TextLinks.Any(l => l.AbsolutePath == "/account/reset-password"));

        // The colleague follows the link in the mail at the new address: the page, then the form.
        var link = confirmation.TextLinks.Single(l => l.AbsolutePath == "/account/confirm-email");
        Assert.Equal(suite.Gateway.Authority, link.Authority);
        using var page = await anonymous.GetAsync(link.PathAndQuery, cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"password\"", await page.Content.ReadAsStringAsync(cancel));
        await suite.SignInAsync(oldEmail, colleaguePassword);
        using var confirmed = await anonymous.PostAsync("/account/confirm-email", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["password"] = colleaguePassword,
        }), cancel);
        Assert.True(confirmed.IsSuccessStatusCode, $"Confirming: {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync(cancel)}");

        // From now on the new address only, and the directory (and so every service) follows.
        await suite.SignInAsync(newEmail, colleaguePassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await TrySignInAsync(oldEmail, colleaguePassword)).StatusCode);
        await Eventually.UntilAsync(
            async () => (await admin.GetJsonAsync($"/api/regions/people/{colleagueId}")).GetProperty("email").GetString() == newEmail,
            "the directory adopted the confirmed address", TimeSpan.FromSeconds(60));
    }

    private async Task<(Guid Id, string Email)> TeamMemberAsync(HttpClient admin, Guid programmeId, string name, string role)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}"[..24] + "@regionhalland.example";
        var personId = await TestProgramme.AddTeamMemberAsync(admin, programmeId, Halland, role, new
        {
            name,
            email,
            regionId = Halland,
            preferredLanguage = "sv",
        });
        return (personId, email);
    }

    private async Task<ReceivedMail> MailAsync(string to, string linkPath) =>
        (await Eventually.UntilAsync(
            () => Task.FromResult(suite.Mail.To(to).FirstOrDefault(m => m.TextLinks.Any(l => l.AbsolutePath == linkPath))),
            found => found is not null,
            $"a mail with a link to {linkPath} reached {to}",
            TimeSpan.FromSeconds(90)))!;

    private Task<HttpResponseMessage> TrySignInAsync(string email, string password) => suite.TrySignInAsync(email, password);

    private static async Task RequestResetAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsync("/account/reset-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
