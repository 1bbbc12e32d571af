using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Regions.Tests.Domain;

/// <summary>The rules of each exchange format: what it needs, what it refuses, who takes part.</summary>
public sealed class ExchangeTests
{
    private static readonly DateTimeOffset Now = new(2019, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2019, 5, 8);
    private const string Question = "Hur når vi miljökvalitetsmålet Ett rikt odlingslandskap i länets betesmarker och ängar?";

    private static readonly Organisation Municipality = Organisation.Register(Guid.NewGuid(), "Sölvesborgs kommun", OrganisationKind.Municipality, Now);
    private static readonly Person Governor = PersonOf(Municipality.Id, "Birgitta Landberg");
    private static readonly Person Convener = PersonOf(Municipality.Id, "Johanna Sammelin");
    private static readonly Person Secretary = PersonOf(Municipality.Id, "Malin Fredriksberg");
    private static readonly HashSet<Guid> Known = [Governor.Id, Convener.Id, Secretary.Id];

    private static Person PersonOf(Guid organisationId, string name = "Testa Person") =>
        Person.Register(Guid.NewGuid(), new PersonDetails(name, $"{Guid.NewGuid():N}@org.example", null, null, "sv", null, false), Affiliation.OfOrganisation(organisationId), Now);

    private static Person PersonOfRegion(string name = "Regional Person") =>
        Person.Register(Guid.NewGuid(), new PersonDetails(name, $"{Guid.NewGuid():N}@region.example", null, null, "sv", null, false), Affiliation.OfRegion(Guid.NewGuid()), Now);

    private static Programme Register(ExchangeFormat format, ExchangeRoles roles) =>
        Programme.Register(Guid.NewGuid(), "Utbyte", Day, Day, 4, format, roles, Known, Now);

    private static Programme Dialogue() => Register(ExchangeFormat.StrategicDialogue, new(Question, Governor.Id, null, null));

    private static Programme Network() => Register(ExchangeFormat.MemberNetwork, new(null, null, Convener.Id, Secretary.Id));

    private static string RuleOf(Action action) => Assert.Throws<RuleViolationException>(action).Rule;

    [Fact]
    public void A_programme_is_the_default_format_without_question_or_roles()
    {
        var programme = Programme.Register(Guid.NewGuid(), "Vägar till hållbar utveckling", Day, Day.AddYears(1), 4, Now);

        Assert.Equal(ExchangeFormat.Programme, programme.Format);
        Assert.Equal(ExchangeRoles.None, programme.Roles);
        programme.EnsureTakesTeams();
    }

    [Theory]
    [InlineData(Question, null, null, null)]
    [InlineData(null, true, null, null)]
    [InlineData(null, null, true, null)]
    [InlineData(null, null, null, true)]
    public void A_programme_refuses_a_question_and_the_other_formats_roles(string? question, bool? leader, bool? convener, bool? secretary)
    {
        var roles = new ExchangeRoles(question, leader is null ? null : Governor.Id, convener is null ? null : Convener.Id, secretary is null ? null : Secretary.Id);

        Assert.Equal("exchange.role-not-in-format", RuleOf(() => Register(ExchangeFormat.Programme, roles)));
    }

    [Fact]
    public void A_programme_takes_teams_not_participants_or_members()
    {
        var programme = Register(ExchangeFormat.Programme, ExchangeRoles.None);

        Assert.Equal("exchange.participants-are-teams", RuleOf(() => programme.AddParticipant(Governor, false, false, Now)));
        Assert.Equal("exchange.members-only-in-network", RuleOf(() => programme.Join(Municipality, null, Day)));
    }

    [Fact]
    public void A_dialogue_is_about_one_question_led_by_a_known_leader()
    {
        var dialogue = Dialogue();

        Assert.Equal((ExchangeFormat.StrategicDialogue, Question, Governor.Id), (dialogue.Format, dialogue.Question, dialogue.LeaderPersonId));
        Assert.Equal("exchange.dialogue-question-required", RuleOf(() => Register(ExchangeFormat.StrategicDialogue, new(null, Governor.Id, null, null))));
        Assert.Equal("exchange.dialogue-question-required", RuleOf(() => Register(ExchangeFormat.StrategicDialogue, new("  Kor ", Governor.Id, null, null))));
        Assert.Equal("exchange.dialogue-question-required",
            RuleOf(() => Register(ExchangeFormat.StrategicDialogue, new(new string('x', RegionsLimits.QuestionMaxLength + 1), Governor.Id, null, null))));
        Assert.Equal("exchange.dialogue-leader-required", RuleOf(() => Register(ExchangeFormat.StrategicDialogue, new(Question, null, null, null))));
        Assert.Equal("exchange.leader-unknown", RuleOf(() => Register(ExchangeFormat.StrategicDialogue, new(Question, Guid.NewGuid(), null, null))));
        Assert.Equal("exchange.role-not-in-format", RuleOf(() => Register(ExchangeFormat.StrategicDialogue, new(Question, Governor.Id, Convener.Id, null))));
    }

