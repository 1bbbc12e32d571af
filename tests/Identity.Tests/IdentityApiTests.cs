using KollegialtUtbyte.Identity.ApiContracts;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// The portal administers accounts through <see cref="IdentityApi"/>: its routes and records are the
/// service's own, so every operation answers the record it names, and a refusal the service's problem.
/// </summary>
public sealed class IdentityApiTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityHost _host = fixture.Host;
    private readonly IdentityApi _api = new(fixture.ApiClient(TestUser.Administrator()));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_finds_an_account_grants_a_role_disables_and_enables_it()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);

        var found = await _api.AccountsAsync(search: joined.PersonId.ToString("N"), state: AccountState.Active, cancellationToken: Cancel);
        var summary = Assert.Single(found.Value!.Items);
        Assert.Equal(activation.AccountId, summary.Id);
        Assert.Equal(1, found.Value.Total);

        var details = (await _api.AccountAsync(summary.Id, Cancel)).Value!;
        Assert.Equal(AccountState.Active, details.State);
        Assert.Equal(TeamRole.KeyOfficial, Assert.Single(details.TeamPlaces).Role);

        var granted = (await _api.GrantRolesAsync(summary.Id, new GrantRolesRequest([Roles.Facilitator], details.Version), Cancel)).Value!;
        Assert.Equal([Roles.Facilitator], granted.GrantedRoles);

        var disabled = (await _api.DisableAsync(summary.Id, new AccountChangeRequest(granted.Version), Cancel)).Value!;
        Assert.Equal(AccountState.Disabled, disabled.State);
        var enabled = (await _api.EnableAsync(summary.Id, new AccountChangeRequest(disabled.Version), Cancel)).Value!;
        Assert.Equal(AccountState.Active, enabled.State);
        Assert.Empty((await _api.ExternalLoginsAsync(summary.Id, Cancel)).Value!);
    }

    [Fact]
    public async Task A_new_activation_link_is_accepted_without_a_body_and_refusals_are_the_services_problems()
    {
        var (_, activation) = await _host.AddTeamMemberAsync(TeamRole.Politician);

        var resent = await _api.SendActivationLinkAsync(activation.AccountId, Cancel);
        var stale = await _api.DisableAsync(activation.AccountId, new AccountChangeRequest(1_000_000), Cancel);
        var unknown = await _api.AccountAsync(Guid.NewGuid(), Cancel);
        var noLink = await _api.RemoveExternalLoginAsync(activation.AccountId, "https://idp.example.test/", "nobody", Cancel);

        Assert.True(resent.Succeeded, resent.Problem?.Title);
        await _host.PublishedAsync<AccountActivationRequested>(a => a.AccountId == activation.AccountId && a.Token != activation.Token);
        Assert.Equal(409, stale.Problem?.Status);
        Assert.Equal(404, unknown.Problem?.Status);
        Assert.Equal(404, noLink.Problem?.Status);
    }

    [Fact]
    public async Task A_signed_in_person_reads_her_own_account()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync(TeamRole.ProjectLeader);
        // Her access token names her account as its subject.
        using var http = fixture.ApiClient(TestUser.ProjectLeader(joined.RegionId).WithPerson(activation.AccountId));

        var me = await new IdentityApi(http).MyAccountAsync(Cancel);

        Assert.True(me.Succeeded, $"{me.Problem?.Status} {me.Problem?.Title}");
        Assert.Equal(joined.PersonId, me.Value!.PersonId);
        Assert.Contains(Roles.ProjectLeader, me.Value.Roles);
    }
}
