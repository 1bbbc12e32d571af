using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Feedback.Consumers;

/// <summary>
/// Feedback's part of an export: the person's team places as Feedback knows them, the document
/// versions she uploaded (described; the files are the team's documents), the feedback she wrote
/// or submitted in her region's name, the answers she gave to suggestions, and her learning
/// notes and priorities.
/// </summary>
public sealed class ExportPersonalData(FeedbackDb db, TimeProvider time) : PersonalDataExportConsumer<FeedbackDb>(db, time)
{
    protected override string Service => FeedbackModule.Name;

    protected override async Task<object> CollectAsync(Guid personId, CancellationToken cancellationToken)
    {
        var places = await Db.TeamMembers.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(cancellationToken);
        var versions = await Db.DocumentVersions.AsNoTracking().Where(v => v.UploadedByPersonId == personId).ToListAsync(cancellationToken);
        var feedback = await Db.Feedback.AsNoTracking()
            .Where(f => f.LastEditedByPersonId == personId || f.SubmittedByPersonId == personId || f.Suggestions.Any(s => s.RespondedByPersonId == personId))
            .ToListAsync(cancellationToken);
        var notes = await Db.LearningNotes.AsNoTracking().Where(n => n.CreatedByPersonId == personId).ToListAsync(cancellationToken);
        var priorities = await Db.Priorities.AsNoTracking().Where(p => p.CreatedByPersonId == personId).ToListAsync(cancellationToken);
        return new
        {
            teamPlaces = places.Select(m => new { m.ProgrammeId, m.RegionId, m.Role, m.Name, m.Email, m.Active }),
            uploadedVersions = versions.OrderBy(v => v.UploadedAt).Select(v => new { v.DocumentId, v.Number, v.FileName, v.Format, v.SizeBytes, v.Note, v.UploadedAt }),
            feedback = feedback.Select(f => new
            {
                f.RoundId,
                f.ReviewerRegionId,
                f.Status,
                WrittenByYou = f.LastEditedByPersonId == personId || f.SubmittedByPersonId == personId,
                Summary = f.LastEditedByPersonId == personId || f.SubmittedByPersonId == personId ? f.Summary : null,
                f.SubmittedAt,
                Suggestions = f.Suggestions
                    .Where(s => f.LastEditedByPersonId == personId || f.SubmittedByPersonId == personId || s.RespondedByPersonId == personId)
                    .Select(s => new { s.Number, s.LensCode, s.Text, s.Decision, ResponseNote = s.RespondedByPersonId == personId ? s.ResponseNote : null, s.RespondedAt }),
            }),
            learningNotes = notes.OrderBy(n => n.CreatedAt).Select(n => new { n.DocumentId, n.VersionNumber, n.Text, n.CreatedAt }),
            priorities = priorities.Select(p => new { p.ProgrammeId, p.RegionId, p.Number, p.Title, p.Description, p.CreatedAt }),
        };
    }
}

/// <summary>
/// Feedback's part of an erasure: her team places become "Borttagen person" with no e-mail and no
/// longer let her act for a region, and a mark keeps later team events from bringing her back.
/// What she wrote (documents, feedback, answers, notes, priorities) stays: it is the team's work,
/// and it records its author by id only, never by name; where any text names her, her name in it
/// becomes "Borttagen person".
/// </summary>
public sealed class ErasePersonalData(FeedbackDb db, TimeProvider time) : PersonalDataErasureConsumer<FeedbackDb>(db, time)
{
    protected override string Service => FeedbackModule.Name;

    protected override async Task EraseAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Db.FindOrInsertAsync([personId], () => new ErasedPersonMark { PersonId = personId, ErasedAt = now }, cancellationToken);
        var places = await Db.TeamMembers.Where(m => m.PersonId == personId).ToListAsync(cancellationToken);
        // Her names as this service knew them, to find them in the texts, before they are forgotten.
        var names = places.Select(m => m.Name).Where(ErasedNames.Names).Distinct().ToList();
        foreach (var member in places)
        {
            member.Name = ErasedPerson.Name;
            member.Email = "";
            member.Active = false;
        }

        foreach (var name in names)
        {
            await ForgetInTextsAsync(name, cancellationToken);
        }
    }

    private async Task ForgetInTextsAsync(string name, CancellationToken cancellationToken)
    {
        var feedback = await Db.Feedback
            .Where(f => (f.Summary != null && f.Summary.Contains(name))
                || f.LensNotes.Any(n => n.Strengths != null && n.Strengths.Contains(name))
                || f.Suggestions.Any(s => s.Text.Contains(name) || (s.ResponseNote != null && s.ResponseNote.Contains(name))))
            .ToListAsync(cancellationToken);
        feedback.ForEach(f => f.ForgetName(name));

        var documents = await Db.Documents
            .Where(d => d.Title.Contains(name) || (d.Description != null && d.Description.Contains(name)))
            .ToListAsync(cancellationToken);
        documents.ForEach(d => d.ForgetName(name));

        foreach (var version in await Db.DocumentVersions.Where(v => v.Note != null && v.Note.Contains(name)).ToListAsync(cancellationToken))
        {
            version.Note = ErasedNames.ReplaceOptional(version.Note, name);
        }

        foreach (var note in await Db.LearningNotes.Where(n => n.Text.Contains(name)).ToListAsync(cancellationToken))
        {
            note.Text = ErasedNames.Replace(note.Text, name);
        }

        var priorities = await Db.Priorities
            .Where(p => p.Title.Contains(name) || (p.Description != null && p.Description.Contains(name)) || p.Results.Any(r => r.Text.Contains(name)))
            .ToListAsync(cancellationToken);
        priorities.ForEach(p => p.ForgetName(name));
    }
}
