using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Regions.Tests.Domain;

/// <summary>Working groups per exchange format: regions in a programme, named people in a network, none in a dialogue.</summary>
public sealed class WorkingGroupTests
{
    private static readonly DateTimeOffset Now = new(2019, 9, 25, 8, 0, 0, TimeSpan.Zero);

    private static Person PersonOf(Affiliation affiliation, string name) =>
        Person.Register(Guid.NewGuid(), new PersonDetails(name, $"{Guid.NewGuid():N}@example.se", null, "Strateg", "sv", null, false), affiliation, Now);

    private static string RuleOf(Action action) => Assert.Throws<RuleViolationException>(action).Rule;

    [Fact]
    public void A_programme_group_is_checked_as_before_through_the_format()
    {
        var värmland = Guid.NewGuid();
        var norrbotten = Guid.NewGuid();
        var exchange = WorkingGroupExchange.Programme([värmland, norrbotten]);
        var fromVärmland = PersonOf(Affiliation.OfRegion(värmland), "Vera Värmländska");

        var group = WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Hållbara platser", [värmland, norrbotten], [fromVärmland], exchange, Now);

        Assert.Equal([värmland, norrbotten], group.RegionIds);
        Assert.Equal("working-group.too-few-regions", RuleOf(() => group.Change("Ämne", [värmland], [], exchange)));
    }

    [Fact]
    public void A_network_group_is_people_the_member_organisations_named_and_no_regions()
    {
        var techtank = Guid.NewGuid();
        var named = PersonOf(Affiliation.OfOrganisation(techtank), "Tove Techtank");
        var alsoNamed = PersonOf(Affiliation.OfOrganisation(Guid.NewGuid()), "Sara Södra");
        var notNamed = PersonOf(Affiliation.OfOrganisation(techtank), "Otto Outsider");
        var exchange = WorkingGroupExchange.Network([named.Id, alsoNamed.Id]);

        var group = WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Jämställd rekrytering", [], [named, alsoNamed], exchange, Now);

        Assert.Empty(group.RegionIds);
        Assert.Equal([named.Id, alsoNamed.Id], group.PersonIds);
        Assert.Equal("working-group.network-has-no-regions", RuleOf(() => group.Change("Ämne", [Guid.NewGuid()], [named], exchange)));
        Assert.Equal("working-group.network-people-required", RuleOf(() => group.Change("Ämne", [], [], exchange)));
        var stranger = Assert.Throws<RuleViolationException>(() => group.Change("Ämne", [], [named, notNamed], exchange));
        Assert.Equal("working-group.not-a-network-participant", stranger.Rule);
        Assert.Contains("Otto Outsider", stranger.Message);

        group.Change("Jämställd rekrytering i länet", [], [alsoNamed], exchange);
        Assert.Equal([alsoNamed.Id], group.PersonIds);
    }

    [Fact]
    public void An_erased_member_stays_in_a_network_group_but_joins_no_new_one()
    {
        var named = PersonOf(Affiliation.OfOrganisation(Guid.NewGuid()), "Tove Techtank");
        var erased = PersonOf(Affiliation.OfOrganisation(Guid.NewGuid()), "Erika Exempel");
        var group = WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Jämställd rekrytering", [], [named, erased], WorkingGroupExchange.Network([named.Id, erased.Id]), Now);
        erased.Erase(Now);

        // Her erasure ended her participation in the network; the group keeps her.
        var afterErasure = WorkingGroupExchange.Network([named.Id]);
        group.Change("Jämställd rekrytering i länet", [], [named, erased], afterErasure);

        Assert.Equal([named.Id, erased.Id], group.PersonIds);
        Assert.Equal("working-group.not-a-network-participant", RuleOf(
            () => WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Ny grupp", [], [named, erased], afterErasure, Now)));
    }

    [Fact]
    public void A_strategic_dialogue_has_no_working_groups()
    {
        var region = Guid.NewGuid();
        var person = PersonOf(Affiliation.OfRegion(region), "Lena Landshövding");

        Assert.Equal("working-group.not-in-dialogue", RuleOf(
            () => WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Betesmarker", [], [person], WorkingGroupExchange.Dialogue(), Now)));
        Assert.Equal("working-group.not-in-dialogue", RuleOf(
            () => WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Betesmarker", [region, Guid.NewGuid()], [], WorkingGroupExchange.Dialogue(), Now)));
    }
}
