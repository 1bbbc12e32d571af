namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// Who takes part in a strategic dialogue or a member network: its participants (people) and a
/// network's member organisations. A programme's participants are its regions' teams instead.
/// Everyone signed in reads them; administrators change them.
/// </summary>
public static class ExchangeEndpoints
{
    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.ExchangeParticipants, ParticipantsAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.ExchangeParticipants, AddParticipantAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        api.MapDelete(RegionsRoutes.ExchangeParticipant, RemoveParticipantAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(404, 422);
        api.MapGet(RegionsRoutes.ExchangeMembers, MembersAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.ExchangeMembers, JoinAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        api.MapPost(RegionsRoutes.ExchangeMemberLeave, LeaveAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 422);
        return api;
    }

    /// <summary>A dialogue's or network's participants by name; a programme has none here (its teams are its participants).</summary>
    private static async Task<Ok<List<ExchangeParticipantResponse>>> ParticipantsAsync(Guid programmeId, RegionsDb db, CancellationToken cancellationToken)
    {
        await FindAsync(db, programmeId, cancellationToken);
        var participants = await db.ExchangeParticipants.AsNoTracking().Where(p => p.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        return TypedResults.Ok(await DescribeAsync(db, participants, cancellationToken));
    }

    private static async Task<Results<Created<ExchangeParticipantResponse>, ProblemHttpResult>> AddParticipantAsync(
        Guid programmeId, AddExchangeParticipantRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var programme = await FindAsync(db, programmeId, cancellationToken);
        programme.EnsureHasParticipants();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken)
            ?? throw DirectoryRules.Unknown("person", request.PersonId!.Value);
        if (person.IsErased)
        {
            return Access.Erased();
        }

        if (await db.ExchangeParticipants.AnyAsync(p => p.ProgrammeId == programmeId && p.PersonId == person.Id, cancellationToken))
        {
            return Conflict(ExchangeRules.ParticipantDuplicate, $"{person.Name} deltar redan.");
        }

        var isMember = person.OrganisationId is { } organisationId && await db.ExchangeMembers.AnyAsync(
            m => m.ProgrammeId == programmeId && m.OrganisationId == organisationId && m.LeftOn == null, cancellationToken);
        var now = time.GetUtcNow();
        var participant = programme.AddParticipant(person, alreadyParticipant: false, isMember, now);
        var organisation = person.OrganisationId is { } id ? await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken) : null;
        var region = person.RegionId is { } regionId ? await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, cancellationToken) : null;

        db.ExchangeParticipants.Add(participant);
        db.AddEvent(DirectoryEvents.Added(participant, person, organisation, region, now));
        db.Audit(AuditActions.ExchangeParticipantAdded, user.PersonId(), person.Id, now, new { ProgrammeId = programmeId });
        await db.SaveUniqueAsync(cancellationToken);

