using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Consumers;

// The local directory (who gets mail, at which address, in which language) and the regions' teams,
// from the Regions service's events.

public sealed class PersonRegisteredConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<PersonRegistered, NotificationsDb>(db)
{
    protected override Task ApplyAsync(PersonRegistered message, ConsumeContext<PersonRegistered> context, CancellationToken cancellationToken) =>
        copies.UpsertPersonAsync(message.PersonId, message.Name, message.Email, message.PreferredLanguage, message.OccurredAt, cancellationToken);
}

public sealed class PersonUpdatedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<PersonUpdated, NotificationsDb>(db)
{
    protected override Task ApplyAsync(PersonUpdated message, ConsumeContext<PersonUpdated> context, CancellationToken cancellationToken) =>
        copies.UpsertPersonAsync(message.PersonId, message.Name, message.Email, message.PreferredLanguage, message.OccurredAt, cancellationToken);
}

/// <summary>Facilitators are invited to meetings too; they enter the directory this way.</summary>
public sealed class FacilitatorAddedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<FacilitatorAdded, NotificationsDb>(db)
{
    protected override Task ApplyAsync(FacilitatorAdded message, ConsumeContext<FacilitatorAdded> context, CancellationToken cancellationToken) =>
        copies.UpsertPersonAsync(message.PersonId, message.Name, message.Email, message.PreferredLanguage, message.OccurredAt, cancellationToken);
}

public sealed class TeamMemberJoinedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<TeamMemberJoined, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(TeamMemberJoined message, ConsumeContext<TeamMemberJoined> context, CancellationToken cancellationToken)
    {
        await copies.UpsertPersonAsync(message.PersonId, message.Name, message.Email, message.PreferredLanguage, message.OccurredAt, cancellationToken);
        await copies.KnowRegionAsync(message.RegionId, message.RegionName, message.OccurredAt, cancellationToken);
        await copies.RecordMembershipAsync(message.ProgrammeId, message.RegionId, message.PersonId, message.Role, active: true, message.OccurredAt, cancellationToken);
    }
}

public sealed class TeamMemberUpdatedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<TeamMemberUpdated, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(TeamMemberUpdated message, ConsumeContext<TeamMemberUpdated> context, CancellationToken cancellationToken)
    {
        await copies.UpsertPersonAsync(message.PersonId, message.Name, message.Email, message.PreferredLanguage, message.OccurredAt, cancellationToken);
        await copies.KnowRegionAsync(message.RegionId, message.RegionName, message.OccurredAt, cancellationToken);
        await copies.RecordMembershipAsync(message.ProgrammeId, message.RegionId, message.PersonId, message.Role, active: true, message.OccurredAt, cancellationToken);
    }
}

public sealed class TeamMemberLeftConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<TeamMemberLeft, NotificationsDb>(db)
{
    protected override Task ApplyAsync(TeamMemberLeft message, ConsumeContext<TeamMemberLeft> context, CancellationToken cancellationToken) =>
        copies.RecordMembershipAsync(message.ProgrammeId, message.RegionId, message.PersonId, message.Role, active: false, message.OccurredAt, cancellationToken);
}

public sealed class RegionRegisteredConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<RegionRegistered, NotificationsDb>(db)
{
    protected override Task ApplyAsync(RegionRegistered message, ConsumeContext<RegionRegistered> context, CancellationToken cancellationToken) =>
        copies.UpsertRegionAsync(message.RegionId, message.Name, message.OccurredAt, cancellationToken);
}

public sealed class RegionUpdatedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<RegionUpdated, NotificationsDb>(db)
{
    protected override Task ApplyAsync(RegionUpdated message, ConsumeContext<RegionUpdated> context, CancellationToken cancellationToken) =>
        copies.UpsertRegionAsync(message.RegionId, message.Name, message.OccurredAt, cancellationToken);
}
