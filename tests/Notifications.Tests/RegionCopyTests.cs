namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// The local copy of a region (its name is in feedback mails) follows the region's own events. Team
/// events only bring a region not known yet: writing the row for each of them made the events of one
/// region's team conflict on it and be retried.
/// </summary>
public sealed class RegionCopyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Team_events_leave_a_known_region_unwritten_and_its_own_update_renames_it()
    {
        await using var service = await NotificationsService.StartAsync();
        var regionId = Guid.NewGuid();
        await service.PublishAsync(new RegionRegistered(regionId, "Region Kronoberg", "07", Given.Now.AddDays(-40)));
        var registered = await RegionAsync(service, regionId);
        var leader = Given.Person("Agnes Fors", regionId: regionId);
        var official = Given.Person("Bo Ek", regionId: regionId);

        await service.PublishAllAsync(leader, official,
            Given.Joined(leader, regionId, "Region Kronoberg", TeamRole.ProjectLeader),
            Given.Joined(official, regionId, "Region Kronoberg", TeamRole.KeyOfficial));

        var afterTeam = await RegionAsync(service, regionId);
        Assert.Equal((registered.Name, registered.ChangedAt, registered.Version), (afterTeam.Name, afterTeam.ChangedAt, afterTeam.Version));

        await service.PublishAsync(new RegionUpdated(regionId, "Region Kronoberg län", "07", Given.Now));
        Assert.Equal("Region Kronoberg län", (await RegionAsync(service, regionId)).Name);
    }

    [Fact]
    public async Task A_team_event_brings_a_region_not_known_yet_and_an_older_registration_does_not_rename_it()
    {
        await using var service = await NotificationsService.StartAsync();
        var regionId = Guid.NewGuid();
        var leader = Given.Person("Agnes Fors", regionId: regionId);

        await service.PublishAllAsync(leader, Given.Joined(leader, regionId, "Region Kronoberg", TeamRole.ProjectLeader));
        Assert.Equal("Region Kronoberg", (await RegionAsync(service, regionId)).Name);

        await service.PublishAsync(new RegionRegistered(regionId, "Kronobergs läns landsting", "07", Given.Now.AddDays(-40)));
        Assert.Equal("Region Kronoberg", (await RegionAsync(service, regionId)).Name);
    }

    private static Task<Domain.Region> RegionAsync(NotificationsService service, Guid regionId) =>
        service.QueryAsync(db => db.Regions.AsNoTracking().SingleAsync(r => r.RegionId == regionId, Cancellation));
}
