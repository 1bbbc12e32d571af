using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using Microsoft.EntityFrameworkCore;

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
