namespace KollegialtUtbyte.Identity.Tests;

/// <summary>What time does to accounts and tokens: lockout ends, links and refresh tokens expire. The clock is the test's.</summary>
public sealed class ClockTests : IdentityOnTestClock
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_for_the_right_password()
    {
        var (joined, _) = await Host.ActiveTeamMemberAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(IdentityHost.SignInRefused, await CodeFlowSignIn.RefusalOf(await SignInAsync(joined.Email, "fel-losenord-" + attempt)));
        }

        // Refused with the very answer a wrong password gets: the lockout is not told.
        Assert.Equal(await CodeFlowSignIn.RefusalOf(await SignInAsync(joined.Email, "fel-igen")), await CodeFlowSignIn.RefusalOf(await SignInAsync(joined.Email, IdentityHost.Password)));

        Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Found, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);
    }

    [Fact]
    public async Task Each_further_lockout_lasts_twice_as_long_until_a_successful_sign_in()
    {
        var (joined, _) = await Host.ActiveTeamMemberAsync();

        // First lockout: 15 minutes; when it ends, the count of lockouts stays.
        await FiveWrongPasswordsAsync(joined.Email);
        Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        // Second: 30 minutes.
        await FiveWrongPasswordsAsync(joined.Email);
        Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        // Third: 60 minutes.
        await FiveWrongPasswordsAsync(joined.Email);
        Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Found, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);

        // The successful sign-in started the lockouts over: 15 minutes again.
        await FiveWrongPasswordsAsync(joined.Email);
        Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Found, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);
    }

    private async Task FiveWrongPasswordsAsync(string email)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(IdentityHost.SignInRefused, await CodeFlowSignIn.RefusalOf(await SignInAsync(email, "fel-losenord-" + attempt)));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(email, IdentityHost.Password)).StatusCode);
    }


    [Fact]
    public async Task Wrong_passwords_sent_in_parallel_all_count_toward_the_lockout()
    {
        var (joined, _) = await Host.ActiveTeamMemberAsync();

        var guesses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => SignInAsync(joined.Email, "gissning-nummer-" + i)));

        Assert.All(guesses, response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_of_failures_afresh()
    {
        var (joined, _) = await Host.ActiveTeamMemberAsync();

        for (var round = 0; round < 3; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await SignInAsync(joined.Email, "fel-losenord-" + attempt);
            }

            Assert.Equal(HttpStatusCode.Found, (await SignInAsync(joined.Email, IdentityHost.Password)).StatusCode);
        }
    }

    [Fact]
    public async Task An_activation_link_expires_after_seven_days()
    {
        var (_, early) = await Host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var (_, late) = await Host.AddTeamMemberAsync(TeamRole.KeyOfficial);

        Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await Host.ActivateAsync(early.Token, IdentityHost.Password)).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.ActivateAsync(late.Token, IdentityHost.Password)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_left_unused_for_fourteen_days_expires_and_each_use_gives_fourteen_more()
    {
        var (joined, _) = await Host.ActiveTeamMemberAsync();
        var session = await Host.SignInAsync(joined.Email, IdentityHost.Password);

        Clock.Advance(TimeSpan.FromDays(13));
        var refreshed = await Host.RefreshAsync(session.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = TokenSet.From(await refreshed.Content.ReadFromJsonAsync<JsonElement>(Cancel));

        Clock.Advance(TimeSpan.FromDays(13));
        var again = await Host.RefreshAsync(next.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var last = TokenSet.From(await again.Content.ReadFromJsonAsync<JsonElement>(Cancel));

        Clock.Advance(TimeSpan.FromDays(14));
        Assert.NotEmpty(await DescriptionOf(await Host.RefreshAsync(last.RefreshToken!)));
    }

    private Task<HttpResponseMessage> SignInAsync(string email, string password) => Host.TrySignInAsync(email, password);


    private static async Task<string> DescriptionOf(HttpResponseMessage response)
    {
        var body = await ErrorBodyOf(response);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        return body.GetProperty("error_description").GetString()!;
    }

    private static async Task<JsonElement> ErrorBodyOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }
}
