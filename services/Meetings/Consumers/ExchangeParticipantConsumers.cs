using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Meetings.Consumers;

/// <summary>A person added to a dialogue or a network is invited to its published meetings still ahead.</summary>
[ConsumeOneAtATime]
public sealed class ExchangeParticipantAddedConsumer(MeetingsDb db, InvitationWorkflow invitations)
    : IdempotentConsumer<ExchangeParticipantAdded, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(ExchangeParticipantAdded m, ConsumeContext<ExchangeParticipantAdded> context, CancellationToken cancellationToken)
    {
        var person = await Db.PersonAsync(m.PersonId, cancellationToken);
        if (person.IsErased)
        {
            // Late news of an erased person: she is not invited again.
            return;
        }

        if (m.RegionId is { } regionId)
        {
            await Db.RegionAsync(regionId, cancellationToken);
        }

        var participant = await Db.ExchangeParticipantAsync(m.ProgrammeId, m.PersonId, cancellationToken);
        if (!participant.Add(m.OrganisationId, m.OrganisationName, m.OrganisationKind, m.RegionId, m.OccurredAt))
        {
            return;
        }

        await Db.SaveChangesAsync(cancellationToken);
        await invitations.SyncExchangeAsync(m.ProgrammeId, cancellationToken);
    }
}

/// <summary>A person removed from a dialogue or a network has their invitations to meetings still ahead withdrawn (unless a role keeps them invited).</summary>
[ConsumeOneAtATime]
public sealed class ExchangeParticipantRemovedConsumer(MeetingsDb db, InvitationWorkflow invitations)
    : IdempotentConsumer<ExchangeParticipantRemoved, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(ExchangeParticipantRemoved m, ConsumeContext<ExchangeParticipantRemoved> context, CancellationToken cancellationToken)
    {
        var participant = await Db.ExchangeParticipantAsync(m.ProgrammeId, m.PersonId, cancellationToken);
        if (!participant.Remove(m.OccurredAt))
        {
            return;
        }

        await Db.SaveChangesAsync(cancellationToken);
        await invitations.SyncExchangeAsync(m.ProgrammeId, cancellationToken);
    }
}
