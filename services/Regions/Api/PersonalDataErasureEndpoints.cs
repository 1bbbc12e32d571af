using KollegialtUtbyte.ServiceDefaults.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// The right to erasure (GDPR art. 17): the person herself or an administrator asks, an
/// administrator decides, and on approval the directory pseudonymises her at once and tells every
/// other service to do the same; the erasure is complete when all of them answered.
/// </summary>
public static class PersonalDataErasureEndpoints
{
    public static IEndpointRouteBuilder MapPersonalDataErasureEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost(RegionsRoutes.PersonErasures, RequestAsync).ProducesProblems(400, 403, 404);
        api.MapGet(RegionsRoutes.PersonErasures, ListForPersonAsync).ProducesProblems(403);
        api.MapGet(RegionsRoutes.Erasures, ListAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400);
        api.MapGet(RegionsRoutes.Erasure, GetAsync).ProducesProblems(403, 404);
        api.MapPost(RegionsRoutes.ErasureDecision, DecideAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        return api;
    }

    private const string NotYours = "Bara personen själv och administratörer kan begära radering av en persons uppgifter och följa begäran.";

    private static bool MayAsk(this ClaimsPrincipal user, Guid personId) => user.IsAdministrator() || user.PersonId() == personId;

    /// <summary>Asks for an erasure; an open one (requested or being carried out) is answered instead of a second.</summary>
    private static async Task<Results<Accepted<PersonalDataErasureResponse>, ProblemHttpResult>> RequestAsync(
        Guid personId, [FromBody] RequestErasureRequest? request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!user.MayAsk(personId))
        {
            return Problems.Forbidden(NotYours);
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Person", personId);
        if (person.IsErased)
        {
            return Access.Erased();
        }

        var open = await db.PersonalDataErasures.AsNoTracking()
            .Where(e => e.PersonId == personId && (e.State == PersonalDataErasureState.Requested || e.State == PersonalDataErasureState.Erasing))
            .OrderByDescending(e => e.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return TypedResults.Accepted(Location(open), Describe(open, person.Name));
        }

        var now = time.GetUtcNow();
        var erasure = PersonalDataErasure.Request(personId, user.PersonId(), request?.Reason, now);
        db.PersonalDataErasures.Add(erasure);
        db.Audit(AuditActions.PersonalDataErasureRequested, user.PersonId(), personId, now, new { ErasureId = erasure.Id, erasure.RequestedBySelf });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted(Location(erasure), Describe(erasure, person.Name));
    }

    /// <summary>The person's erasures, newest first.</summary>
    private static async Task<Results<Ok<List<PersonalDataErasureResponse>>, ProblemHttpResult>> ListForPersonAsync(
        Guid personId, RegionsDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.MayAsk(personId))
        {
            return Problems.Forbidden(NotYours);
        }

