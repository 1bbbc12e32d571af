namespace KollegialtUtbyte.Gateway.Tests;

public sealed class GatewayHealthTests
{
    [Fact]
    public async Task The_gateway_answers_its_liveness_probe_without_a_token()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        await using var gateway = new ServiceFactory<Program>("gateway", issuer);

        var response = await gateway.ClientFor(null).GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
