using System.Net.Http.Headers;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// The identity service on a real port, trusted by another service through discovery and JWKS
/// over HTTP: a person added to a team activates the account, signs in and calls the service;
/// tokens the identity service did not issue are refused there.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private TestTokenIssuer _otherIssuer = null!;
    private IdentityHost _identity = null!;
    private ProtectedService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _otherIssuer = await TestTokenIssuer.StartAsync();
        _identity = IdentityHost.OnKestrel(_otherIssuer);
        _service = await ProtectedService.StartAsync(_identity.BaseUrl!);
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _identity.DisposeAsync();
        await _otherIssuer.DisposeAsync();
    }

    [Fact]
    public async Task A_person_added_to_a_team_activates_the_account_from_the_link_signs_in_and_calls_a_service()
    {
        var regionId = Guid.NewGuid();

        var (joined, activation) = await _identity.AddTeamMemberAsync(TeamRole.ProjectLeader, regionId);
        Assert.Equal(joined.Email, activation.Email);
        Assert.True(activation.ExpiresAt > DateTimeOffset.UtcNow.AddDays(6));

        using var browser = _identity.NewClient();
        var page = await browser.GetStringAsync($"/account/activate?token={Uri.EscapeDataString(activation.Token)}", TestContext.Current.CancellationToken);
        Assert.Contains("Aktivera ditt konto", page);
        Assert.Equal(HttpStatusCode.OK, (await _identity.ActivateAsync(activation.Token, IdentityHost.Password)).StatusCode);

        var tokens = await _identity.SignInAsync(joined.Email, IdentityHost.Password);
        var response = await _service.GetAsync("/whoami", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = (await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken))!;
        Assert.Equal(joined.PersonId, caller.Person);
        Assert.Equal([regionId], caller.Regions);
        Assert.Equal(joined.Name, caller.Name);
        Assert.Equal(joined.Email, caller.Email);
        Assert.Equal([Roles.ProjectLeader, Roles.TeamMember], caller.Roles.Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await _service.GetAsync("/administration", tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Tokens_from_another_issuer_or_with_a_bad_signature_get_401_at_the_service()
    {
        var (joined, _) = await _identity.ActiveTeamMemberAsync();
        var genuine = (await _identity.SignInAsync(joined.Email, IdentityHost.Password)).AccessToken;
        var activeKey = TestKeys.Read(_identity.SigningKeyPath, Jwt.Read(genuine).Kid);
        var user = TestUser.Administrator().WithPerson(joined.PersonId);

        Assert.Equal(HttpStatusCode.OK, (await _service.GetAsync("/whoami", genuine)).StatusCode);
        var refused = new Dictionary<string, string>
        {
            ["another identity provider's token"] = _otherIssuer.CreateToken(user),
            ["signed with the right key, naming another issuer"] = Jwt.Forge(genuine, activeKey, "https://elsewhere.example"),
            ["signed with a foreign key under the right kid"] = Jwt.Forge(genuine, Jwt.ForeignKey(activeKey.KeyId!), _identity.BaseUrl!),
            ["the genuine token with its payload changed"] = Jwt.WithPayloadChanged(genuine),
            ["the genuine payload unsigned"] = Jwt.Unsigned(genuine),
        };

        foreach (var (what, token) in refused)
        {
            var response = await _service.GetAsync("/whoami", token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_identity_service_validates_its_own_tokens_for_its_administration_api()
    {
        var administrator = await _identity.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword);
        using var client = _identity.NewClient();

        using var own = new HttpRequestMessage(HttpMethod.Get, "/api/identity/accounts");
        own.Headers.Authorization = new AuthenticationHeaderValue("Bearer", administrator.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own, TestContext.Current.CancellationToken)).StatusCode);

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/identity/accounts");
        foreign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _otherIssuer.CreateToken(TestUser.Administrator()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(foreign, TestContext.Current.CancellationToken)).StatusCode);
    }
}
