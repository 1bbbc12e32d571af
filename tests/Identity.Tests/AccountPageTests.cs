using System.Net.Http.Headers;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>The pages a person reaches from a mail: activating the account and resetting a forgotten password.</summary>
public sealed class AccountPageTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_activation_page_is_in_Swedish_unless_English_is_asked_for()
    {
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var path = $"/account/activate?token={Uri.EscapeDataString(activation.Token)}";
        using var client = _host.NewClient();

        var swedish = await client.GetAsync(path, Cancel);
        var english = await client.GetStringAsync(path + "&lang=en", Cancel);
        using var preferringEnglish = new HttpRequestMessage(HttpMethod.Get, path);
        preferringEnglish.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,sv;q=0.5");
        var negotiated = await (await client.SendAsync(preferringEnglish, Cancel)).Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, swedish.StatusCode);
        Assert.Equal("text/html", swedish.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-referrer", swedish.Headers.GetValues("Referrer-Policy").Single());
        var page = await swedish.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains("<h1>Aktivera ditt konto</h1>", page);
        Assert.Contains("<label for=\"password\">Nytt lösenord</label>", page);
        Assert.Contains("autocomplete=\"new-password\"", page);
        Assert.Contains($"value=\"{joined.Email}\"", page);
        Assert.Contains("hreflang=\"en\"", page);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<h1>Activate your account</h1>", english);
        Assert.Contains("<h1>Activate your account</h1>", negotiated);
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_is_refused_with_the_reasons_and_changes_nothing()
    {
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);

        var tooShort = await _host.ActivateAsync(activation.Token, "kort");
        var different = await _host.ActivateAsync(activation.Token, IdentityHost.Password, "ett-annat-losenord-helt");
        var theEmail = await _host.ActivateAsync(activation.Token, joined.Email);
        var empty = await _host.ActivateAsync(activation.Token, "");

        var shortPage = await PageOf(tooShort, HttpStatusCode.BadRequest);
        Assert.Contains("<title>Fel: Aktivera ditt konto", shortPage);
        Assert.Contains("role=\"alert\"", shortPage);
        Assert.Contains("<a href=\"#password\">Lösenordet måste ha minst 10 tecken.</a>", shortPage);
        Assert.Contains("aria-invalid=\"true\"", shortPage);
        Assert.Contains("<a href=\"#confirmPassword\">Lösenorden är inte likadana.", await PageOf(different, HttpStatusCode.BadRequest));
        Assert.Contains("Lösenordet får inte vara din e-postadress.", await PageOf(theEmail, HttpStatusCode.BadRequest));
        Assert.Contains("Skriv ett lösenord.", await PageOf(empty, HttpStatusCode.BadRequest));
        Assert.Null((await _host.AccountOfAsync(joined.PersonId))!.PasswordHash);

        // The link still works after the refused attempts.
        Assert.Equal(HttpStatusCode.OK, (await _host.ActivateAsync(activation.Token, IdentityHost.Password)).StatusCode);
    }

    [Fact]
    public async Task A_link_works_once_and_an_unknown_link_says_so()
    {
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        using var client = _host.NewClient();

        var done = await _host.ActivateAsync(activation.Token, IdentityHost.Password);
        var reused = await _host.ActivateAsync(activation.Token, "ett-annat-losenord-helt");
        var reopened = await client.GetAsync($"/account/activate?token={Uri.EscapeDataString(activation.Token)}", Cancel);
        var unknown = await client.GetAsync("/account/activate?token=gissad", Cancel);
        var none = await client.GetAsync("/account/activate", Cancel);

        Assert.Contains("<h1>Kontot är aktiverat</h1>", await PageOf(done, HttpStatusCode.OK));
        foreach (var response in new[] { reused, reopened, unknown, none })
        {
            var page = await PageOf(response, HttpStatusCode.BadRequest);
            Assert.Contains("<h1>Länken fungerar inte</h1>", page);
            Assert.DoesNotContain("<form", page);
        }

        await _host.SignInAsync(joined.Email, IdentityHost.Password);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_which_also_ends_every_session()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        var session = await _host.SignInAsync(joined.Email, IdentityHost.Password);
        using var client = _host.NewClient();

        var requestPage = await client.GetStringAsync("/account/reset-password?lang=en", Cancel);
        var requested = await client.PostAsync("/account/reset-password", Form(("email", joined.Email), ("lang", "en")), Cancel);
        var nobody = await client.PostAsync("/account/reset-password", Form(("email", "ingen.alls@example.test"), ("lang", "en")), Cancel);

        Assert.Contains("<h1>Forgotten password</h1>", requestPage);
        var requestedPage = await PageOf(requested, HttpStatusCode.OK);
        Assert.Equal(requestedPage, await PageOf(nobody, HttpStatusCode.OK));
        var reset = await _host.PublishedAsync<PasswordResetRequested>(r => r.PersonId == joined.PersonId);
        Assert.Equal(joined.Email, reset.Email);
        Assert.DoesNotContain(_host.Published<PasswordResetRequested>(), r => r.Email == "ingen.alls@example.test");

        var form = await client.GetStringAsync($"/account/reset-password?token={Uri.EscapeDataString(reset.Token)}", Cancel);
        Assert.Contains("<h1>Välj ett nytt lösenord</h1>", form);
        var changed = await client.PostAsync("/account/reset-password", Form(("token", reset.Token), ("password", "det-nya-losenordet-ar-langt"), ("confirmPassword", "det-nya-losenordet-ar-langt")), Cancel);

        Assert.Contains("<h1>Lösenordet är bytt</h1>", await PageOf(changed, HttpStatusCode.OK));
        var oldPassword = await _host.TrySignInAsync(joined.Email, IdentityHost.Password);
        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.RefreshAsync(session.RefreshToken!)).StatusCode);
        await _host.SignInAsync(joined.Email, "det-nya-losenordet-ar-langt");
    }

    [Fact]
    public async Task A_reset_request_without_a_valid_address_asks_for_one()
    {
        using var client = _host.NewClient();

        var empty = await client.PostAsync("/account/reset-password", Form(("email", "")), Cancel);
        var invalid = await client.PostAsync("/account/reset-password", Form(("email", "inte-en-adress")), Cancel);

        Assert.Contains("Skriv din e-postadress.", await PageOf(empty, HttpStatusCode.BadRequest));
        var page = await PageOf(invalid, HttpStatusCode.BadRequest);
        Assert.Contains("Skriv en e-postadress i formen", page);
        Assert.Contains("value=\"inte-en-adress\"", page);
    }

    [Fact]
    public async Task Posting_anything_but_a_form_is_refused_without_a_change()
    {
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        using var client = _host.NewClient();

        var json = await client.PostAsJsonAsync("/account/activate", new { token = activation.Token, password = IdentityHost.Password, confirmPassword = IdentityHost.Password }, Cancel);
        using var text = new StringContent("token=x", System.Text.Encoding.UTF8);
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var plain = await client.PostAsync("/account/reset-password", text, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Null((await _host.AccountOfAsync(joined.PersonId))!.PasswordHash);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<string> PageOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {page}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return page;
    }
}
