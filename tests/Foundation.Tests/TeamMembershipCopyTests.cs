using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>The services' copies of team membership keep the newest news, whatever order the events arrive in.</summary>
public sealed class TeamMembershipCopyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_departure_is_not_undone_by_an_older_join_arriving_after_it()
    {
        var membership = new Membership();

        Assert.True(membership.Apply(TeamRole.KeyOfficial, active: false, Now));
        Assert.False(membership.Apply(TeamRole.KeyOfficial, active: true, Now.AddSeconds(-1)));

        Assert.Equal((false, Now), (membership.Active, membership.ChangedAt));
    }

    [Fact]
    public void Newer_news_changes_role_and_standing()
    {
        var membership = new Membership();
        membership.Apply(TeamRole.KeyOfficial, active: false, Now);

        Assert.True(membership.Apply(TeamRole.Politician, active: true, Now.AddSeconds(1)));

        Assert.Equal((true, TeamRole.Politician, Now.AddSeconds(1)), (membership.Active, membership.Role, membership.ChangedAt));
    }

    [Fact]
    public void News_as_old_as_the_last_change_is_taken()
    {
        var membership = new Membership();
        membership.Apply(TeamRole.ProjectLeader, active: true, Now);

        Assert.True(membership.Apply(TeamRole.KeyOfficial, active: true, Now));

        Assert.Equal(TeamRole.KeyOfficial, membership.Role);
    }

    private sealed class Membership : TeamMembershipCopy<TeamRole>;
}
