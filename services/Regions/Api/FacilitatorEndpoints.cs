namespace KollegialtUtbyte.Regions.Api;

/// <summary>The consultancy's people who can be assigned to lead meetings. Administrators appoint them.</summary>
public static class FacilitatorEndpoints
{
    public static IEndpointRouteBuilder MapFacilitatorEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.Facilitators, ListAsync).ProducesProblems(400);
        api.MapPost(RegionsRoutes.Facilitators, AddAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 409, 422);
        api.MapDelete(RegionsRoutes.Facilitator, RemoveAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(404);
        return api;
    }

    private static async Task<Ok<PagedList<FacilitatorResponse>>> ListAsync(
        [AsParameters] PageQuery query, Guid? organisationId, RegionsDb db, CancellationToken cancellationToken)
    {
        var facilitators = from facilitator in db.Facilitators.AsNoTracking()
                           join person in db.People.AsNoTracking() on facilitator.PersonId equals person.Id
                           join organisation in db.Organisations.AsNoTracking() on person.OrganisationId equals organisation.Id
                           select new { Facilitator = facilitator, Person = person, Organisation = organisation };
        if (organisationId is { } wanted)
        {
            facilitators = facilitators.Where(f => f.Organisation.Id == wanted);
        }

        if (query.SearchTerm() is { } term)
        {
            facilitators = facilitators.Where(f => f.Person.SearchText.Contains(term));
        }

        var (items, total) = await facilitators.OrderBy(f => f.Person.Name).ThenBy(f => f.Person.Id).PageAsync(query, cancellationToken);
        return TypedResults.Ok(items.Select(f => Describe(f.Facilitator, f.Person, f.Organisation)).ToList().ToPage(query, total));
    }

    private static async Task<Results<Created<FacilitatorResponse>, ProblemHttpResult>> AddAsync(AddFacilitatorRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var personId = request.PersonId!.Value;
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw DirectoryRules.Unknown("person", personId);
        if (person.IsErased)
        {
            return Access.Erased();
        }

        var organisation = person.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            : null;

        var now = time.GetUtcNow();
        var facilitator = Facilitator.Appoint(person, organisation, await db.Facilitators.AnyAsync(f => f.PersonId == personId, cancellationToken), now);
        db.Facilitators.Add(facilitator);
        db.AddEvent(DirectoryEvents.Added(facilitator, person, organisation!, now));
        db.Audit(AuditActions.FacilitatorAppointed, user.PersonId(), personId, now, new { person.OrganisationId });
        await db.SaveUniqueAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.Facilitator, personId), Describe(facilitator, person, organisation!));
    }

    private static async Task<NoContent> RemoveAsync(Guid personId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var facilitator = await db.Facilitators.FirstOrDefaultAsync(f => f.PersonId == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Processledare", personId);
        db.Facilitators.Remove(facilitator);
        var now = time.GetUtcNow();
        db.AddEvent(DirectoryEvents.Removed(facilitator, now));
        db.Audit(AuditActions.FacilitatorRemoved, user.PersonId(), personId, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static FacilitatorResponse Describe(Facilitator facilitator, Person person, Organisation organisation) => new(
        person.Id,
        person.Name,
        person.Email,
        person.Phone,
        person.Title,
        organisation.Id,
        organisation.Name,
        person.PreferredLanguage,
        facilitator.AddedAt);
}
