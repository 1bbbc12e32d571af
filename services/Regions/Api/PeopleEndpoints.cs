namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// The directory of people: everyone signed in reads it; administrators, project leaders (for
/// their region) and people themselves keep it. A changed e-mail address (the sign-in name)
/// waits for its owner to confirm it from the new address; only an administrator may set one
/// directly, and that is audited.
/// </summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.People, ListAsync).ProducesProblems(400);
        api.MapGet(RegionsRoutes.Me, MeAsync).ProducesProblems(404);
        api.MapGet(RegionsRoutes.Person, GetAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.People, RegisterAsync).ProducesProblems(400, 403, 422);
        api.MapPut(RegionsRoutes.Person, UpdateAsync).ProducesProblems(400, 403, 404, 409, 422);
        api.MapGet(RegionsRoutes.EmailChanges, EmailChangesAsync).ProducesProblems(403, 404);
        return api;
    }

    private static async Task<Ok<PagedList<PersonResponse>>> ListAsync(
        [AsParameters] PageQuery query,
        Guid? regionId,
        Guid? organisationId,
        Guid? programmeId,
        DirectoryRole? role,
        RegionsDb db,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        if (regionId is { } region)
        {
            people = people.Where(p => p.RegionId == region);
        }

        if (organisationId is { } organisation)
        {
            people = people.Where(p => p.OrganisationId == organisation);
        }

        if (query.SearchTerm() is { } term)
        {
            people = SearchAsVisible(people, db, user, term);
        }

        if (role == DirectoryRole.Facilitator)
        {
            people = people.Where(p => db.Facilitators.Any(f => f.PersonId == p.Id));
        }
        else if (role is not null || programmeId is not null)
        {
            var members = db.Teams.Where(t => programmeId == null || t.ProgrammeId == programmeId).SelectMany(t => t.Members);
            if (role is { } wanted)
            {
                var teamRole = Enum.Parse<TeamRole>(wanted.ToString());
                members = members.Where(m => m.Role == teamRole);
            }

            people = people.Where(p => members.Any(m => m.PersonId == p.Id));
        }

        var (items, total) = await people.OrderBy(p => p.Name).ThenBy(p => p.Id).PageAsync(query, cancellationToken);
        return TypedResults.Ok((await DescribeAsync(db, items, user, cancellationToken)).ToPage(query, total));
    }

    /// <summary>
    /// Name and title for everyone; the e-mail address only where the searcher may see it (the
    /// same rule as <see cref="Access.SeesContactOf"/>), or a search would confirm a hidden address.
    /// </summary>
    private static IQueryable<Person> SearchAsVisible(IQueryable<Person> people, RegionsDb db, ClaimsPrincipal user, string term)
    {
        var seesEveryone = user.IsAdministrator();
        var self = user.PersonId();
        var ownRegions = user.RegionIds().ToList();
        var politicians = db.Teams.SelectMany(t => t.Members)
            .Where(m => m.Role == TeamRole.Politician || m.Role == TeamRole.SubstitutePolitician)
            .Select(m => m.PersonId);
        return people.Where(p => p.SearchText.Contains(term)
            || (p.NormalizedEmail != null && p.NormalizedEmail.Contains(term)
                && (seesEveryone
                    || p.ShareContactDetails
                    || (self != null && p.Id == self)
                    || (p.RegionId != null && ownRegions.Contains(p.RegionId.Value))
                    || !politicians.Contains(p.Id))));
    }

    private static async Task<Ok<PersonResponse>> GetAsync(Guid personId, RegionsDb db, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Person", personId);
        http.Response.SetVersionTag(person.Version);
        return TypedResults.Ok((await DescribeAsync(db, [person], user, cancellationToken))[0]);
    }

    /// <summary>The signed-in person's own entry.</summary>
    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> MeAsync(RegionsDb db, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return TypedResults.Problem("Inloggningen hör inte till någon person i katalogen.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return await GetAsync(personId, db, user, http, cancellationToken);
    }

    private static async Task<Results<Created<PersonResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterPersonRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var ownRegionOnly = request.RegionId is { } regionId && request.OrganisationId is null && user.ManagesRegion(regionId);
        if (!user.IsAdministrator() && !ownRegionOnly)
        {
            return Problems.Forbidden("En projektledare registrerar personer i sin egen region; övriga personer registreras av en administratör.");
        }

        var affiliation = new Affiliation(request.RegionId, request.OrganisationId);
        var employerName = await db.EmployerNameAsync(affiliation, cancellationToken);
        await EnsureEmailFreeAsync(db, null, request.Email, cancellationToken);

        var now = time.GetUtcNow();
        var person = Person.Register(Guid.CreateVersion7(), request.Details(), affiliation, now);
        db.People.Add(person);
        db.AddEvent(DirectoryEvents.Registered(person, employerName, now));
        if (person.Gender is not null)
        {
            db.AddEvent(DirectoryEvents.GenderStated(person, now));
        }

        db.Audit(AuditActions.PersonRegistered, user.PersonId(), person.Id, now, new { person.RegionId, person.OrganisationId });
        await db.SaveUniqueAsync(cancellationToken);
        var response = (await DescribeAsync(db, [person], user, cancellationToken))[0];
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.Person, person.Id), response);
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> UpdateAsync(
        Guid personId, UpdatePersonRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Person", personId);
        if (!user.MayEdit(person))
        {
            return Problems.Forbidden("Du kan ändra dina egna uppgifter och, som projektledare, uppgifterna för personer i din region.");
        }

        if (person.IsErased)
        {
            return Access.Erased();
        }

        var affiliation = new Affiliation(request.RegionId, request.OrganisationId);
        if (affiliation != person.Affiliation && !user.IsAdministrator())
        {
            return Problems.Forbidden("Endast en administratör kan flytta en person till en annan region eller organisation.");
        }

        if (request.SetEmailDirectly && !user.IsAdministrator())
        {
            return Problems.Forbidden("Endast en administratör kan byta e-postadress utan att ägaren bekräftar den nya adressen.");
        }

        db.ExpectVersion(person, request.Version);
        await db.EmployerNameAsync(affiliation, cancellationToken);
        var isTeamMember = await db.Teams.AnyAsync(t => t.Members.Any(m => m.PersonId == personId), cancellationToken);
        var isFacilitator = await db.Facilitators.AnyAsync(f => f.PersonId == personId, cancellationToken);
        var before = ContactDetails.Of(person);
        var previousGender = person.Gender;
        var previousAffiliation = person.Affiliation;
        person.MoveTo(affiliation, isTeamMember, isFacilitator);
        person.ChangeDetails(request.Details());

        var now = time.GetUtcNow();
        if (ContactDetails.Changed(before, ContactDetails.Of(person)) is { Count: > 0 } changed)
        {
            db.Audit(AuditActions.ContactDetailsChanged, user.PersonId(), person.Id, now, new { Fields = changed });
        }

        if (previousAffiliation != person.Affiliation)
        {
            db.Audit(AuditActions.AffiliationChanged, user.PersonId(), person.Id, now, new { From = previousAffiliation, To = person.Affiliation });
        }

        if (person.IsNewAddress(request.Email))
        {
            await EnsureEmailFreeAsync(db, personId, request.Email, cancellationToken);
            ChangeEmail(db, person, request.Email, request.SetEmailDirectly, user, now);
        }

        // The directory keeps publishing the address in use: a pending one is not published.
        await PersonAnnouncements.AnnounceUpdateAsync(db, person, now, cancellationToken);
        if (person.Gender != previousGender)
        {
            db.AddEvent(DirectoryEvents.GenderStated(person, now));
        }

        await db.SaveUniqueAsync(cancellationToken);
        http.Response.SetVersionTag(person.Version);
        return TypedResults.Ok((await DescribeAsync(db, [person], user, cancellationToken))[0]);
    }

    /// <summary>
    /// A new address waits for its owner to confirm it from the link Identity mails to it (the
    /// old address is told and can stop it). An administrator may set it directly instead.
    /// </summary>
    private static void ChangeEmail(RegionsDb db, Person person, string email, bool directly, ClaimsPrincipal user, DateTimeOffset now)
    {
        var previous = person.EmailInUse;
        if (directly)
        {
            person.SetEmailDirectly(email);
            db.EmailChangeAudits.Add(EmailChangeAudit.Record(person.Id, EmailChangeStep.SetByAdministrator, previous, person.EmailInUse, user.PersonId(), user.DisplayName(), now));
            db.Audit(AuditActions.EmailSetByAdministrator, user.PersonId(), person.Id, now);
            db.AddEvent(new PersonEmailChangedByAdministrator(person.Id, previous, person.EmailInUse, user.PersonId(), now));
            return;
        }

        var changeId = Guid.CreateVersion7();
        if (person.RequestEmailChange(email, changeId, user.PersonId()))
        {
            db.EmailChangeAudits.Add(EmailChangeAudit.Record(person.Id, EmailChangeStep.Requested, previous, person.PendingEmail!, user.PersonId(), user.DisplayName(), now));
            db.Audit(AuditActions.EmailChangeRequested, user.PersonId(), person.Id, now, new { ChangeId = changeId });
            db.AddEvent(new PersonEmailChangeRequested(
                changeId, person.Id, person.Name, previous, person.PendingEmail!, person.PreferredLanguage, user.PersonId(), now));
        }
    }

    /// <summary>The audit of the person's e-mail changes, newest first. Administrators only.</summary>
    private static async Task<Results<Ok<List<EmailChangeAuditResponse>>, ProblemHttpResult>> EmailChangesAsync(Guid personId, RegionsDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsAdministrator())
        {
            return Problems.Forbidden("Endast administratörer läser historiken över ändrade e-postadresser.");
        }

        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            throw new ResourceNotFoundException("Person", personId);
        }

        var entries = await db.EmailChangeAudits.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new EmailChangeAuditResponse(a.Id, a.PersonId, a.Step, a.PreviousEmail, a.NewEmail, a.ChangedBy, a.ChangedByName, a.At))
            .ToList());
    }

    /// <summary>One person per address: in use or waiting for confirmation, by nobody else.</summary>
    private static async Task EnsureEmailFreeAsync(RegionsDb db, Guid? self, string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddresses.Normalize(email);
        DirectoryRules.EnsureEmailFree(email, await db.People.AnyAsync(
            p => p.Id != self && (p.NormalizedEmail == normalized || p.NormalizedPendingEmail == normalized), cancellationToken));
    }

    /// <summary>Directory entries for <paramref name="people"/> as <paramref name="user"/> may see them.</summary>
    internal static async Task<List<PersonResponse>> DescribeAsync(RegionsDb db, IReadOnlyList<Person> people, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var names = await DirectoryNames.LoadAsync(db, cancellationToken);
        var memberships = await db.Teams.AsNoTracking()
            .SelectMany(t => t.Members, (t, m) => new { t.ProgrammeId, t.RegionId, m.PersonId, m.Role })
            .Where(m => ids.Contains(m.PersonId))
            .ToListAsync(cancellationToken);
        var facilitators = (await db.Facilitators.AsNoTracking().Where(f => ids.Contains(f.PersonId)).Select(f => f.PersonId).ToListAsync(cancellationToken)).ToHashSet();

        return people.Select(person =>
        {
            var teams = memberships.Where(m => m.PersonId == person.Id).Select(m => new MembershipResponse(m.ProgrammeId, m.RegionId, m.Role)).ToList();
            var isPolitician = teams.Any(t => t.Role is TeamRole.Politician or TeamRole.SubstitutePolitician);
            var contactVisible = user.SeesContactOf(person, isPolitician);
            return new PersonResponse(
                person.Id,
                person.Name,
                contactVisible ? person.Email : null,
                contactVisible ? person.Phone : null,
                person.Title,
                person.RegionId,
                names.RegionName(person.RegionId),
                person.OrganisationId,
                names.OrganisationName(person.OrganisationId),
                person.PreferredLanguage,
                user.SeesGenderOf(person) ? person.Gender : null,
                person.ShareContactDetails,
                !contactVisible,
                facilitators.Contains(person.Id),
                teams,
                person.Version,
                contactVisible && user.MayEdit(person) ? person.PendingEmail : null);
        }).ToList();
    }
}
