using Microsoft.AspNetCore.TestHost;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>A list costs the same number of database round trips whatever its page size: no query per item.</summary>
public sealed class ListRoundTripTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_programme_list_costs_the_same_round_trips_for_one_programme_as_for_five()
    {
        var region = await app.RegionAsync("04");
        for (var i = 0; i < 5; i++)
        {
            await app.RegisterProgrammeAsync(region.Id);
        }

        await using var counted = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(DatabaseRoundTrips.AddTo<RegionsDb>));
        var admin = counted.CreateClient();
        admin.DefaultRequestHeaders.Authorization = app.Admin.DefaultRequestHeaders.Authorization;
        var roundTrips = counted.Services.GetRequiredService<DatabaseRoundTrips>();

        async Task<int> RoundTripsOfAsync(int pageSize)
        {
            var probe = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/regions/programmes?pageSize={pageSize}");
            request.Headers.Add(DatabaseRoundTrips.ProbeHeader, probe);
            using var response = await admin.SendAsync(request, Cancellation);
            var page = await RegionsApp.ReadAsync<PagedList<ProgrammeResponse>>(response, HttpStatusCode.OK);
            Assert.Equal(pageSize, page.Items.Count);
            Assert.All(page.Items, p => Assert.NotEmpty(p.Regions));
            return roundTrips.Of(probe);
        }

        var one = await RoundTripsOfAsync(1);
        var five = await RoundTripsOfAsync(5);

        Assert.Equal(one, five);
    }
}
