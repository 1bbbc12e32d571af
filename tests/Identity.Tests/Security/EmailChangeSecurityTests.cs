namespace KollegialtUtbyte.Identity.Tests.Security;

/// <summary>
/// The e-mail address is the sign-in name and where password resets go. Whoever may edit the
/// directory must not be able to move a colleague's account to an address of their own: the
/// account moves only to an address its owner confirmed from that address (with the account's
/// password), or that an administrator set.
/// </summary>
public sealed class EmailChangeSecurityTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_directory_entry_naming_an_unconfirmed_address_moves_neither_sign_in_nor_password_resets()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var attackers = $"{Guid.NewGuid():N}@angripare.example";
        var updated = Updated(joined, attackers);

        await _host.PublishAsync(updated);
        await _host.ConsumedAsync<PersonUpdated>(e => e == updated);
        using var client = _host.NewClient();
        await client.PostAsync("/account/reset-password", Form(("email", attackers)), Cancel);
        await client.PostAsync("/account/reset-password", Form(("email", joined.Email)), Cancel);

        await _host.SignInAsync(joined.Email, IdentityHost.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(attackers)).StatusCode);
        await _host.PublishedAsync<PasswordResetRequested>(r => r.PersonId == joined.PersonId && r.Email == joined.Email);
        Assert.DoesNotContain(_host.Published<PasswordResetRequested>(), r => r.Email == attackers);
        Assert.Equal(joined.Email, (await _host.AccountOfAsync(joined.PersonId))!.Email);
    }

    [Fact]
    public async Task A_requested_change_takes_effect_only_when_the_owner_confirms_it_with_the_password_and_opening_links_changes_nothing()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var newEmail = $"{Guid.NewGuid():N}@regionvarmland.example";
        var links = await RequestChangeAsync(joined, newEmail);
        using var client = _host.NewClient();

        var confirmPage = await client.GetAsync($"/account/confirm-email?token={Uri.EscapeDataString(links.ConfirmToken)}", Cancel);
        var stopPage = await client.GetAsync($"/account/stop-email-change?token={Uri.EscapeDataString(links.StopToken)}", Cancel);
        Assert.Equal(HttpStatusCode.OK, confirmPage.StatusCode);
        Assert.Contains("autocomplete=\"current-password\"", await confirmPage.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, stopPage.StatusCode);
        Assert.Contains(newEmail, await stopPage.Content.ReadAsStringAsync(Cancel));
        await _host.SignInAsync(joined.Email, IdentityHost.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(newEmail)).StatusCode);

        var withoutPassword = await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken)), Cancel);
        var wrongPassword = await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken), ("password", "gissat-losenord-som-inte-stammer")), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, withoutPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Contains("Lösenordet stämmer inte.", await wrongPassword.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(joined.Email, (await _host.AccountOfAsync(joined.PersonId))!.Email);

        var confirmed = await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken), ("password", IdentityHost.Password)), Cancel);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await _host.PublishedAsync<PersonEmailChangeConfirmed>(e => e.ChangeId == links.ChangeId && e.NewEmail == newEmail);
        await _host.SignInAsync(newEmail, IdentityHost.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(joined.Email)).StatusCode);
        var reused = await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken), ("password", IdentityHost.Password)), Cancel);
        var stopAfterwards = await client.PostAsync("/account/stop-email-change", Form(("token", links.StopToken)), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stopAfterwards.StatusCode);
    }

    [Fact]
    public async Task Stopping_from_the_old_address_keeps_it_and_the_confirmation_link_stops_working()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var newEmail = $"{Guid.NewGuid():N}@angripare.example";
        var links = await RequestChangeAsync(joined, newEmail);
        using var client = _host.NewClient();

        var stopped = await client.PostAsync("/account/stop-email-change", Form(("token", links.StopToken), ("lang", "en")), Cancel);
        var confirmedAfterwards = await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken), ("password", IdentityHost.Password)), Cancel);

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("The change has been stopped", await stopped.Content.ReadAsStringAsync(Cancel));
        await _host.PublishedAsync<PersonEmailChangeCancelled>(e => e.ChangeId == links.ChangeId);
        Assert.Equal(HttpStatusCode.BadRequest, confirmedAfterwards.StatusCode);
        await _host.SignInAsync(joined.Email, IdentityHost.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(newEmail)).StatusCode);
    }

    [Fact]
    public async Task Too_many_wrong_passwords_call_the_change_off()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var links = await RequestChangeAsync(joined, $"{Guid.NewGuid():N}@angripare.example");
        using var client = _host.NewClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken), ("password", $"fel-losenord-nummer-{attempt}")), Cancel);
        }

        var withTheRightOne = await client.PostAsync("/account/confirm-email", Form(("token", links.ConfirmToken), ("password", IdentityHost.Password)), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, withTheRightOne.StatusCode);
        await _host.PublishedAsync<PersonEmailChangeCancelled>(e => e.ChangeId == links.ChangeId);
        Assert.Equal(joined.Email, (await _host.AccountOfAsync(joined.PersonId))!.Email);
    }

    [Fact]
    public async Task An_administrators_direct_change_moves_the_sign_in_name_in_whichever_order_the_events_arrive()
    {
        var (first, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var (second, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var firstNew = $"{Guid.NewGuid():N}@regionvarmland.example";
        var secondNew = $"{Guid.NewGuid():N}@regionvarmland.example";

        await _host.PublishAsync(new PersonEmailChangedByAdministrator(first.PersonId, first.Email, firstNew, Guid.NewGuid(), DateTimeOffset.UtcNow));
        await _host.PublishAsync(Updated(first, firstNew));
        var updated = Updated(second, secondNew);
        await _host.PublishAsync(updated);
        await _host.ConsumedAsync<PersonUpdated>(e => e == updated);
        await _host.PublishAsync(new PersonEmailChangedByAdministrator(second.PersonId, second.Email, secondNew, Guid.NewGuid(), DateTimeOffset.UtcNow));

        await Eventually.UntilAsync(async () => (await _host.AccountOfAsync(first.PersonId))!.Email == firstNew, "the first account follows the administrator's change");
        await Eventually.UntilAsync(async () => (await _host.AccountOfAsync(second.PersonId))!.Email == secondNew, "the second account follows the administrator's change");
        await _host.SignInAsync(firstNew, IdentityHost.Password);
        await _host.SignInAsync(secondNew, IdentityHost.Password);
    }

    private async Task<PersonEmailChangeLinksIssued> RequestChangeAsync(TeamMemberJoined joined, string newEmail)
    {
        var changeId = Guid.NewGuid();
        await _host.PublishAsync(new PersonEmailChangeRequested(
            changeId, joined.PersonId, joined.Name, joined.Email, newEmail, joined.PreferredLanguage, Guid.NewGuid(), DateTimeOffset.UtcNow));
        var links = await _host.PublishedAsync<PersonEmailChangeLinksIssued>(e => e.ChangeId == changeId);
        Assert.Equal((joined.Email, newEmail), (links.CurrentEmail, links.NewEmail));
        Assert.NotEqual(links.ConfirmToken, links.StopToken);
        return links;
    }

    private static PersonUpdated Updated(TeamMemberJoined joined, string email) =>
        new(joined.PersonId, joined.Name, email, null, joined.Title, joined.RegionId, joined.RegionName, joined.RegionId, joined.PreferredLanguage, null, DateTimeOffset.UtcNow);

    private Task<HttpResponseMessage> SignInAsync(string email) => _host.TrySignInAsync(email, IdentityHost.Password);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
