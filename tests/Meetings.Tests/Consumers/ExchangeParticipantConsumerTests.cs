using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Tests.Consumers;

/// <summary>The local copy of a dialogue's or network's participants: idempotent, and newest news wins.</summary>
public sealed class ExchangeParticipantConsumerTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task The_same_message_twice_invites_once()
    {
        var dialogue = await ExchangeScenario.DialogueAsync(App);
        var meeting = await dialogue.TalksAndWorkshopAsync(await dialogue.ScheduleAsync(4));
        (await dialogue.TryPublishAsync()).EnsureSuccessStatusCode();
        var person = ExchangeScenario.Person("Eva Kommunekolog");
        var added = new ExchangeParticipantAdded(dialogue.ProgrammeId, person.PersonId, Guid.NewGuid(), "Växjö kommun", OrganisationKind.Municipality, null, App.Now);
        var messageId = NewId.NextGuid();

        for (var i = 0; i < 2; i++)
        {
            await App.Harness.Bus.Publish(added, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(
            () => Task.FromResult(App.Harness.Consumed.Select<ExchangeParticipantAdded>(m => m.Context.MessageId == messageId && m.Exception is null).Any()),
            "the delivery was consumed");

        // The same news again under another message id changes nothing either.
        await App.PublishAsync(added with { OccurredAt = App.Now.AddSeconds(1) });
        Assert.Single(await dialogue.InvitationsAsync(meeting.Id), i => i.PersonId == person.PersonId);
        Assert.Single(App.Published<InvitationIssued>(), e => e.PersonId == person.PersonId);
    }

    [Fact]
    public async Task An_older_addition_arriving_after_the_removal_changes_nothing()
    {
        var network = await ExchangeScenario.NetworkAsync(App);
        var meeting = await network.ScheduleAsync(2);
        (await network.TryPublishAsync()).EnsureSuccessStatusCode();
        var person = ExchangeScenario.Person("Stefan Platschef");

        await App.PublishAsync(new ExchangeParticipantRemoved(network.ProgrammeId, person.PersonId, App.Now));
        await App.PublishAsync(new ExchangeParticipantAdded(network.ProgrammeId, person.PersonId, Guid.NewGuid(), "Södra Cell", OrganisationKind.Company, null, App.Now.AddMinutes(-5)));

        Assert.DoesNotContain(await network.InvitationsAsync(meeting.Id), i => i.PersonId == person.PersonId);
        var copy = await App.QueryAsync(db => db.ExchangeParticipants.SingleAsync(p => p.PersonId == person.PersonId, TestContext.Current.CancellationToken));
        Assert.False(copy.Active);
    }
}
