using KollegialtUtbyte.Gateway.Domain;

namespace KollegialtUtbyte.Gateway.Tests;

public sealed class ForwardingRulesTests
{
    [Fact]
    public void Headers_named_in_Connection_are_hop_by_hop_too()
    {
        var named = ForwardingRules.NamedInConnection(["keep-alive, X-Private", " X-Other ", "close"]).ToList();

        Assert.Equal(["X-Private", "X-Other"], named);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("head", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Only_idempotent_methods_may_be_repeated(string method, bool idempotent) =>
        Assert.Equal(idempotent, ForwardingRules.IsIdempotent(method));
}
