using KollegialtUtbyte.ServiceDefaults.PersonalData;
using MassTransit;

namespace KollegialtUtbyte.Regions.Consumers;

/// <summary>
/// The directory's part of an export: the person, her places in teams and working groups, the
/// dialogues and networks she takes part in and the roles she holds in them, her e-mail history.
/// </summary>
public sealed class ExportPersonalData(RegionsDb db, TimeProvider time) : PersonalDataExportConsumer<RegionsDb>(db, time)
{
    protected override string Service => RegionsModule.Name;

    protected override async Task<object> CollectAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await Db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        var region = person?.RegionId is { } regionId ? await Db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var organisation = person?.OrganisationId is { } organisationId ? await Db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var teams = await Db.Teams.AsNoTracking().Where(t => t.Members.Any(m => m.PersonId == personId)).ToListAsync(cancellationToken);
        var groups = await Db.WorkingGroups.AsNoTracking().Where(g => g.Members.Any(m => m.PersonId == personId)).ToListAsync(cancellationToken);
        var facilitator = await Db.Facilitators.AsNoTracking().FirstOrDefaultAsync(f => f.PersonId == personId, cancellationToken);
        var participations = await (
            from participant in Db.ExchangeParticipants.AsNoTracking()
            join programme in Db.Programmes.AsNoTracking() on participant.ProgrammeId equals programme.Id
            where participant.PersonId == personId
            orderby participant.AddedAt
            select new { participant.ProgrammeId, programme.Name, programme.Format, participant.OrganisationId, participant.AddedAt }).ToListAsync(cancellationToken);
        var roles = await Db.Programmes.AsNoTracking()
            .Where(p => p.LeaderPersonId == personId || p.ConvenerPersonId == personId || p.SecretaryPersonId == personId)
            .OrderBy(p => p.StartsOn)
            .ToListAsync(cancellationToken);
        var emailChanges = await Db.EmailChangeAudits.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(cancellationToken);
        return new
        {
            person = person is null ? null : new
            {
                person.Id,
                person.Name,
                person.Email,
                person.PendingEmail,
                person.Phone,
                person.Title,
                Region = region,
                Organisation = organisation,
                person.PreferredLanguage,
                person.Gender,
                person.ShareContactDetails,
                person.RegisteredAt,
            },
            teams = teams.Select(t => new { t.ProgrammeId, t.RegionId, t.Members.First(m => m.PersonId == personId).Role, t.Members.First(m => m.PersonId == personId).JoinedAt }),
            workingGroups = groups.Select(g => new { g.Id, g.ProgrammeId, g.Topic, g.Disbanded, g.FormedAt }),
            facilitatorSince = facilitator?.AddedAt,
            exchangeParticipations = participations.Select(p => new { p.ProgrammeId, Exchange = p.Name, Format = p.Format.ToString(), p.OrganisationId, p.AddedAt }),
            exchangeRoles = roles.Select(p => new
            {
                ProgrammeId = p.Id,
                Exchange = p.Name,
                Format = p.Format.ToString(),
                Role = p.LeaderPersonId == personId ? "Leader" : p.ConvenerPersonId == personId ? "Convener" : "Secretary",
            }),
            emailChanges = emailChanges.OrderBy(a => a.At).Select(a => new { a.Step, a.PreviousEmail, a.NewEmail, a.ChangedByName, a.At }),
        };
    }
}

/// <summary>A service's part of an export arrives and is kept with it.</summary>
public sealed class PersonalDataExportPartCollectedConsumer(RegionsDb db, ILogger<PersonalDataExportPartCollectedConsumer> logger)
    : IdempotentConsumer<PersonalDataExportPartCollected, RegionsDb>(db)
{
    protected override async Task ApplyAsync(PersonalDataExportPartCollected message, ConsumeContext<PersonalDataExportPartCollected> context, CancellationToken cancellationToken)
    {
        var export = await Db.PersonalDataExports.FirstOrDefaultAsync(e => e.Id == message.ExportId, cancellationToken);
        if (export is null || !export.Receive(message.Service, message.Json, message.OccurredAt))
        {
            logger.LogWarning("A part of personal data export {ExportId} from {Service} has no export to join and is dropped", message.ExportId, message.Service);
        }
    }
}

/// <summary>A service answers that it erased the person; once all have, the erasure is complete. A repeated answer changes nothing.</summary>
public sealed class PersonalDataErasedConsumer(RegionsDb db, ILogger<PersonalDataErasedConsumer> logger)
    : IdempotentConsumer<PersonalDataErased, RegionsDb>(db)
{
    protected override async Task ApplyAsync(PersonalDataErased message, ConsumeContext<PersonalDataErased> context, CancellationToken cancellationToken)
    {
        var erasure = await Db.PersonalDataErasures.FirstOrDefaultAsync(e => e.Id == message.ErasureId, cancellationToken);
        if (erasure is null || erasure.PersonId != message.PersonId)
        {
            logger.LogWarning("An answer to personal data erasure {ErasureId} from {Service} has no erasure to join and is dropped", message.ErasureId, message.Service);
            return;
        }

        if (erasure.RecordErased(message.Service, message.OccurredAt) && erasure.State == PersonalDataErasureState.Complete)
        {
            Db.Audit(AuditActions.PersonalDataErasureCompleted, null, erasure.PersonId, message.OccurredAt, new { ErasureId = erasure.Id });
        }
    }
}