        var erasures = await db.PersonalDataErasures.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, [personId], cancellationToken);
        return TypedResults.Ok(erasures.OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id).Select(e => Describe(e, names)).ToList());
    }

    /// <summary>Every erasure, newest first, optionally in one state: what waits for a decision, what is still being carried out.</summary>
    private static async Task<Ok<PagedList<PersonalDataErasureResponse>>> ListAsync(
        [AsParameters] PageQuery query, PersonalDataErasureState? state, RegionsDb db, CancellationToken cancellationToken)
    {
        var erasures = db.PersonalDataErasures.AsNoTracking();
        if (state is { } wanted)
        {
            erasures = erasures.Where(e => e.State == wanted);
        }

        var (items, total) = await erasures.OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id).PageAsync(query, cancellationToken);
        var names = await NamesAsync(db, items.Select(e => e.PersonId).Distinct().ToList(), cancellationToken);
        return TypedResults.Ok(items.Select(e => Describe(e, names)).ToList().ToPage(query, total));
    }

    private static async Task<Results<Ok<PersonalDataErasureResponse>, ProblemHttpResult>> GetAsync(
        Guid erasureId, RegionsDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var erasure = await db.PersonalDataErasures.AsNoTracking().FirstOrDefaultAsync(e => e.Id == erasureId, cancellationToken)
            ?? throw new ResourceNotFoundException("Personal data erasure", erasureId);
        if (!user.MayAsk(erasure.PersonId))
        {
            return Problems.Forbidden(NotYours);
        }

        return TypedResults.Ok(Describe(erasure, await NamesAsync(db, [erasure.PersonId], cancellationToken)));
    }

    /// <summary>
    /// Approves or declines. Approving erases the person in the directory in this transaction,
    /// tells the other services, and counts the directory's own answer at once.
    /// </summary>
    private static async Task<Results<Ok<PersonalDataErasureResponse>, ProblemHttpResult>> DecideAsync(
        Guid erasureId, DecideErasureRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var erasure = await db.PersonalDataErasures.FirstOrDefaultAsync(e => e.Id == erasureId, cancellationToken)
            ?? throw new ResourceNotFoundException("Personal data erasure", erasureId);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == erasure.PersonId, cancellationToken);
        if (erasure.IsDecided)
        {
            return Problem(StatusCodes.Status409Conflict, "Already decided",
                $"Begäran om radering är redan avgjord ({erasure.State}); ett beslut kan inte ändras.", ErasureRules.AlreadyDecided);
        }

        var now = time.GetUtcNow();
        if (request.Approve == true)
        {
            if (person is not null && await IsLastAdministratorAsync(db, person.Id, cancellationToken))
            {
                throw new RuleViolationException(ErasureRules.LastAdministrator,
                    "Personen är den enda administratören. Utse en annan administratör innan hennes uppgifter raderas.");
            }

            erasure.Approve(user.PersonId(), request.Reason, now);
            if (person is not null)
            {
                await DirectoryErasure.EraseAsync(db, person, now, cancellationToken);
            }

            await db.ForgetDispatchedEventsAboutAsync(erasure.PersonId, cancellationToken);

            erasure.RecordErased(RegionsModule.Name, now);
            db.AddEvent(new PersonalDataErasureDecided(erasure.Id, erasure.PersonId, now));
            db.Audit(AuditActions.PersonalDataErasureApproved, user.PersonId(), erasure.PersonId, now, new { ErasureId = erasure.Id });
        }
        else
        {
            erasure.Decline(user.PersonId(), request.Reason, now);
            db.Audit(AuditActions.PersonalDataErasureDeclined, user.PersonId(), erasure.PersonId, now, new { ErasureId = erasure.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(Describe(erasure, person?.Name ?? ErasedPerson.Name));
    }

    /// <summary>Whether the person is the only enabled administrator the directory knows of (from Identity's events).</summary>
    private static async Task<bool> IsLastAdministratorAsync(RegionsDb db, Guid personId, CancellationToken cancellationToken)
    {
        var administrators = db.Accounts.Where(a => a.IsAdministrator && !a.IsDisabled && !db.People.Any(p => p.Id == a.PersonId && p.ErasedAt != null));
        return await administrators.AnyAsync(a => a.PersonId == personId, cancellationToken)
            && !await administrators.AnyAsync(a => a.PersonId != personId, cancellationToken);
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(RegionsDb db, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private static string Location(PersonalDataErasure erasure) => RegionsRoutes.PathOf(RegionsRoutes.Erasure, erasure.Id);

    private static PersonalDataErasureResponse Describe(PersonalDataErasure erasure, IReadOnlyDictionary<Guid, string> names) =>
        Describe(erasure, names.GetValueOrDefault(erasure.PersonId) ?? ErasedPerson.Name);

    private static PersonalDataErasureResponse Describe(PersonalDataErasure erasure, string personName) => new(
        erasure.Id,
        erasure.PersonId,
        erasure.State is PersonalDataErasureState.Erasing or PersonalDataErasureState.Complete ? ErasedPerson.Name : personName,
        erasure.State,
        erasure.RequestedAt,
        erasure.RequestedBySelf,
        erasure.Reason,
        erasure.DecidedAt,
        erasure.DecisionReason,
        PersonalDataErasure.Services
            .Select(s => erasure.Answers.FirstOrDefault(a => a.Service == s) is { } answer
                ? new PersonalDataErasureServiceResponse(s, true, answer.ErasedAt)
                : new PersonalDataErasureServiceResponse(s, false, null))
            .ToList());

    private static ProblemHttpResult Problem(int status, string title, string detail, string? rule = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: rule is null ? null : new Dictionary<string, object?> { ["rule"] = rule });
}
