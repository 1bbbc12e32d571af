using System.Globalization;

namespace KollegialtUtbyte.Meetings.Data;

/// <summary>
/// The demo's strategic dialogue and member network (<c>seeds/meetings/exchanges.json</c>): each
/// calendar (if the registry has not announced it yet; its later event takes over name, period and
/// roles), its one meeting as held, and its documentation as approved, by an administrator for the
/// dialogue (its publication) and by the convener's and secretary's signatures for the network.
/// They keep their real dates in 2019: they are shown as held in the past.
/// </summary>
internal static class ExchangeSeeding
{
    public const string File = "meetings/exchanges.json";

    public static async Task SeedAsync(MeetingsDb db, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var seed = await SeedFiles.ReadJsonAsync<SeedExchanges>(configuration, File, cancellationToken);
        foreach (var exchange in seed.Exchanges)
        {
            var calendar = await db.Programmes.FindAsync([exchange.Programme.Id], cancellationToken);
            if (calendar is null)
            {
                calendar = ProgrammeCalendar.Create(
                    exchange.Programme.Id, exchange.Programme.Name, exchange.Programme.StartsOn, exchange.Programme.EndsOn, 0,
                    new ExchangeRoles(exchange.Programme.Format, exchange.Programme.Question, null, null, null));
                db.Programmes.Add(calendar);
                db.InvitationRosters.Add(InvitationRoster.For(calendar.Id, exchange.DraftedAt));
            }

            if (await db.Meetings.AnyAsync(m => m.Id == exchange.Meeting.Id, cancellationToken))
            {
                continue;
            }

            try
            {
                var existing = await db.Meetings.Where(m => m.ProgrammeId == calendar.Id).ToListAsync(cancellationToken);
                var meeting = HeldMeeting(calendar, exchange, existing);
                var documentation = ApprovedDocumentation(meeting, exchange.Documentation, exchange.Meeting.HeldAt);
                db.Meetings.Add(meeting);
                db.Documentation.Add(documentation);
            }
            catch (RuleViolationException e)
            {
                // E.g. the registry announced the exchange first with another period or format.
                logger.LogWarning("Seed exchange {Exchange} skipped: {Rule} {Reason}", exchange.Programme.Name, e.Rule, e.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Meeting HeldMeeting(ProgrammeCalendar calendar, SeedExchange exchange, IReadOnlyCollection<Meeting> existing)
    {
        var seed = exchange.Meeting;
        var zone = calendar.Zone;
        var meeting = Meeting.Schedule(
            seed.Id,
            calendar,
            new MeetingPlan(seed.Number, seed.Title, seed.Theme ?? "", At(zone, seed.Date, seed.Starts), At(zone, seed.Date, seed.Ends), seed.Venue, seed.OnlineLink, []),
            new SchedulingContext(exchange.DraftedAt, existing, [], new HashSet<Guid>()));
        meeting.ReplaceAgenda(seed.Agenda
            .Select(item => new AgendaItemDraft(item.Kind, item.Title, item.Responsible, At(zone, seed.Date, item.Starts), item.DurationMinutes, item.Questions))
            .ToList());
        meeting.Publish(exchange.DraftedAt);
        meeting.MarkHeld(seed.HeldAt);
        return meeting;
    }

    private static MeetingDocumentation ApprovedDocumentation(Meeting meeting, SeedDocumentation seed, DateTimeOffset writtenAt)
    {
        var documentation = MeetingDocumentation.Start(meeting, writtenAt);
        documentation.Edit(
            new DocumentationDraft(
                seed.Summary,
                seed.Points.Select(PointOf).ToList(),
                seed.WorkshopOutcomes.Select(o => new WorkshopOutcomeDraft(o.Question, o.Outcome)).ToList(),
                seed.Attachments.Select(a => new AttachmentDraft(a.Title, a.Link)).ToList()),
            writtenAt);
        var participants = seed.Participants.Select(p => new ParticipantEntry(p.Name, p.Organisation, p.Role)).ToList();
        if (seed.Signatures.Count > 0)
        {
            foreach (var signature in seed.Signatures)
            {
                documentation.Sign(signature.PersonId, signature.Name, signature.Role, signature.SignedAt);
            }

            documentation.ApproveSigned(participants, seed.RegistryNumber, seed.ApprovedAt);
        }
        else
        {
            documentation.Approve(participants, seed.ApprovedBy!.PersonId, seed.ApprovedBy.Name, seed.RegistryNumber, seed.ApprovedAt);
        }

        meeting.MarkDocumented(seed.ApprovedAt);
        return documentation;
    }

    private static PointDraft PointOf(SeedPoint point) => new(point.Text, point.Decision, point.SubPoints?.Select(PointOf).ToList());

    private static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, string time)
    {
        var local = date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public sealed record SeedExchanges(IReadOnlyList<SeedExchange> Exchanges);

    public sealed record SeedExchange(SeedCalendar Programme, DateTimeOffset DraftedAt, SeedHeldMeeting Meeting, SeedDocumentation Documentation);

    public sealed record SeedCalendar(Guid Id, string Name, ExchangeFormat Format, string? Question, DateOnly StartsOn, DateOnly EndsOn);

    public sealed record SeedHeldMeeting(
        Guid Id,
        int Number,
        string Title,
        string? Theme,
        DateOnly Date,
        string Starts,
        string Ends,
        string? Venue,
        string? OnlineLink,
        DateTimeOffset HeldAt,
        IReadOnlyList<MeetingsSeeder.SeedAgendaItem> Agenda);

    public sealed record SeedPoint(string Text, string? Decision, IReadOnlyList<SeedPoint>? SubPoints);

    public sealed record SeedOutcome(string Question, string Outcome);

    public sealed record SeedAttachment(string Title, string? Link);

    public sealed record SeedParticipant(string Name, string? Organisation, string? Role);

    public sealed record SeedApprover(Guid PersonId, string Name);

    public sealed record SeedSignature(Guid PersonId, string Name, ProtocolSignerRole Role, DateTimeOffset SignedAt);

    public sealed record SeedDocumentation(
        string? Summary,
        IReadOnlyList<SeedPoint> Points,
        IReadOnlyList<SeedOutcome> WorkshopOutcomes,
        IReadOnlyList<SeedAttachment> Attachments,
        IReadOnlyList<SeedParticipant> Participants,
        SeedApprover? ApprovedBy,
        DateTimeOffset ApprovedAt,
        string RegistryNumber,
        IReadOnlyList<SeedSignature> Signatures);
}
