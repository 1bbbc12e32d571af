using KollegialtUtbyte.Gateway.Domain;
using KollegialtUtbyte.ServiceDefaults.Uploads;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>The route table from configuration: which routes need a token, and configurations that must not start.</summary>
public sealed class RouteTableTests
{
    private static GatewayOptions Settings(params (string Name, GatewayRouteOptions Route)[] routes) => new()
    {
        Destinations =
        {
            ["regions"] = new DestinationOptions { Address = "http://regions:8080" },
            ["portal"] = new DestinationOptions { Address = "http://portal:8080", MaxRequestBodySize = 1000 },
        },
        Routes = routes.ToDictionary(r => r.Name, r => r.Route),
    };

    [Fact]
    public void Routes_under_the_api_need_a_token_unless_public_and_the_rest_never_do()
    {
        var table = RouteTable.From(Settings(
            ("regions", new GatewayRouteOptions { PathPrefix = "/api/regions/", Destination = "regions", OpenApi = true }),
            ("open", new GatewayRouteOptions { PathPrefix = "/api/open", Destination = "regions", Public = true }),
            ("portal", new GatewayRouteOptions { PathPrefix = "/", Destination = "portal" })));

        var regions = table.Routes.Single(r => r.Name == "regions");
        Assert.Equal("/api/regions", regions.PathPrefix);
        Assert.True(regions.RequiresToken);
        Assert.Equal("/api/regions/openapi.json", regions.OpenApiDocument);
        Assert.Equal(30 * 1024 * 1024, regions.Destination.MaxRequestBodySize);
        Assert.False(table.Routes.Single(r => r.Name == "open").RequiresToken);
        var portal = table.Routes.Single(r => r.Name == "portal");
        Assert.False(portal.RequiresToken);
        Assert.Null(portal.OpenApiDocument);
        Assert.Equal(1000, portal.Destination.MaxRequestBodySize);
    }

    [Fact]
    public void A_destination_receiving_uploads_takes_the_configured_upload_limit_and_the_form_around_it()
    {
        var settings = Settings(("feedback", new GatewayRouteOptions { PathPrefix = "/api/feedback", Destination = "feedback" }));
        settings.Destinations["feedback"] = new DestinationOptions { Address = "http://feedback:8080", DocumentUploads = true };
        settings.Destinations["explicit"] = new DestinationOptions { Address = "http://feedback:8080", DocumentUploads = true, MaxRequestBodySize = 5000 };

        var table = RouteTable.From(settings, new UploadOptions { MaxDocumentBytes = 2 * 1024 * 1024 });

        Assert.Equal((2 * 1024 * 1024) + UploadOptions.MultipartOverhead, table.Destinations.Single(d => d.Name == "feedback").MaxRequestBodySize);
        Assert.Equal(5000, table.Destinations.Single(d => d.Name == "explicit").MaxRequestBodySize);
        Assert.Equal(30 * 1024 * 1024, table.Destinations.Single(d => d.Name == "regions").MaxRequestBodySize);
    }

    public static TheoryData<string, GatewayRouteOptions, string> Mistakes => new()
    {
        { "unknown destination", new GatewayRouteOptions { PathPrefix = "/api/x", Destination = "nowhere" }, "not one of the configured destinations" },
        { "no destination", new GatewayRouteOptions { PathPrefix = "/api/x" }, "not one of the configured destinations" },
        { "template in the prefix", new GatewayRouteOptions { PathPrefix = "/api/{service}", Destination = "regions" }, "literal path segments" },
        { "relative prefix", new GatewayRouteOptions { PathPrefix = "api/x", Destination = "regions" }, "literal path segments" },
        { "the documents page", new GatewayRouteOptions { PathPrefix = "/api/docs", Destination = "regions" }, "the gateway's own" },
        { "all of the api", new GatewayRouteOptions { PathPrefix = "/api", Destination = "regions" }, "the gateway's own" },
        { "public path elsewhere", new GatewayRouteOptions { PathPrefix = "/api/meetings", Destination = "regions", PublicPaths = ["/api/meetingsx/answer"] }, "not under '/api/meetings'" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_route_stops_the_gateway_with_a_message_naming_it(string mistake, GatewayRouteOptions route, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RouteTable.From(Settings(("wrong", route))));

        Assert.True(error.Message.Contains("Route 'wrong'") && error.Message.Contains(message), $"{mistake}: {error.Message}");
    }

    [Fact]
    public void Two_routes_with_the_same_prefix_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RouteTable.From(Settings(
            ("first", new GatewayRouteOptions { PathPrefix = "/api/regions", Destination = "regions" }),
            ("second", new GatewayRouteOptions { PathPrefix = "/API/Regions/", Destination = "regions" }))));

        Assert.Contains("already routed by 'first'", error.Message);
    }

    [Theory]
    [InlineData("regions:8080")]
    [InlineData("ftp://regions")]
    [InlineData("http://regions:8080/base")]
    [InlineData("")]
    public void A_destination_address_must_be_an_http_origin(string address)
    {
        var settings = Settings();
        settings.Destinations["regions"].Address = address;

        var error = Assert.Throws<InvalidOperationException>(() => RouteTable.From(settings));

        Assert.Contains("Destination 'regions'", error.Message);
    }

    [Theory]
    [InlineData("/api/regions", "/api/regions", true)]
    [InlineData("/api/regions/teams", "/api/regions", true)]
    [InlineData("/API/Regions/teams", "/api/regions", true)]
    [InlineData("/api/regionsx", "/api/regions", false)]
    [InlineData("/api", "/api/regions", false)]
    [InlineData("/anything", "/", true)]
    public void A_prefix_matches_whole_segments(string path, string prefix, bool expected) =>
        Assert.Equal(expected, RouteTable.IsSameOrUnder(path, prefix));
}
