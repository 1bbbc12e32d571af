namespace KollegialtUtbyte.Identity.Tests;

/// <summary>Accounts follow the directory: Regions' events provision them and keep their roles and details current.</summary>
public sealed class ProvisioningTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    public static TheoryData<TeamRole, string[]> TeamRoles => new()
    {
        { TeamRole.ProjectLeader, [Roles.ProjectLeader, Roles.TeamMember] },
        { TeamRole.KeyOfficial, [Roles.TeamMember] },
        { TeamRole.Politician, [Roles.Politician] },
        { TeamRole.SubstitutePolitician, [Roles.Politician] },
    };

    [Theory]
    [MemberData(nameof(TeamRoles))]
    public async Task A_team_member_gets_an_account_with_the_roles_and_region_of_the_team_place(TeamRole role, string[] expectedRoles)
    {
        var regionId = Guid.NewGuid();

        var (joined, activation) = await _host.AddTeamMemberAsync(role, regionId, language: "en");

        var provisioned = await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == joined.PersonId);
        Assert.Equal(expectedRoles, provisioned.Roles);
        Assert.Equal(joined.Email, provisioned.Email);
        Assert.Equal(provisioned.AccountId, activation.AccountId);
        Assert.Equal("en", activation.PreferredLanguage);
        Assert.NotEmpty(activation.Token);
        var account = (await _host.AccountOfAsync(joined.PersonId))!;
        Assert.Equal([regionId], account.RegionList);
        Assert.Null(account.PasswordHash);
    }

    [Fact]
    public async Task A_facilitator_gets_an_account_and_loses_the_facilitator_role_when_removed()
    {
        var personId = Guid.NewGuid();
        var added = new FacilitatorAdded(personId, Guid.NewGuid(), "Ramböll", "Fia Processledare", $"fia.{personId:N}@ramboll.example", "sv", DateTimeOffset.UtcNow);

        await _host.PublishAsync(added);

        var provisioned = await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == personId);
        Assert.Equal([Roles.Facilitator], provisioned.Roles);
        await _host.PublishedAsync<AccountActivationRequested>(a => a.PersonId == personId);

        await _host.PublishAsync(new FacilitatorRemoved(personId, added.OccurredAt.AddMinutes(1)));

        var changed = await _host.PublishedAsync<AccountRolesChanged>(c => c.PersonId == personId);
        Assert.Empty(changed.Roles);
    }

    [Fact]
    public async Task Leaving_the_team_takes_its_roles_away_and_a_late_join_does_not_bring_them_back()
    {
        var (joined, _) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);

        await _host.PublishAsync(new TeamMemberLeft(joined.ProgrammeId, joined.RegionId, joined.PersonId, joined.Role, joined.OccurredAt.AddMinutes(5)));
        var changed = await _host.PublishedAsync<AccountRolesChanged>(c => c.PersonId == joined.PersonId);
        Assert.Empty(changed.Roles);

        // A join older than the departure arrives late, e.g. redelivered after a broker outage.
        var lateMessage = Guid.NewGuid();
        await _host.PublishAsync(joined with { OccurredAt = joined.OccurredAt.AddMinutes(1) }, lateMessage);
        await _host.ConsumedAsync<TeamMemberJoined>(j => j.PersonId == joined.PersonId && j.OccurredAt > joined.OccurredAt);

        var account = (await _host.AccountOfAsync(joined.PersonId))!;
        Assert.Empty(account.RoleList);
        Assert.Empty(account.RegionList);
    }

    [Fact]
    public async Task An_update_that_arrives_before_the_join_provisions_the_account_with_the_updated_role()
    {
        var personId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var update = new TeamMemberUpdated(Guid.NewGuid(), Guid.NewGuid(), "Region Norrbotten", personId, TeamRole.ProjectLeader,
            "Nils Nilsson", $"nils.{personId:N}@norrbotten.example", null, "sv", null, now);

        await _host.PublishAsync(update);
        var provisioned = await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == personId);
        Assert.Equal([Roles.ProjectLeader, Roles.TeamMember], provisioned.Roles);

        await _host.PublishAsync(new TeamMemberJoined(update.ProgrammeId, update.RegionId, update.RegionName, personId, TeamRole.KeyOfficial,
            update.Name, update.Email, null, "sv", null, now.AddMinutes(-1)));
        await _host.ConsumedAsync<TeamMemberJoined>(j => j.PersonId == personId);

        Assert.Equal([Roles.ProjectLeader, Roles.TeamMember], (await _host.AccountOfAsync(personId))!.RoleList);
    }

    [Fact]
    public async Task A_redelivered_event_provisions_one_account_with_one_activation_link()
    {
        var personId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var joined = new TeamMemberJoined(Guid.NewGuid(), Guid.NewGuid(), "Region Halland", personId, TeamRole.KeyOfficial,
            "Hanna Holm", $"hanna.{personId:N}@halland.example", null, "sv", null, DateTimeOffset.UtcNow);

        var deliveries = new CompletedDeliveries();
        using var observing = _host.Harness.Bus.ConnectConsumeObserver(deliveries);

        await _host.PublishAsync(joined, messageId);
        await _host.PublishedAsync<AccountActivationRequested>(a => a.PersonId == personId);
        await _host.PublishAsync(joined, messageId);
        await Eventually.UntilAsync(() => Task.FromResult(deliveries.CompletedFor(messageId) >= 2), "the redelivery was consumed");

        var account = (await _host.AccountOfAsync(personId))!;
        Assert.Equal(1, await _host.WithDbAsync(db => db.AccountLinkTokens.CountAsync(t => t.AccountId == account.Id, TestContext.Current.CancellationToken)));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Set<KollegialtUtbyte.ServiceDefaults.Outbox.OutboxMessage>().CountAsync(m => m.Body.Contains(personId.ToString()) && m.MessageType.Contains(nameof(AccountProvisioned)), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task An_address_set_by_an_administrator_moves_the_account_and_a_pending_account_gets_a_link_at_the_new_address()
    {
        var (joined, firstLink) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var newEmail = $"ny.{joined.PersonId:N}@regionvarmland.example";

        await _host.PublishAsync(new PersonEmailChangedByAdministrator(joined.PersonId, joined.Email, newEmail, Guid.NewGuid(), joined.OccurredAt.AddMinutes(1)));
        await _host.PublishAsync(new PersonUpdated(joined.PersonId, joined.Name, newEmail, null, null, null, null, joined.RegionId, "sv", null, joined.OccurredAt.AddMinutes(1)));

        var secondLink = await _host.PublishedAsync<AccountActivationRequested>(a => a.PersonId == joined.PersonId && a.Email == newEmail);
        Assert.Equal(newEmail, (await _host.AccountOfAsync(joined.PersonId))!.Email);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.ActivateAsync(firstLink.Token, IdentityHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.ActivateAsync(secondLink.Token, IdentityHost.Password)).StatusCode);
        await _host.SignInAsync(newEmail, IdentityHost.Password);
    }

    [Fact]
    public async Task Details_older_than_the_ones_known_are_ignored()
    {
        var (joined, _) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);

        await _host.PublishAsync(new PersonUpdated(joined.PersonId, "Gammalt Namn", $"gammal.{joined.PersonId:N}@example.test", null, null, null, null, null, "sv", null, joined.OccurredAt.AddDays(-1)));
        await _host.ConsumedAsync<PersonUpdated>(p => p.PersonId == joined.PersonId);

        var account = (await _host.AccountOfAsync(joined.PersonId))!;
        Assert.Equal(joined.Email, account.Email);
        Assert.Equal(joined.Name, account.Name);
    }

    [Fact]
    public async Task A_person_outside_every_team_gets_no_account()
    {
        var personId = Guid.NewGuid();

        await _host.PublishAsync(new PersonRegistered(personId, "Olle Utanför", $"olle.{personId:N}@example.test", null, null, null, null, null, "sv", null, DateTimeOffset.UtcNow));
        await _host.ConsumedAsync<PersonRegistered>(p => p.PersonId == personId);

        Assert.Null(await _host.AccountOfAsync(personId));
    }
}
