using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Regions.Tests.Domain;

/// <summary>Rules of regions, organisations, people, programmes, facilitators and working groups.</summary>
public sealed class DirectoryTests
{
    private static readonly DateTimeOffset Now = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static PersonDetails Details(string email = "eva@region.example", string language = "sv", string? gender = null) =>
        new("Eva Exempel", email, "070-174 06 99", "Strateg", language, gender, false);

    [Theory]
    [InlineData("17", "Värmlands län")]
    [InlineData("04", "Södermanlands län")]
    [InlineData("25", "Norrbottens län")]
    public void A_region_carries_an_official_county_code(string code, string county)
    {
        var region = Region.Register(Guid.NewGuid(), "Region X", code, Now);

        Assert.Equal(county, CountyCodes.CountyName(region.CountyCode));
    }

    [Theory]
    [InlineData("02")]
    [InlineData("26")]
    [InlineData("00")]
    public void Codes_that_are_no_county_are_refused(string code)
    {
        var refused = Assert.Throws<RuleViolationException>(() => Region.Register(Guid.NewGuid(), "Region X", code, Now));

        Assert.Equal("region.unknown-county-code", refused.Rule);
    }

    [Theory]
    [InlineData("eva@region.example", true)]
    [InlineData("eva.lund@sub.region.example", true)]
    [InlineData("eva@region", false)]
    [InlineData("eva region@region.example", false)]
    [InlineData("eva@@region.example", false)]
    [InlineData("@region.example", false)]
    [InlineData("eva@region..example", false)]
    public void E_mail_addresses_are_checked_for_shape(string email, bool wellFormed) =>
        Assert.Equal(wellFormed, EmailAddresses.IsWellFormed(email));

    [Fact]
    public void E_mail_addresses_compare_without_letter_case_or_surrounding_space()
    {
        var person = Person.Register(Guid.NewGuid(), Details(" Eva.Exempel@Region.Example "), Affiliation.OfRegion(Guid.NewGuid()), Now);

        Assert.Equal("Eva.Exempel@Region.Example", person.Email);
        Assert.Equal("eva.exempel@region.example", person.NormalizedEmail);
        Assert.Equal("eva.exempel@region.example", EmailAddresses.Normalize("EVA.EXEMPEL@REGION.EXAMPLE"));
    }

    [Fact]
    public void A_person_has_a_known_language_an_optional_known_gender_and_exactly_one_affiliation()
    {
        Assert.Equal("person.language", Assert.Throws<RuleViolationException>(
            () => Person.Register(Guid.NewGuid(), Details(language: "fi"), Affiliation.OfRegion(Guid.NewGuid()), Now)).Rule);
        Assert.Equal("person.gender", Assert.Throws<RuleViolationException>(
            () => Person.Register(Guid.NewGuid(), Details(gender: "okänt"), Affiliation.OfRegion(Guid.NewGuid()), Now)).Rule);
        Assert.Equal("person.affiliation", Assert.Throws<RuleViolationException>(
            () => Person.Register(Guid.NewGuid(), Details(), new Affiliation(Guid.NewGuid(), Guid.NewGuid()), Now)).Rule);
        Assert.Equal("person.affiliation", Assert.Throws<RuleViolationException>(
            () => Person.Register(Guid.NewGuid(), Details(), new Affiliation(null, null), Now)).Rule);

        var unstated = Person.Register(Guid.NewGuid(), Details(gender: null), Affiliation.OfRegion(Guid.NewGuid()), Now);
        Assert.Null(unstated.Gender);
    }

    [Fact]
    public void Team_members_and_facilitators_are_not_moved_to_another_organisation_but_keeping_the_same_one_is_fine()
    {
        var region = Guid.NewGuid();
        var person = Person.Register(Guid.NewGuid(), Details(), Affiliation.OfRegion(region), Now);

        person.MoveTo(Affiliation.OfRegion(region), isTeamMember: true, isFacilitator: true);
        var refused = Assert.Throws<RuleViolationException>(() => person.MoveTo(Affiliation.OfRegion(Guid.NewGuid()), isTeamMember: true));
        var facilitating = Assert.Throws<RuleViolationException>(() => person.MoveTo(Affiliation.OfOrganisation(Guid.NewGuid()), isTeamMember: false, isFacilitator: true));

        Assert.Equal("person.team-member", refused.Rule);
        Assert.Equal("person.facilitator", facilitating.Rule);
        Assert.Equal(region, person.RegionId);
        person.MoveTo(Affiliation.OfOrganisation(Guid.NewGuid()), isTeamMember: false);
        Assert.Null(person.RegionId);
    }

