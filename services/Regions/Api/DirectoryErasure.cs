namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// The directory's part of an erasure, run in the transaction that approves it: the person
/// becomes the pseudonym, and everything else here that names her goes or stops naming her. Her
/// team places, working groups, facilitator appointment and roles in exchanges stay (what she did
/// stays); she stops taking part in dialogues and networks (<c>ExchangeParticipantRemoved</c>). No
/// <c>PersonUpdated</c> is published: every service erases its own copy on
/// <c>PersonalDataErasureDecided</c>.
/// </summary>
internal static class DirectoryErasure
{
    public static async Task EraseAsync(RegionsDb db, Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read before they are forgotten: the audit log is searched for them.
        var name = person.Name;
        var contact = new[] { person.Email, person.NormalizedEmail, person.PendingEmail, person.NormalizedPendingEmail, person.Phone };

        person.Erase(now);

        // The history of her own addresses goes; where she changed someone else's, she is no longer named.
        await db.EmailChangeAudits.Where(a => a.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        await db.EmailChangeAudits.Where(a => a.ChangedBy == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ChangedByName, ErasedPerson.Name), cancellationToken);

        // Taking part in a dialogue or network is about her now, not a record of what she did:
        // she stops taking part, announced as when an administrator removes her. Roles she held
        // (leader, convener, secretary) stay, like team places, under the pseudonym.
        var participations = await db.ExchangeParticipants.Where(p => p.PersonId == person.Id).ToListAsync(cancellationToken);
        foreach (var participation in participations)
        {
            db.ExchangeParticipants.Remove(participation);
            db.AddEvent(DirectoryEvents.Removed(participation, now));
        }

        // An export is a copy of everything about her.
        var exports = await db.PersonalDataExports.Where(e => e.PersonId == person.Id).ToListAsync(cancellationToken);
        db.PersonalDataExports.RemoveRange(exports);

        // Her account is gone in Identity; she administers nothing any more.
        await db.Accounts.Where(a => a.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);

        await db.ScrubAuditDetailsAsync([name], ErasedPerson.Name, cancellationToken);
        await db.ScrubAuditDetailsAsync(contact, "", cancellationToken);
    }
}
