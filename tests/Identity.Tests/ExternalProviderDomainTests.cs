using KollegialtUtbyte.Identity.Application.OpenId;

namespace KollegialtUtbyte.Identity.Tests;

public sealed class ExternalProviderDomainTests
{
    private static readonly ExternalProvider Kronoberg = new("kronoberg", "Region Kronoberg", new Uri("https://login.kronoberg.example/"), new HashSet<string> { "kronoberg.example" });

    [Theory]
    [InlineData("anna@kronoberg.example", true)]
    [InlineData(" Anna@KRONOBERG.example ", true)]
    [InlineData("anna@sormland.example", false)]
    [InlineData("anna@sub.kronoberg.example", false)]
    [InlineData("Anna <anna@kronoberg.example>", false)]
    [InlineData("anna@evil.example@kronoberg.example", false)]
    [InlineData("@kronoberg.example", false)]
    [InlineData("anna@", false)]
    [InlineData("anna", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_provider_serves_plain_addresses_of_its_own_domains_only(string? email, bool served) =>
        Assert.Equal(served, Kronoberg.Serves(email));
}
