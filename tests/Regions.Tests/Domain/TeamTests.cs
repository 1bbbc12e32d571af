using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Regions.Tests.Domain;

public sealed class TeamTests
{
    private static readonly DateTimeOffset Now = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Värmland = Guid.NewGuid();

    private static Person PersonOf(Guid regionId, string name = "Testa Person") =>
        Person.Register(Guid.NewGuid(), new PersonDetails(name, $"{Guid.NewGuid():N}@region.example", null, null, "sv", null, false), Affiliation.OfRegion(regionId), Now);

    private static Team NewTeam() => Team.Form(Guid.NewGuid(), Värmland, Now);

    [Fact]
    public void An_empty_team_lacks_a_project_leader_all_key_officials_and_a_politician()
    {
        var completeness = NewTeam().Completeness(4);

        Assert.False(completeness.IsComplete);
        Assert.Equal(["Projektledare saknas", "4 tjänstepersoner med nyckelfunktion saknas", "Politiker saknas"], completeness.Missing);
        Assert.Equal("0 of 4 key officials", completeness.SummaryEnglish);
    }

    [Fact]
    public void A_team_with_a_project_leader_the_expected_key_officials_and_a_politician_is_complete()
    {
        var team = NewTeam();
        team.Add(PersonOf(Värmland), TeamRole.ProjectLeader, 4, Now);
        team.Add(PersonOf(Värmland), TeamRole.ProjectLeader, 4, Now);
        for (var i = 0; i < 4; i++)
        {
            team.Add(PersonOf(Värmland), TeamRole.KeyOfficial, 4, Now);
        }

        team.Add(PersonOf(Värmland), TeamRole.Politician, 4, Now);
        var completeness = team.Completeness(4);

        Assert.True(completeness.IsComplete);
        Assert.Empty(completeness.Missing);
        Assert.Equal((2, 4, false), (completeness.ProjectLeaders, completeness.KeyOfficials, completeness.HasSubstitutePolitician));
        Assert.Equal("4 av 4 tjänstepersoner med nyckelfunktion", completeness.Summary);
    }

    [Fact]
    public void The_programmes_expectation_caps_key_officials()
    {
        var team = NewTeam();
        team.Add(PersonOf(Värmland), TeamRole.KeyOfficial, 2, Now);
        team.Add(PersonOf(Värmland), TeamRole.KeyOfficial, 2, Now);

        var refused = Assert.Throws<RuleViolationException>(() => team.Add(PersonOf(Värmland), TeamRole.KeyOfficial, 2, Now));

        Assert.Equal("team.key-officials-full", refused.Rule);
        Assert.Equal(2, team.KeyOfficials);
    }

    [Fact]
    public void One_politician_and_one_substitute_per_region()
    {
        var team = NewTeam();
        team.Add(PersonOf(Värmland), TeamRole.Politician, 4, Now);
        team.Add(PersonOf(Värmland), TeamRole.SubstitutePolitician, 4, Now);

        Assert.Equal("team.politician-taken", Assert.Throws<RuleViolationException>(() => team.Add(PersonOf(Värmland), TeamRole.Politician, 4, Now)).Rule);
        Assert.Equal("team.substitute-taken", Assert.Throws<RuleViolationException>(() => team.Add(PersonOf(Värmland), TeamRole.SubstitutePolitician, 4, Now)).Rule);
    }

    [Fact]
    public void Changing_a_role_follows_the_same_rules_and_keeping_it_is_allowed()
    {
        var team = NewTeam();
        var politician = PersonOf(Värmland);
        var official = PersonOf(Värmland);
        team.Add(politician, TeamRole.Politician, 4, Now);
        team.Add(official, TeamRole.KeyOfficial, 4, Now);

        team.ChangeRole(politician.Id, TeamRole.Politician, 4);
        var refused = Assert.Throws<RuleViolationException>(() => team.ChangeRole(official.Id, TeamRole.Politician, 4));
        var member = team.ChangeRole(official.Id, TeamRole.ProjectLeader, 4);

        Assert.Equal("team.politician-taken", refused.Rule);
        Assert.Equal(TeamRole.ProjectLeader, member.Role);
    }

    [Fact]
    public void A_team_is_of_its_own_regions_people_each_once()
    {
        var team = NewTeam();
        var colleague = PersonOf(Värmland);
        team.Add(colleague, TeamRole.KeyOfficial, 4, Now);

        Assert.Equal("team.person-of-other-region", Assert.Throws<RuleViolationException>(() => team.Add(PersonOf(Guid.NewGuid()), TeamRole.KeyOfficial, 4, Now)).Rule);
        Assert.Equal("team.already-member", Assert.Throws<RuleViolationException>(() => team.Add(colleague, TeamRole.ProjectLeader, 4, Now)).Rule);
    }

    [Fact]
    public void A_region_leaves_a_programme_only_with_an_empty_team_outside_working_groups()
    {
        var team = NewTeam();
        var person = PersonOf(Värmland);
        team.Add(person, TeamRole.KeyOfficial, 4, Now);

        Assert.Equal("programme.team-not-empty", Assert.Throws<RuleViolationException>(() => team.EnsureMayLeave(inActiveWorkingGroup: false)).Rule);
        team.Remove(person.Id);
        Assert.Equal("programme.region-in-working-group", Assert.Throws<RuleViolationException>(() => team.EnsureMayLeave(inActiveWorkingGroup: true)).Rule);
        team.EnsureMayLeave(inActiveWorkingGroup: false);
        Assert.Throws<ResourceNotFoundException>(() => team.Remove(person.Id));
    }
}
