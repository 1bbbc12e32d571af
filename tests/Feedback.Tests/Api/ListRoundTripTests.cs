using System.Net.Http.Headers;
using KollegialtUtbyte.Feedback.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>A list costs the same number of database round trips whatever its length: no query per item.</summary>
public sealed class ListRoundTripTests(SharedService service) : SharedServiceTests(service)
{
    [Fact]
    public async Task The_document_list_costs_the_same_round_trips_for_one_document_as_for_four()
    {
        var regions = await App.AddRegionsAsync("Region Jämtland Härjedalen", "Region Västernorrland");
        var (few, many) = (regions[0], regions[1]);
        await App.ClientFor(few.Member).CreateDocumentAsync("Jämtlandsstrategin");
        for (var i = 0; i < 4; i++)
        {
            await App.ClientFor(many.Member).CreateDocumentAsync($"Västernorrlandsstrategi {i}");
        }

        await using var counted = App.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(DatabaseRoundTrips.AddTo<FeedbackDb>));
        var roundTrips = counted.Services.GetRequiredService<DatabaseRoundTrips>();
        var admin = counted.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Issuer.CreateToken(App.Administrator));

        async Task<int> RoundTripsOfAsync(TestRegion region, int expected)
        {
            var probe = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/feedback/documents?regionId={region.Id}");
            request.Headers.Add(DatabaseRoundTrips.ProbeHeader, probe);
            using var response = await admin.SendAsync(request, Token);
            Assert.Equal(expected, (await response.ReadAsync()).GetArrayLength());
            return roundTrips.Of(probe);
        }

        var one = await RoundTripsOfAsync(few, 1);
        var four = await RoundTripsOfAsync(many, 4);

        Assert.Equal(one, four);
    }
}
