using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// The meeting's documentation in the protocol shape of seed 004, written by its facilitators and
/// approved by an administrator; approved revisions never change, corrections are new revisions.
/// A strategic dialogue's approved documentation is its publication; a member network's protocol
/// is approved by the signatures of its convener and its secretary instead.
/// </summary>
public static class DocumentationEndpoints
{
    public static void MapDocumentation(this IEndpointRouteBuilder api)
    {
        const string Tag = "Documentation";
        api.MapGet(MeetingsRoutes.Documentation, CurrentAsync).WithTags(Tag).ProducesProblems(404);
        api.MapGet(MeetingsRoutes.DocumentationRevisions, RevisionsAsync).WithTags(Tag).ProducesProblems(404);
        api.MapGet(MeetingsRoutes.DocumentationRevision, RevisionAsync).WithTags(Tag).ProducesProblems(404);
        api.MapPut(MeetingsRoutes.Documentation, WriteAsync).WithTags(Tag).RequireAuthorization(Policies.Facilitator).ProducesProblems(400, 403, 404, 409, 422);
        api.MapPost(MeetingsRoutes.ApproveDocumentation, ApproveAsync).WithTags(Tag).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);

        // Any signed-in person: whether they may sign is the network's rule (protocol.signer-role), not a role of the suite.
        api.MapPost(MeetingsRoutes.DocumentationSignatures, SignAsync).WithTags(Tag).RequireAuthorization().ProducesProblems(400, 404, 409, 422);
        api.MapPost(MeetingsRoutes.DocumentationCorrections, CorrectAsync).WithTags(Tag).RequireAuthorization(Policies.Facilitator).ProducesProblems(400, 403, 404, 422);
    }

    private static DocumentationResponse Response(MeetingDocumentation d, ProgrammeCalendar programme) => new(
        d.Id,
        d.MeetingId,
        d.Revision,
        d.Status,
        d.Summary,
        d.Points.OrderBy(p => p.Position).Select(p => new PointResponse(p.Number, p.Level, p.Text, p.Decision)).ToList(),
        d.WorkshopOutcomes.OrderBy(o => o.Position).Select(o => new WorkshopOutcomeResponse(o.Question, o.Outcome)).ToList(),
        d.Attachments.OrderBy(a => a.Position).Select(a => new AttachmentResponse(a.Title, a.Link)).ToList(),
        d.Participants.OrderBy(p => p.Position).Select(p => new ParticipantResponse(p.Name, p.Organisation, p.Role)).ToList(),
        d.CorrectionReason,
        d.ApprovedByName,
        d.ApprovedAt,
        d.RegistryNumber,
        d.Version,
        d.Signatures.OrderBy(s => s.Position).Select(s => new SignatureResponse(s.PersonId, s.Name, s.Role, s.SignedAt)).ToList(),
        ExchangeRules.PublishedAt(programme, d));

    /// <summary>The latest revision the user may read: drafts only for those who write them.</summary>
    private static async Task<Ok<DocumentationResponse>> CurrentAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, HttpContext http, CancellationToken ct)
    {
        var (meeting, programme, readable) = await ReadableAsync(meetingId, user, db, ct);
        var current = readable.MaxBy(d => d.Revision) ?? throw new ResourceNotFoundException("Documentation of meeting", meeting.Id);
        http.Response.SetVersionTag(current.Version);
        return TypedResults.Ok(Response(current, programme));
    }

    private static async Task<Ok<List<DocumentationResponse>>> RevisionsAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var (_, programme, readable) = await ReadableAsync(meetingId, user, db, ct);
        return TypedResults.Ok(readable.OrderBy(d => d.Revision).Select(d => Response(d, programme)).ToList());
    }

    private static async Task<Ok<DocumentationResponse>> RevisionAsync(Guid meetingId, int revision, ClaimsPrincipal user, MeetingsDb db, HttpContext http, CancellationToken ct)
    {
        var (meeting, programme, readable) = await ReadableAsync(meetingId, user, db, ct);
        var found = readable.FirstOrDefault(d => d.Revision == revision)
            ?? throw new ResourceNotFoundException($"Documentation revision {revision} of meeting", meeting.Id);
        http.Response.SetVersionTag(found.Version);
        return TypedResults.Ok(Response(found, programme));
    }

    private static async Task<Results<Ok<DocumentationResponse>, ProblemHttpResult>> WriteAsync(
        Guid meetingId, WriteDocumentationRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("skriver dokumentationen");
        }

        var now = time.GetUtcNow();
        var latest = await db.LatestDocumentationOrNullAsync(meetingId, ct);
        if (latest is null)
        {
            if (request.Version != 0)
            {
                throw new ResourceNotFoundException("Documentation of meeting", meetingId);
            }

            latest = MeetingDocumentation.Start(meeting, now);
            db.Documentation.Add(latest);
        }
        else
        {
            if (request.Version == 0)
            {
                throw new RuleViolationException("documentation.already-started", "Dokumentationen finns redan; skicka med dess version för att ändra den.");
            }

            db.ExpectVersion(latest, request.Version);
        }

        latest.Edit(DraftOf(request, latest.ToDraft()), now);
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(latest.Version);
        return TypedResults.Ok(Response(latest, await db.ProgrammeAsync(meeting.ProgrammeId, ct)));
    }

    private static async Task<Ok<DocumentationResponse>> ApproveAsync(
        Guid meetingId, ApproveDocumentationRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time,
        IOptions<MeetingsOptions> options, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        var latest = await db.LatestDocumentationAsync(meetingId, ct);
        db.ExpectVersion(latest, request.Version);
        if (latest.IsApproved)
        {
            throw new RuleViolationException("documentation.approved-is-immutable", $"Dokumentationen är redan godkänd ({latest.RegistryNumber}).");
        }

        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        ExchangeRules.CheckPlainApproval(programme);
        var approverId = user.PersonId() ?? throw new RuleViolationException("documentation.approver-unnamed", "Den som godkänner måste vara en person.");
        var approverName = user.DisplayName() ?? (await db.People.FindAsync([approverId], ct))?.Name ?? "";
        var now = time.GetUtcNow();
        var registryNumber = await NextRegistryNumberAsync(db, programme, meeting, latest, options.Value, now, ct);
        meeting.MarkDocumented(now);
        latest.Approve(await ParticipantsAsync(db, meetingId, ct), approverId, approverName, registryNumber, now);
        await TakeEffectAsync(db, meeting, latest, now, ct);
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(latest.Version);
        return TypedResults.Ok(Response(latest, programme));
    }

    /// <summary>
    /// The convener or the secretary of a member network signs its protocol's draft; with the second
    /// signature the protocol is approved as of then (registry number, decisions binding).
    /// </summary>
    private static async Task<Ok<DocumentationResponse>> SignAsync(
        Guid meetingId, SignProtocolRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time,
        IOptions<MeetingsOptions> options, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var signerId = user.PersonId() ?? Guid.Empty;
        var role = ExchangeRules.SignerRole(programme, signerId);
        var latest = await db.LatestDocumentationAsync(meetingId, ct);
        db.ExpectVersion(latest, request.Version);
        var name = user.DisplayName() ?? (await db.People.FindAsync([signerId], ct))?.Name ?? "";
        var now = time.GetUtcNow();
        if (latest.Sign(signerId, name, role, now))
        {
            var registryNumber = await NextRegistryNumberAsync(db, programme, meeting, latest, options.Value, now, ct);
            meeting.MarkDocumented(now);
            latest.ApproveSigned(await ParticipantsAsync(db, meetingId, ct), registryNumber, now);
            await TakeEffectAsync(db, meeting, latest, now, ct);
        }

        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(latest.Version);
        return TypedResults.Ok(Response(latest, programme));
    }

    private static async Task<string> NextRegistryNumberAsync(
        MeetingsDb db, ProgrammeCalendar programme, Meeting meeting, MeetingDocumentation documentation, MeetingsOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var taken = await db.Documentation
            .Where(d => d.ProgrammeId == programme.Id && d.RegistryNumber != null)
            .Select(d => d.RegistryNumber!)
            .ToListAsync(ct);
        return programme.IssueRegistryNumber(
            options.Pattern(),
            new RegistryNumberContext(TimeZoneInfo.ConvertTime(now, programme.Zone).Year, meeting.Number, documentation.Revision),
            taken.Contains);
    }

    /// <summary>What an approval sets going: the decisions' actions take effect, and the approval is announced.</summary>
    private static async Task TakeEffectAsync(MeetingsDb db, Meeting meeting, MeetingDocumentation approved, DateTimeOffset now, CancellationToken ct)
    {
        await DecisionFollowUp.TakeEffectAsync(db, approved, now, ct);
        db.AddEvent(new MeetingDocumentationApproved(
            meeting.Id, meeting.ProgrammeId, approved.Id, approved.Revision, approved.RegistryNumber!, approved.ApprovedByPersonId!.Value, approved.ApprovedByName!, now, now));
    }

    private static async Task<Results<Created<DocumentationResponse>, ProblemHttpResult>> CorrectAsync(
        Guid meetingId, CorrectDocumentationRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("rättar dokumentationen");
        }

        var latest = await db.LatestDocumentationAsync(meetingId, ct);
        if (!latest.IsApproved)
        {
            throw new RuleViolationException("documentation.draft-exists", $"Utkastet (version {latest.Revision}) ändras direkt; en rättelse görs av godkänd dokumentation.");
        }

        var correction = latest.Correct(request.Reason, latest.Revision + 1, time.GetUtcNow());
        db.Documentation.Add(correction);
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(correction.Version);
        return TypedResults.Created(
            MeetingsRoutes.PathOf(MeetingsRoutes.DocumentationRevision, meetingId, correction.Revision),
            Response(correction, await db.ProgrammeAsync(meeting.ProgrammeId, ct)));
    }

    /// <summary>Approved documentation for everyone who sees the meeting; drafts for those who write them and, in a network, for those who sign them.</summary>
    private static async Task<(Meeting Meeting, ProgrammeCalendar Programme, List<MeetingDocumentation> Readable)> ReadableAsync(
        Guid meetingId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MaySee(meeting))
        {
            throw new ResourceNotFoundException("Meeting", meetingId);
        }

        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var readsDrafts = user.MayLead(meeting) || (user.PersonId() is { } person && programme.SignerRoleOf(person) is not null);
        var all = await db.Documentation.AsNoTracking().AsSplitQuery().Where(d => d.MeetingId == meetingId).ToListAsync(ct);
        return (meeting, programme, all.Where(d => d.IsApproved || readsDrafts).ToList());
    }

    /// <summary>Who was present, as the protocol lists them: name, organisation, role.</summary>
    private static async Task<IReadOnlyList<ParticipantEntry>> ParticipantsAsync(MeetingsDb db, Guid meetingId, CancellationToken ct)
    {
        var present = await db.Invitations.AsNoTracking()
            .Where(i => i.MeetingId == meetingId && i.WithdrawnAt == null && i.Attendance == AttendanceStatus.Present)
            .ToListAsync(ct);
        var personIds = present.Select(i => i.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var organisations = await InviteeOrganisations.OfAsync(db, present.FirstOrDefault()?.ProgrammeId ?? Guid.Empty, personIds, ct);
        return present
            .Select(i =>
            {
                var person = people.GetValueOrDefault(i.PersonId);
                var region = i.RegionId is { } r ? regions.GetValueOrDefault(r)?.Name : null;
                return new ParticipantEntry(
                    person?.Name is { Length: > 0 } name ? name : i.PersonId.ToString(),
                    organisations.GetValueOrDefault(i.PersonId) ?? region,
                    person?.Title ?? AttendanceStatistics.RoleName(i.Role));
            })
            .OrderBy(p => p.Organisation, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Workshop outcomes or attachments left out of the request stay as they are (the first draft lists the agenda's questions).</summary>
    private static DocumentationDraft DraftOf(WriteDocumentationRequest request, DocumentationDraft current) => new(
        request.Summary,
        request.Points.Select(PointOf).ToList(),
        request.WorkshopOutcomes?.Select(o => new WorkshopOutcomeDraft(o.Question, o.Outcome ?? "")).ToList() ?? current.WorkshopOutcomes,
        request.Attachments?.Select(a => new AttachmentDraft(a.Title, a.Link)).ToList() ?? current.Attachments);

    private static PointDraft PointOf(PointRequest point) => new(point.Text, point.Decision, point.SubPoints?.Select(PointOf).ToList());
}