        return TypedResults.Created(
            RegionsRoutes.PathOf(RegionsRoutes.ExchangeParticipant, programmeId, person.Id),
            (await DescribeAsync(db, [participant], cancellationToken)).Single());
    }

    private static async Task<NoContent> RemoveParticipantAsync(
        Guid programmeId, Guid personId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var programme = await FindAsync(db, programmeId, cancellationToken);
        programme.EnsureHasParticipants();
        var participant = await db.ExchangeParticipants.FirstOrDefaultAsync(p => p.ProgrammeId == programmeId && p.PersonId == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Deltagare", $"{programmeId}/{personId}");

        var now = time.GetUtcNow();
        db.ExchangeParticipants.Remove(participant);
        db.AddEvent(DirectoryEvents.Removed(participant, now));
        db.Audit(AuditActions.ExchangeParticipantRemoved, user.PersonId(), personId, now, new { ProgrammeId = programmeId });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A network's member organisations, those that left included (with <c>LeftOn</c>); other formats have none.</summary>
    private static async Task<Ok<List<ExchangeMemberResponse>>> MembersAsync(Guid programmeId, RegionsDb db, CancellationToken cancellationToken)
    {
        await FindAsync(db, programmeId, cancellationToken);
        var members = await (
            from member in db.ExchangeMembers.AsNoTracking()
            join organisation in db.Organisations.AsNoTracking() on member.OrganisationId equals organisation.Id
            where member.ProgrammeId == programmeId
            orderby organisation.Name, organisation.Id
            select new { member, organisation }).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(m => Describe(m.member, m.organisation)).ToList());
    }

    /// <summary>An organisation joins a network (again, if it had left).</summary>
    private static async Task<Results<Created<ExchangeMemberResponse>, ProblemHttpResult>> JoinAsync(
        Guid programmeId, JoinExchangeRequest request, RegionsDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var programme = await FindAsync(db, programmeId, cancellationToken);
        programme.EnsureHasMembers();
        var organisationId = request.OrganisationId!.Value;
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw DirectoryRules.Unknown("organisation", organisationId);
        var earlier = await db.ExchangeMembers.FirstOrDefaultAsync(m => m.ProgrammeId == programmeId && m.OrganisationId == organisationId, cancellationToken);
        if (earlier is { IsCurrent: true })
        {
            return Conflict(ExchangeRules.MemberAlready, $"{organisation.Name} är redan medlem i nätverket.");
        }

        var member = programme.Join(organisation, earlier, request.JoinedOn!.Value);
        if (earlier is null)
        {
            db.ExchangeMembers.Add(member);
        }

        db.AddEvent(DirectoryEvents.Joined(member, organisation, time.GetUtcNow()));
        await db.SaveUniqueAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.ExchangeMembers, programmeId), Describe(member, organisation));
    }

    /// <summary>An organisation leaves a network; the people it named stop taking part (each removal is published).</summary>
    private static async Task<Ok<ExchangeMemberResponse>> LeaveAsync(
        Guid programmeId, Guid organisationId, LeaveExchangeRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var programme = await FindAsync(db, programmeId, cancellationToken);
        programme.EnsureHasMembers();
        var member = await db.ExchangeMembers.FirstOrDefaultAsync(m => m.ProgrammeId == programmeId && m.OrganisationId == organisationId, cancellationToken)
            ?? throw new ResourceNotFoundException("Medlemsorganisation", $"{programmeId}/{organisationId}");
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);

        member.Leave(organisation.Name, request.LeftOn!.Value);
        var now = time.GetUtcNow();
        db.AddEvent(DirectoryEvents.Left(member, now));
        var participants = await db.ExchangeParticipants.Where(p => p.ProgrammeId == programmeId && p.OrganisationId == organisationId).ToListAsync(cancellationToken);
        foreach (var participant in participants)
        {
            db.ExchangeParticipants.Remove(participant);
            db.AddEvent(DirectoryEvents.Removed(participant, now));
            db.Audit(AuditActions.ExchangeParticipantRemoved, user.PersonId(), participant.PersonId, now, new { ProgrammeId = programmeId, OrganisationLeft = organisationId });
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Describe(member, organisation));
    }

    private static async Task<Programme> FindAsync(RegionsDb db, Guid programmeId, CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
        ?? throw new ResourceNotFoundException("Utbyte", programmeId);

    private static async Task<List<ExchangeParticipantResponse>> DescribeAsync(RegionsDb db, IReadOnlyCollection<ExchangeParticipant> participants, CancellationToken cancellationToken)
    {
        var ids = participants.Select(p => p.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return participants
            .Select(p => (Participant: p, Person: people[p.PersonId]))
            .OrderBy(p => p.Person.Name, StringComparer.CurrentCulture).ThenBy(p => p.Person.Id)
            .Select(p =>
            {
                var organisation = p.Participant.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null;
                return new ExchangeParticipantResponse(
                    p.Person.Id,
                    p.Person.Name,
                    p.Person.Title,
                    organisation?.Id,
                    organisation?.Name,
                    organisation?.Kind,
                    p.Person.RegionId,
                    p.Person.RegionId is { } regionId ? regions.GetValueOrDefault(regionId) : null,
                    p.Participant.AddedAt);
            })
            .ToList();
    }

    private static ExchangeMemberResponse Describe(ExchangeMember member, Organisation organisation) =>
        new(organisation.Id, organisation.Name, organisation.Kind, member.JoinedOn, member.LeftOn);

    /// <summary>Taking part twice is a conflict with what is already there, not a broken rule of the format.</summary>
    private static ProblemHttpResult Conflict(string rule, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Already there",
            extensions: new Dictionary<string, object?> { ["rule"] = rule });
}
