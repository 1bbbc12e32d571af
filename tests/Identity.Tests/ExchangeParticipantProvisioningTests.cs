namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// People of strategic dialogues and member networks get accounts with the participant role: the
/// invited participants, and the people the registry names to the exchange's roles (a dialogue's
/// leader, a network's convener and secretary), so that they can read and sign what concerns them.
/// </summary>
public sealed class ExchangeParticipantProvisioningTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task An_invited_participant_gets_an_account_with_the_participant_role_and_loses_it_when_removed()
    {
        var (person, programmeId) = (await RegisteredPersonAsync("Ingela Hammar", "techtank.example"), Guid.NewGuid());

        await _host.PublishAsync(new ExchangeParticipantAdded(programmeId, person.PersonId, Guid.NewGuid(), "Techtank", OrganisationKind.Company, null, person.OccurredAt.AddMinutes(1)));

        var provisioned = await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == person.PersonId);
        Assert.Equal([Roles.Participant], provisioned.Roles);
        await _host.PublishedAsync<AccountActivationRequested>(a => a.PersonId == person.PersonId);

        await _host.PublishAsync(new ExchangeParticipantRemoved(programmeId, person.PersonId, person.OccurredAt.AddMinutes(2)));

        var changed = await _host.PublishedAsync<AccountRolesChanged>(c => c.PersonId == person.PersonId);
        Assert.Empty(changed.Roles);
    }

    [Fact]
    public async Task The_convener_and_the_secretary_of_a_network_get_the_participant_role_and_a_replaced_secretary_loses_it()
    {
        var convener = await RegisteredPersonAsync("Johanna Sammelin", "lansstyrelsen.example");
        var secretary = await RegisteredPersonAsync("Malin Fredriksberg", "regionblekinge.example");
        var successor = await RegisteredPersonAsync("Lea Swärd", "arbetsformedlingen.example");
        var networkId = Guid.NewGuid();
        var registeredAt = DateTimeOffset.UtcNow;

        await _host.PublishAsync(new ProgrammeRegistered(networkId, "Jämställt Blekinge Nu", new DateOnly(2019, 9, 1), new DateOnly(2020, 12, 31), 4, registeredAt,
            ExchangeFormat.MemberNetwork, ConvenerPersonId: convener.PersonId, SecretaryPersonId: secretary.PersonId));

        Assert.Equal([Roles.Participant], (await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == convener.PersonId)).Roles);
        Assert.Equal([Roles.Participant], (await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == secretary.PersonId)).Roles);

        await _host.PublishAsync(new ProgrammeUpdated(networkId, "Jämställt Blekinge Nu", new DateOnly(2019, 9, 1), new DateOnly(2020, 12, 31), 4, registeredAt.AddMinutes(1),
            ExchangeFormat.MemberNetwork, ConvenerPersonId: convener.PersonId, SecretaryPersonId: successor.PersonId));

        Assert.Equal([Roles.Participant], (await _host.PublishedAsync<AccountProvisioned>(p => p.PersonId == successor.PersonId)).Roles);
        Assert.Empty((await _host.PublishedAsync<AccountRolesChanged>(c => c.PersonId == secretary.PersonId)).Roles);
        Assert.Equal([Roles.Participant], (await _host.AccountOfAsync(convener.PersonId))!.RoleList);
    }

    [Fact]
    public async Task A_programme_names_nobody_to_a_role_and_gives_no_account()
    {
        var person = await RegisteredPersonAsync("Pia Programsson", "region.example");

        await _host.PublishAsync(new ProgrammeRegistered(Guid.NewGuid(), "Vägar till hållbar utveckling", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4, DateTimeOffset.UtcNow));
        await _host.ConsumedAsync<ProgrammeRegistered>(p => p.Name == "Vägar till hållbar utveckling");

        Assert.Null(await _host.AccountOfAsync(person.PersonId));
    }

    /// <summary>A person of an organisation, in the directory but without any place that gives an account yet.</summary>
    private async Task<PersonRegistered> RegisteredPersonAsync(string name, string domain)
    {
        var personId = Guid.NewGuid();
        var registered = new PersonRegistered(personId, name, $"{personId:N}@{domain}", null, null, Guid.NewGuid(), "Organisation", null, "sv", null, DateTimeOffset.UtcNow);
        await _host.PublishAsync(registered);
        await _host.ConsumedAsync<PersonRegistered>(p => p.PersonId == personId);
        Assert.Null(await _host.AccountOfAsync(personId));
        return registered;
    }
}
