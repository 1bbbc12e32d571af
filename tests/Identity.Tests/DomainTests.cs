using KollegialtUtbyte.Identity.Domain;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>The rules in Domain/, without a database or HTTP.</summary>
public sealed class DomainTests
{
    private static readonly DateTimeOffset Now = new(2021, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Effective_roles_are_the_granted_ones_and_the_directory_ones_without_duplicates_in_a_fixed_order()
    {
        var fromDirectory = AccountRoles.FromDirectory([TeamRole.KeyOfficial, TeamRole.ProjectLeader], isFacilitator: true);

        Assert.Equal([Roles.Facilitator, Roles.ProjectLeader, Roles.TeamMember], fromDirectory);
        Assert.Equal([Roles.Administrator, Roles.Facilitator, Roles.ProjectLeader, Roles.TeamMember], AccountRoles.Effective([Roles.TeamMember, Roles.Administrator], fromDirectory));
    }

    [Fact]
    public void Granting_an_unknown_role_is_a_rule_violation()
    {
        var violation = Assert.Throws<RuleViolationException>(() => AccountRoles.ValidateGranted([Roles.Politician, "superuser"]));

        Assert.Equal("identity.unknown-role", violation.Rule);
        Assert.Contains("superuser", violation.Message);
    }

    [Fact]
    public void A_team_place_ignores_news_older_than_what_it_knows()
    {
        var place = TeamMembership.For(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        place.ApplyJoinedOrUpdated(TeamRole.KeyOfficial, "Region Kronoberg", Now);
        place.ApplyLeft(TeamRole.KeyOfficial, Now.AddHours(2));

        Assert.False(place.ApplyJoinedOrUpdated(TeamRole.ProjectLeader, "Region Kronoberg", Now.AddHours(1)));
        Assert.False(place.IsActive);
        Assert.True(place.ApplyJoinedOrUpdated(TeamRole.ProjectLeader, "Region Kronoberg", Now.AddHours(3)));
        Assert.Equal(TeamRole.ProjectLeader, place.Role);
    }

    [Fact]
    public void The_regions_are_those_of_every_active_place_most_recently_taken_first()
    {
        var personId = Guid.NewGuid();
        var (older, newer, left) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var places = new[]
        {
            Place(personId, older, Now),
            Place(personId, newer, Now.AddDays(1)),
            Place(personId, left, Now.AddDays(2)),
        };
        places[2].ApplyLeft(TeamRole.KeyOfficial, Now.AddDays(3));

        Assert.Equal([newer, older], TeamMembership.RegionsOf(places));
        Assert.Empty(TeamMembership.RegionsOf([places[2]]));
    }

    [Fact]
    public void Lockout_starts_at_the_fifth_failure_and_ends_after_its_duration()
    {
        var policy = new LockoutPolicy(5, TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));

        Assert.Equal((4, 0, null), policy.AfterFailure(3, 0, Now));
        var (count, lockouts, end) = policy.AfterFailure(4, 0, Now);
        Assert.Equal((0, 1), (count, lockouts));
        Assert.True(LockoutPolicy.IsLockedOut(end, Now.AddMinutes(14)));
        Assert.False(LockoutPolicy.IsLockedOut(end, Now.AddMinutes(15)));
    }

    [Fact]
    public void Each_further_lockout_doubles_up_to_the_cap()
    {
        var policy = new LockoutPolicy(5, TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));

        Assert.Equal(
            [15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440],
            Enumerable.Range(0, 10).Select(earlier => policy.DurationAfter(earlier).TotalMinutes));
        Assert.Equal(Now.AddHours(24), policy.AfterFailure(4, 1000, Now).LockoutEnd);
    }

    [Fact]
    public void An_administrator_keeps_the_suite_administered()
    {
        Assert.Equal("identity.cannot-disable-own-account", Assert.Throws<RuleViolationException>(() => AccountRules.EnsureMayDisable(true, false, 3)).Rule);
        Assert.Equal("identity.last-administrator", Assert.Throws<RuleViolationException>(() => AccountRules.EnsureMayDisable(false, true, 0)).Rule);
        Assert.Equal("identity.last-administrator", Assert.Throws<RuleViolationException>(() => AccountRules.EnsureMayRevokeAdministrator(true, false, 0)).Rule);
        AccountRules.EnsureMayDisable(false, true, 1);
        AccountRules.EnsureMayRevokeAdministrator(true, true, 0);
    }

    [Fact]
    public void Secrets_are_random_and_only_their_hash_is_kept()
    {
        var (value, hash) = SecretTokens.New();

        Assert.NotEqual(value, SecretTokens.New().Value);
        Assert.Equal(hash, SecretTokens.Hash(value));
        Assert.DoesNotContain(value, hash);
        Assert.True(SecretTokens.SameSecret(value, value));
        Assert.False(SecretTokens.SameSecret(value, value + "x"));
    }

    private static TeamMembership Place(Guid personId, Guid regionId, DateTimeOffset joinedAt)
    {
        var place = TeamMembership.For(personId, Guid.NewGuid(), regionId);
        place.ApplyJoinedOrUpdated(TeamRole.KeyOfficial, "Region", joinedAt);
        return place;
    }
}
