using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// Password guessing is throttled per account name and per client address, at the token endpoint
/// and at the password-reset request: 429 with Retry-After. Reset links to one address are capped
/// without the page telling so.
/// </summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task One_account_name_gets_a_few_attempts_then_429_while_other_names_go_on()
    {
        await using var host = IdentityHost.InProcess(_issuer, s => s["Identity:Throttle:AttemptsPerAccount"] = "3");
        var (joined, _) = await host.ActiveTeamMemberAsync();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PasswordGrantAsync(host, joined.Email, "fel-" + attempt)).StatusCode);
        }

        // Even the right password waits now; the name is compared as Identity normalises it.
        var throttled = await PasswordGrantAsync(host, " " + joined.Email.ToUpperInvariant(), IdentityHost.Password);
        var other = await PasswordGrantAsync(host, IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword);

        await AssertTooManyAsync(throttled);
        Assert.Equal(HttpStatusCode.Found, other.StatusCode);
    }

    [Fact]
    public async Task Each_client_address_a_trusted_proxy_forwards_for_has_its_own_budget()
    {
        await using var host = IdentityHost.OnKestrel(_issuer, s => s["Identity:Throttle:AttemptsPerAddress"] = "2");
        using var client = host.NewClient();

        var first = new List<HttpResponseMessage>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            first.Add(await host.TrySignInAsync($"gissning{attempt}@example.test", "fel-losenord", client, forwardedFor: "192.0.2.1"));
        }

        var second = await host.TrySignInAsync("gissning4@example.test", "fel-losenord", client, forwardedFor: "192.0.2.2");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], first.Take(2).Select(r => r.StatusCode));
        await AssertTooManyAsync(first[2]);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Password_reset_requests_are_throttled_per_address_and_links_per_account_without_saying_so()
    {
        await using var host = IdentityHost.InProcess(_issuer, s =>
        {
            s["Identity:Throttle:ResetLinksPerAccount"] = "2";
            s["Identity:Throttle:ResetRequestsPerAddress"] = "4";
        });
        var (joined, activation) = await host.ActiveTeamMemberAsync();
        using var client = host.NewClient();

        var answers = new List<HttpResponseMessage>();
        for (var request = 1; request <= 3; request++)
        {
            answers.Add(await RequestResetAsync(client, joined.Email));
        }

        var unknown = await RequestResetAsync(client, "ingen.alls@example.test");
        var beyond = await RequestResetAsync(client, joined.Email);

        // The same page for each, whether a link went out or not, and for an unknown address.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var pages = await Task.WhenAll(answers.Append(unknown).Select(a => a.Content.ReadAsStringAsync(Cancel)));
        Assert.Single(pages.Distinct());
        Assert.Equal(2, await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(
            m => m.MessageType.Contains(nameof(PasswordResetRequested)) && m.Body.Contains(activation.AccountId.ToString()), Cancel)));

        Assert.Equal(HttpStatusCode.TooManyRequests, beyond.StatusCode);
        Assert.True(beyond.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private static Task<HttpResponseMessage> PasswordGrantAsync(IdentityHost host, string userName, string password) => host.TrySignInAsync(userName, password);

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email) =>
        client.PostAsync("/account/reset-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email }), Cancel);

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.StartsWith("För många inloggningsförsök.", await CodeFlowSignIn.RefusalOf(response), StringComparison.Ordinal);
    }
}