    [Fact]
    public void A_dialogues_leader_erased_since_stays_but_cannot_be_named_anew()
    {
        var dialogue = Dialogue();

        dialogue.ChangeRoles(new(Question + " Igen?", Governor.Id, null, null), new HashSet<Guid>());

        Assert.Equal(Governor.Id, dialogue.LeaderPersonId);
        Assert.Equal("exchange.leader-unknown", RuleOf(() => dialogue.ChangeRoles(new(Question, Convener.Id, null, null), new HashSet<Guid>())));
    }

    [Fact]
    public void A_dialogue_invites_any_known_person_once_and_has_no_teams_or_members()
    {
        var dialogue = Dialogue();
        var farmer = PersonOf(Guid.NewGuid());

        var participant = dialogue.AddParticipant(farmer, alreadyParticipant: false, organisationIsCurrentMember: false, Now);
        var regional = dialogue.AddParticipant(PersonOfRegion(), alreadyParticipant: false, organisationIsCurrentMember: false, Now);

        Assert.Equal((dialogue.Id, farmer.Id, farmer.OrganisationId), (participant.ProgrammeId, participant.PersonId, participant.OrganisationId));
        Assert.Null(regional.OrganisationId);
        Assert.Equal("exchange.participant-duplicate", RuleOf(() => dialogue.AddParticipant(farmer, true, false, Now)));
        Assert.Equal("exchange.no-teams", RuleOf(dialogue.EnsureTakesTeams));
        Assert.Equal("exchange.members-only-in-network", RuleOf(() => dialogue.Join(Municipality, null, Day)));
    }

    [Fact]
    public void A_network_names_two_different_known_signers()
    {
        var network = Network();

        Assert.Equal((Convener.Id, Secretary.Id), (network.ConvenerPersonId, network.SecretaryPersonId));
        Assert.Equal("exchange.network-convener-required", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(null, null, null, Secretary.Id))));
        Assert.Equal("exchange.network-secretary-required", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(null, null, Convener.Id, null))));
        Assert.Equal("exchange.network-signers-distinct", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(null, null, Convener.Id, Convener.Id))));
        Assert.Equal("exchange.convener-unknown", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(null, null, Guid.NewGuid(), Secretary.Id))));
        Assert.Equal("exchange.secretary-unknown", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(null, null, Convener.Id, Guid.NewGuid()))));
        Assert.Equal("exchange.role-not-in-format", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(Question, null, Convener.Id, Secretary.Id))));
        Assert.Equal("exchange.role-not-in-format", RuleOf(() => Register(ExchangeFormat.MemberNetwork, new(null, Governor.Id, Convener.Id, Secretary.Id))));
        Assert.Equal("exchange.no-teams", RuleOf(network.EnsureTakesTeams));
    }

    [Fact]
    public void A_networks_participants_are_people_of_its_current_member_organisations()
    {
        var network = Network();
        var member = network.Join(Municipality, null, Day);
        var official = PersonOf(Municipality.Id);

        var participant = network.AddParticipant(official, alreadyParticipant: false, organisationIsCurrentMember: true, Now);

        Assert.Equal(Municipality.Id, participant.OrganisationId);
        Assert.Equal("exchange.participant-not-member", RuleOf(() => network.AddParticipant(PersonOf(Guid.NewGuid()), false, false, Now)));
        Assert.Equal("exchange.participant-not-member", RuleOf(() => network.AddParticipant(PersonOfRegion(), false, true, Now)));
        Assert.Equal("exchange.member-already", RuleOf(() => network.Join(Municipality, member, Day)));
    }

    [Fact]
    public void A_member_leaves_after_it_joined_once_and_may_join_again()
    {
        var network = Network();
        var member = network.Join(Municipality, null, Day);

        Assert.Equal("exchange.member-left-before-joined", RuleOf(() => member.Leave(Municipality.Name, Day.AddDays(-1))));
        member.Leave(Municipality.Name, Day.AddMonths(6));
        Assert.False(member.IsCurrent);
        Assert.Equal("exchange.member-not-current", RuleOf(() => member.Leave(Municipality.Name, Day.AddMonths(7))));

        var again = network.Join(Municipality, member, Day.AddYears(1));

        Assert.Same(member, again);
        Assert.True(again.IsCurrent);
        Assert.Equal(Day.AddYears(1), again.JoinedOn);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        Assert.Equal("format", RuleOf(() => Register((ExchangeFormat)42, ExchangeRoles.None)));
    }
}