    [Fact]
    public void A_programme_expects_four_key_officials_by_default_and_runs_forward_in_time()
    {
        var programme = Programme.Register(
            Guid.NewGuid(), "Vägar till hållbar utveckling", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), Programme.DefaultExpectedKeyOfficials, Now);

        Assert.Equal(4, programme.ExpectedKeyOfficials);
        Assert.Equal("programme.period", Assert.Throws<RuleViolationException>(
            () => programme.Change(programme.Name, new DateOnly(2022, 1, 1), new DateOnly(2021, 12, 31), 4, 0)).Rule);
        Assert.Equal("programme.expected-below-team", Assert.Throws<RuleViolationException>(
            () => programme.Change(programme.Name, programme.StartsOn, programme.EndsOn, 3, largestTeamKeyOfficials: 4)).Rule);
        Assert.Equal("programme.expected-key-officials", Assert.Throws<RuleViolationException>(
            () => programme.Change(programme.Name, programme.StartsOn, programme.EndsOn, 0, 0)).Rule);
    }

    [Fact]
    public void Facilitators_come_from_a_consultancy()
    {
        var consultancy = Organisation.Register(Guid.NewGuid(), "Ramböll", OrganisationKind.Consultancy, Now);
        var agency = Organisation.Register(Guid.NewGuid(), "Tillväxtverket", OrganisationKind.Agency, Now);
        var consultant = Person.Register(Guid.NewGuid(), Details(), Affiliation.OfOrganisation(consultancy.Id), Now);
        var officer = Person.Register(Guid.NewGuid(), Details(), Affiliation.OfOrganisation(agency.Id), Now);

        var facilitator = Facilitator.Appoint(consultant, consultancy, alreadyFacilitator: false, Now);

        Assert.Equal(consultant.Id, facilitator.PersonId);
        Assert.Equal("facilitator.not-consultancy", Assert.Throws<RuleViolationException>(() => Facilitator.Appoint(officer, agency, false, Now)).Rule);
        Assert.Equal("facilitator.not-consultancy", Assert.Throws<RuleViolationException>(() => Facilitator.Appoint(officer, consultancy, false, Now)).Rule);
        Assert.Equal("facilitator.already-added", Assert.Throws<RuleViolationException>(() => Facilitator.Appoint(consultant, consultancy, true, Now)).Rule);
        Assert.Equal("organisation.has-facilitators", Assert.Throws<RuleViolationException>(
            () => consultancy.Change("Ramböll", OrganisationKind.Other, hasFacilitators: true)).Rule);
    }

    [Fact]
    public void A_working_group_spans_at_least_two_participating_regions_and_their_people()
    {
        var värmland = Guid.NewGuid();
        var norrbotten = Guid.NewGuid();
        var kronoberg = Guid.NewGuid();
        var exchange = WorkingGroupExchange.Programme([värmland, norrbotten]);
        var fromVärmland = Person.Register(Guid.NewGuid(), Details(), Affiliation.OfRegion(värmland), Now);
        var fromKronoberg = Person.Register(Guid.NewGuid(), Details(), Affiliation.OfRegion(kronoberg), Now);

        var group = WorkingGroup.Form(Guid.NewGuid(), Guid.NewGuid(), "Hållbarhetssäkring av projektmedel", [värmland, norrbotten, värmland], [fromVärmland], exchange, Now);

        Assert.Equal([värmland, norrbotten], group.RegionIds);
        Assert.Equal([fromVärmland.Id], group.PersonIds);
        Assert.Equal("working-group.too-few-regions", Assert.Throws<RuleViolationException>(() => group.Change("Ämne", [värmland], [], exchange)).Rule);
        Assert.Equal("working-group.region-not-in-programme", Assert.Throws<RuleViolationException>(() => group.Change("Ämne", [värmland, kronoberg], [], exchange)).Rule);
        Assert.Equal("working-group.person-outside-regions", Assert.Throws<RuleViolationException>(() => group.Change("Ämne", [värmland, norrbotten], [fromKronoberg], exchange)).Rule);

        group.Change("Nytt ämne", [norrbotten, värmland], [], exchange);
        group.Disband();
        Assert.Equal("working-group.disbanded", Assert.Throws<RuleViolationException>(() => group.Change("Igen", [värmland, norrbotten], [], exchange)).Rule);
        Assert.Empty(group.PersonIds);
    }
}
