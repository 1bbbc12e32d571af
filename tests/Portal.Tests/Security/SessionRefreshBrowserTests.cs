namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>
/// The whole suite with access tokens that enter the portal's renewal margin (a minute before expiry)
/// a few seconds after they are issued, so that a test sees a renewal without waiting ten minutes.
/// </summary>
public sealed class ShortTokenSuite : IAsyncLifetime
{
    public EmbeddedSuite Suite { get; } = new(LoopbackPorts.Reserve(), new Dictionary<string, string?>
    {
        ["Identity:AccessTokenLifetime"] = "00:01:10",
    });

    public ValueTask InitializeAsync() => Suite.InitializeAsync();

    public ValueTask DisposeAsync() => Suite.DisposeAsync();
}

/// <summary>
/// The portal's session in a real browser through the gateway: the access token is renewed with the
/// refresh token (which rotates) and the cookie rewritten; a copy of an older cookie, replayed, uses a
/// refresh token already redeemed, which ends that copy's session and, at its next renewal, the original's
/// (the family is revoked).
/// </summary>
public sealed class SessionRefreshBrowserTests(ShortTokenSuite tokens, Browser browser) : IClassFixture<ShortTokenSuite>, IClassFixture<Browser>
{
    private EmbeddedSuite Suite => tokens.Suite;

    [Fact]
    public async Task The_session_renews_its_token_and_a_replayed_older_cookie_ends_it_everywhere()
    {
        var page = await browser.NewPageAsync(Suite.Address);
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(EmbeddedSuite.AdministratorEmail);
        await page.GetByLabel("Lösenord").FillAsync(EmbeddedSuite.AdministratorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.GetByText("Inloggad som")).ToBeVisibleAsync();
        var older = await SessionCookiesAsync(page);

        // Once the token is within a minute of expiry, the next page renews it and rewrites the cookie.
        var renewed = await Eventually.UntilAsync(
            async () =>
            {
                await page.GotoAsync("/");
                await Assertions.Expect(page.GetByText("Inloggad som")).ToBeVisibleAsync();
                return await SessionCookiesAsync(page);
            },
            cookies => Values(cookies) != Values(older),
            "a page renewed the session's token",
            TimeSpan.FromSeconds(90));

        // Someone replays the older cookie: its refresh token was redeemed, so it is refused ...
        var replay = await browser.NewPageAsync(Suite.Address);
        await replay.Context.AddCookiesAsync(older.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await replay.GotoAsync("/");
        await Assertions.Expect(replay.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First).ToBeVisibleAsync();
        await Assertions.Expect(replay.GetByText("Inloggad som")).ToHaveCountAsync(0);

        // ... and the reuse revokes the whole family: the original session keeps its short-lived access
        // token until it is due for renewal, and then ends instead of renewing.
        await Eventually.UntilAsync(
            async () =>
            {
                await page.GotoAsync("/");
                return await page.GetByText("Inloggad som").CountAsync() == 0;
            },
            "the original session ended at its next renewal",
            TimeSpan.FromSeconds(90));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First).ToBeVisibleAsync();
        Assert.Empty(await SessionCookiesAsync(page));
    }

    private static async Task<IReadOnlyList<BrowserContextCookiesResult>> SessionCookiesAsync(IPage page) =>
        [.. (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("ku.portal", StringComparison.Ordinal)).OrderBy(c => c.Name, StringComparer.Ordinal)];

    private static string Values(IEnumerable<BrowserContextCookiesResult> cookies) => string.Join("|", cookies.Select(c => c.Name + "=" + c.Value));
}
