using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Meetings.Consumers;

public sealed class RegionRegisteredConsumer(MeetingsDb db) : IdempotentConsumer<RegionRegistered, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(RegionRegistered message, ConsumeContext<RegionRegistered> context, CancellationToken cancellationToken) =>
        (await Db.RegionAsync(message.RegionId, cancellationToken)).Apply(message.Name, message.CountyCode, message.OccurredAt);
}

public sealed class RegionUpdatedConsumer(MeetingsDb db) : IdempotentConsumer<RegionUpdated, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(RegionUpdated message, ConsumeContext<RegionUpdated> context, CancellationToken cancellationToken) =>
        (await Db.RegionAsync(message.RegionId, cancellationToken)).Apply(message.Name, message.CountyCode, message.OccurredAt);
}

/// <summary>Facilitators are who administrators can assign to lead meetings.</summary>
public sealed class FacilitatorAddedConsumer(MeetingsDb db) : IdempotentConsumer<FacilitatorAdded, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(FacilitatorAdded message, ConsumeContext<FacilitatorAdded> context, CancellationToken cancellationToken)
    {
        var person = await Db.PersonAsync(message.PersonId, cancellationToken);
        if (person.IsErased)
        {
            return;
        }

        person.ApplyContact(message.Name, message.Email, message.PreferredLanguage, message.OccurredAt);
        (await Db.FacilitatorAsync(message.PersonId, cancellationToken)).Add(message.OrganisationId, message.OrganisationName, message.OccurredAt);
    }
}

/// <summary>A removed facilitator cannot be assigned again; meetings they already lead keep them.</summary>
public sealed class FacilitatorRemovedConsumer(MeetingsDb db) : IdempotentConsumer<FacilitatorRemoved, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(FacilitatorRemoved message, ConsumeContext<FacilitatorRemoved> context, CancellationToken cancellationToken) =>
        (await Db.FacilitatorAsync(message.PersonId, cancellationToken)).Remove(message.OccurredAt);
}
