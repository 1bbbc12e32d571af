namespace KollegialtUtbyte.Feedback.Api;

internal static class ViewQueries
{
    public static async Task<Dictionary<Guid, string>> RegionNamesAsync(this FeedbackDb db, IEnumerable<Guid> regionIds, CancellationToken cancellationToken)
    {
        var ids = regionIds.Distinct().ToList();
        var names = await db.Regions.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var missing = ids.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var participation in await db.ProgrammeRegions.Where(p => missing.Contains(p.RegionId)).ToListAsync(cancellationToken))
            {
                names.TryAdd(participation.RegionId, participation.RegionName);
            }
        }

        return names;
    }

    public static string NameOf(this IReadOnlyDictionary<Guid, string> names, Guid regionId) =>
        names.TryGetValue(regionId, out var name) && name.Length > 0 ? name : regionId.ToString();

    /// <summary>The document if the caller may see it; otherwise 404, so that other regions' drafts stay unknown.</summary>
    public static async Task<DocumentAccess> DocumentForAsync(this FeedbackDb db, Guid documentId, Caller caller, CancellationToken cancellationToken)
    {
        var document = await db.Documents.FindAsync([documentId], cancellationToken)
            ?? throw new ResourceNotFoundException("Strategy document", documentId);
        var reviewed = !caller.Reader.ReadsFor(document.RegionId) && Visibility.MayReview(caller.Reader)
            ? await db.VersionsReviewedByAsync(documentId, caller.Reader.TeamOf, cancellationToken)
            : [];
        return Visibility.OfDocument(caller.Reader, document, reviewed)
            ?? throw new ResourceNotFoundException("Strategy document", documentId);
    }

    /// <summary>The document, if the caller may see it (else 404) and acts for its region (else 403: only its team may <paramref name="what"/>).</summary>
    public static async Task<DocumentAccess> DocumentToChangeAsync(this FeedbackDb db, Guid documentId, Caller caller, string what, CancellationToken cancellationToken)
    {
        var access = await db.DocumentForAsync(documentId, caller, cancellationToken);
        caller.EnsureActsFor(access.Document.RegionId, what);
        return access;
    }

    private static async Task<List<Guid>> VersionsReviewedByAsync(this FeedbackDb db, Guid documentId, IReadOnlySet<Guid> regionIds, CancellationToken cancellationToken)
    {
        var regions = regionIds.ToList();
        return await db.Rounds
            .Where(r => r.DocumentId == documentId && r.Reviewers.Any(x => regions.Contains(x.RegionId)))
            .Select(r => r.VersionId)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The round if the caller is its author region, one of its reviewing regions or an administrator; otherwise 404.</summary>
    public static async Task<RoundAccess> RoundForAsync(this FeedbackDb db, Guid roundId, Caller caller, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.FindAsync([roundId], cancellationToken)
            ?? throw new ResourceNotFoundException("Feedback round", roundId);
        return Visibility.OfRound(caller.Reader, round)
            ?? throw new ResourceNotFoundException("Feedback round", roundId);
    }

    public static async Task<DocumentView> DocumentViewAsync(this FeedbackDb db, DocumentAccess access, CancellationToken cancellationToken) =>
        (await db.DocumentViewsAsync([access], cancellationToken))[0];

    /// <summary>Many documents in a fixed number of queries, whatever their number (lists).</summary>
    public static async Task<IReadOnlyList<DocumentView>> DocumentViewsAsync(this FeedbackDb db, IReadOnlyList<DocumentAccess> accesses, CancellationToken cancellationToken)
    {
        var ids = accesses.Select(a => a.Document.Id).ToList();
        var versions = (await db.DocumentVersions
            .Where(v => ids.Contains(v.DocumentId))
            .OrderBy(v => v.Number)
            .ToListAsync(cancellationToken)).ToLookup(v => v.DocumentId);
        var names = await db.RegionNamesAsync(accesses.Select(a => a.Document.RegionId), cancellationToken);
        return [.. accesses.Select(access => new DocumentView(
            access.Document.Id,
            access.Document.RegionId,
            names.NameOf(access.Document.RegionId),
            access.Document.Title,
            access.Document.Kind,
            access.Document.Description,
            access.Document.LatestVersionNumber,
            [.. versions[access.Document.Id].Where(v => access.MayRead(v.Id)).Select(v => ToView(access.Document, v))],
            access.Document.CreatedAt,
            access.Document.UpdatedAt,
            access.Document.Version))];
    }

    public static VersionView ToView(StrategyDocument document, DocumentVersion version) => new(
        version.Id,
        version.Number,
        version.FileName,
        version.ContentType,
        version.SizeBytes,
        version.Sha256,
        version.Note,
        version.UploadedAt,
        FeedbackRoutes.PathOf(FeedbackRoutes.DocumentVersionFile, document.Id, version.Number));

    public static async Task<IReadOnlyList<RoundView>> RoundViewsAsync(this FeedbackDb db, IReadOnlyList<FeedbackRound> rounds, Caller caller, CancellationToken cancellationToken)
    {
        var documentIds = rounds.Select(r => r.DocumentId).Distinct().ToList();
        var titles = await db.Documents.Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var names = await db.RegionNamesAsync(rounds.SelectMany(r => r.ReviewerRegionIds.Append(r.AuthorRegionId)), cancellationToken);
        var lensNames = await db.Lenses.ToDictionaryAsync(l => l.Code, l => l.Name, cancellationToken);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var feedback = await db.Feedback
            .Where(f => roundIds.Contains(f.RoundId))
            .Select(f => new { f.RoundId, f.ReviewerRegionId, f.Status, f.Late })
            .ToListAsync(cancellationToken);

        return [.. rounds.Select(round =>
        {
            var reviewers = round.Reviewers.OrderBy(r => names.NameOf(r.RegionId)).Select(reviewer =>
            {
                var own = Visibility.MayKnowDelivery(caller.Reader, round, reviewer.RegionId) ? feedback.FirstOrDefault(f => f.RoundId == round.Id && f.ReviewerRegionId == reviewer.RegionId) : null;
                return new ReviewerView(reviewer.RegionId, names.NameOf(reviewer.RegionId), reviewer.Source, own?.Status, own?.Late);
            });
            return new RoundView(
                round.Id,
                round.DocumentId,
                titles.GetValueOrDefault(round.DocumentId, ""),
                round.VersionId,
                round.VersionNumber,
                round.ProgrammeId,
                round.AuthorRegionId,
                names.NameOf(round.AuthorRegionId),
                round.Deadline,
                [.. round.LensCodes.Select(code => new LensRef(code, lensNames.GetValueOrDefault(code, code)))],
                round.ReviewerCount,
                round.Status,
                [.. reviewers],
                round.OpenedAt,
                round.ClosedAt,
                round.CloseReason,
                round.IsClosed,
                round.Version);
        })];
    }

    public static async Task<RoundView> RoundViewAsync(this FeedbackDb db, FeedbackRound round, Caller caller, CancellationToken cancellationToken) =>
        (await db.RoundViewsAsync([round], caller, cancellationToken))[0];

    public static async Task<FeedbackView> FeedbackViewAsync(this FeedbackDb db, FeedbackRound round, PeerFeedback feedback, CancellationToken cancellationToken) =>
        (await db.FeedbackViewsAsync(round, [feedback], cancellationToken))[0];

    /// <summary>A round's feedback in a fixed number of queries, whatever its number (lists).</summary>
    public static async Task<IReadOnlyList<FeedbackView>> FeedbackViewsAsync(this FeedbackDb db, FeedbackRound round, IReadOnlyList<PeerFeedback> all, CancellationToken cancellationToken)
    {
        var names = await db.RegionNamesAsync(all.Select(f => f.ReviewerRegionId), cancellationToken);
        var lensNames = await db.Lenses.ToDictionaryAsync(l => l.Code, l => l.Name, cancellationToken);
        return [.. all.Select(feedback => new FeedbackView(
            feedback.Id,
            feedback.RoundId,
            feedback.ReviewerRegionId,
            names.NameOf(feedback.ReviewerRegionId),
            feedback.Status,
            feedback.Summary,
            [.. round.LensCodes.Select(code => new LensFeedbackView(
                code,
                lensNames.GetValueOrDefault(code, code),
                feedback.LensNotes.FirstOrDefault(n => n.LensCode == code)?.Strengths,
                [.. feedback.Suggestions.Where(s => s.LensCode == code).OrderBy(s => s.Number)
                    .Select(s => new SuggestionView(s.Number, s.Text, s.Decision, s.ResponseNote, s.RespondedAt))]))],
            feedback.UpdatedAt,
            feedback.SubmittedAt,
            feedback.Late,
            feedback.Version))];
    }
}
