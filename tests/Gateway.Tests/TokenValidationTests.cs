using System.Net.Http.Headers;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// Only access tokens of the suite's identity provider for the suite's APIs pass: one from another
/// issuer, with a bad signature, expired, without an audience or for another, signed HS256 or not
/// at all, or of another type than <c>at+jwt</c> gets 401 at the gateway, and again at the service
/// if sent there directly.
/// </summary>
public sealed class TokenValidationTests(SuiteBehindGateway suite) : IClassFixture<SuiteBehindGateway>
{
    public static TheoryData<string> Forgeries => new()
    {
        "another issuer", "bad signature", "expired", "no audience", "audience of no API", "HS256", "none", "typ JWT",
    };

    private string Token(string forgery)
    {
        var user = TestUser.Administrator();
        return forgery switch
        {
            "another issuer" => suite.Issuer.CreateTokenFromOtherIssuer(user),
            "bad signature" => suite.Issuer.CreateTokenWithForeignKey(user),
            "expired" => suite.Issuer.CreateToken(user, TimeSpan.FromMinutes(-10)),
            "no audience" => suite.Issuer.CreateTokenFor(user),
            "audience of no API" => suite.Issuer.CreateTokenFor(user, "portal"),
            "HS256" => suite.Issuer.CreateTokenWithAlgorithm(user, "HS256"),
            "none" => suite.Issuer.CreateTokenWithAlgorithm(user, "none"),
            "typ JWT" => suite.Issuer.CreateTokenOfType(user, "JWT"),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task The_gateway_refuses_the_token_before_any_service_sees_the_request(string forgery)
    {
        using var client = suite.Gateway.ClientWithToken(Token(forgery));
        var before = suite.ArrivalsAt("/api/regions/probe/open-at-service");

        // The service would let anyone in here: a 401 can only come from the gateway.
        using var response = await client.GetAsync("/api/regions/probe/open-at-service", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer" && challenge.Parameter?.Contains("invalid_token") == true);
        Assert.Equal(before, suite.ArrivalsAt("/api/regions/probe/open-at-service"));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task The_service_refuses_the_same_token_when_called_directly(string forgery)
    {
        using var client = new HttpClient { BaseAddress = suite.Services.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(forgery));

        using var response = await client.GetAsync("/api/regions/probe/signed-in", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_api_passes_the_gateway_but_not_the_service()
    {
        var token = suite.Issuer.CreateTokenFor(TestUser.Administrator(), "feedback");
        using var throughGateway = suite.Gateway.ClientWithToken(token);
        using var direct = new HttpClient { BaseAddress = suite.Services.Address };
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Feedback is one of the APIs behind the gateway; the regions service is not feedback.
        using var atGateway = await throughGateway.GetAsync("/api/regions/probe/open-at-service", TestContext.Current.CancellationToken);
        using var atService = await direct.GetAsync("/api/regions/probe/signed-in", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, atGateway.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, atService.StatusCode);
    }

    [Fact]
    public async Task A_token_for_the_service_s_own_api_passes_both()
    {
        using var client = suite.Gateway.ClientWithToken(suite.Issuer.CreateTokenFor(TestUser.Administrator(), "regions"));

        using var response = await client.GetAsync("/api/regions/probe/administrators", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_is_passed_on_for_the_service_to_check_again()
    {
        using var client = suite.Gateway.ClientAs(TestUser.Administrator());

        using var response = await client.GetAsync("/api/regions/probe/administrators", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
