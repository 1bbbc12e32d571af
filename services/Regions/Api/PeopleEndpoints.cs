using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Regions.Data;
using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.Regions.Events;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Paging;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>A person's place in a team, as the directory shows it.</summary>
public sealed record MembershipResponse(Guid ProgrammeId, Guid RegionId, TeamRole Role);

/// <summary>
/// A directory entry. <c>Email</c> and <c>Phone</c> are null when <c>ContactHidden</c> (another
/// region's politician who has not allowed sharing); <c>Gender</c> is shown only to the person
/// and to administrators.
/// </summary>
public sealed record PersonResponse(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    string? Title,
    Guid? RegionId,
    string? RegionName,
    Guid? OrganisationId,
    string? OrganisationName,
    string PreferredLanguage,
    string? Gender,
    bool ShareContactDetails,
    bool ContactHidden,
    bool IsFacilitator,
    IReadOnlyList<MembershipResponse> Teams,
    long Version);

/// <summary>The roles the directory can be filtered by: a team role or facilitator.</summary>
public enum DirectoryRole
{
    ProjectLeader,
    KeyOfficial,
    Politician,
    SubstitutePolitician,
    Facilitator,
}

public sealed record RegisterPersonRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: Required, EmailFormat] string Email,
    [property: PhoneFormat] string? Phone,
    [property: StringLength(200)] string? Title,
    Guid? RegionId,
    Guid? OrganisationId,
    [property: AllowedValues(Languages.Swedish, Languages.English, null, ErrorMessage = "Språket är 'sv' eller 'en'.")] string? PreferredLanguage,
    [property: AllowedValues(Genders.Woman, Genders.Man, Genders.NonBinary, null, ErrorMessage = "Kön är 'woman', 'man', 'non-binary' eller utelämnas.")] string? Gender,
    bool ShareContactDetails = false)
{
    public PersonDetails Details() => new(Name, Email, Phone, Title, PreferredLanguage ?? Languages.Swedish, Gender, ShareContactDetails);
}

public sealed record UpdatePersonRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: Required, EmailFormat] string Email,
    [property: PhoneFormat] string? Phone,
    [property: StringLength(200)] string? Title,
    Guid? RegionId,
    Guid? OrganisationId,
    [property: Required, AllowedValues(Languages.Swedish, Languages.English, ErrorMessage = "Språket är 'sv' eller 'en'.")] string PreferredLanguage,
    [property: AllowedValues(Genders.Woman, Genders.Man, Genders.NonBinary, null, ErrorMessage = "Kön är 'woman', 'man', 'non-binary' eller utelämnas.")] string? Gender,
    bool ShareContactDetails,
    [property: Range(1, long.MaxValue)] long Version)
{
    public PersonDetails Details() => new(Name, Email, Phone, Title, PreferredLanguage, Gender, ShareContactDetails);
}

/// <summary>The directory of people: everyone signed in reads it; administrators, project leaders (for their region) and people themselves keep it.</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/people");
        people.MapGet("/", ListAsync);
        people.MapGet("/me", MeAsync);
        people.MapGet("/{personId:guid}", GetAsync);
        people.MapPost("/", RegisterAsync);
        people.MapPut("/{personId:guid}", UpdateAsync);
        return api;
    }

    private static async Task<PagedList<PersonResponse>> ListAsync(
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
            people = people.Where(p => p.SearchText.Contains(term));
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
        return (await DescribeAsync(db, items, user, cancellationToken)).ToPage(query, total);
    }

    private static async Task<PersonResponse> GetAsync(Guid personId, RegionsDb db, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Person", personId);
        Versions.SetETag(http, person.Version);
        return (await DescribeAsync(db, [person], user, cancellationToken))[0];
    }

    /// <summary>The signed-in person's own entry.</summary>
    private static async Task<IResult> MeAsync(RegionsDb db, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return TypedResults.Problem("Inloggningen hör inte till någon person i katalogen.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return TypedResults.Ok(await GetAsync(personId, db, user, http, cancellationToken));
    }

    private static async Task<IResult> RegisterAsync(
        RegisterPersonRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var ownRegionOnly = request.RegionId is { } regionId && request.OrganisationId is null && user.ManagesRegion(regionId);
        if (!user.IsAdministrator() && !ownRegionOnly)
        {
            return Access.Forbidden("En projektledare registrerar personer i sin egen region; övriga personer registreras av en administratör.");
        }

        var affiliation = new Affiliation(request.RegionId, request.OrganisationId);
        var employerName = await db.EmployerNameAsync(affiliation, cancellationToken);
        await EnsureEmailFreeAsync(db, null, request.Email, cancellationToken);

        var now = time.GetUtcNow();
        var person = Person.Register(Guid.CreateVersion7(), request.Details(), affiliation, now);
        db.People.Add(person);
        db.AddEvent(DirectoryEvents.Registered(person, employerName, now));
        await db.SaveUniqueAsync(cancellationToken);
        var response = (await DescribeAsync(db, [person], user, cancellationToken))[0];
        return TypedResults.Created($"/api/regions/people/{person.Id}", response);
    }

    private static async Task<IResult> UpdateAsync(
        Guid personId, UpdatePersonRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Person", personId);
        if (!user.MayEdit(person))
        {
            return Access.Forbidden("Du kan ändra dina egna uppgifter och, som projektledare, uppgifterna för personer i din region.");
        }

        var affiliation = new Affiliation(request.RegionId, request.OrganisationId);
        if (affiliation != person.Affiliation && !user.IsAdministrator())
        {
            return Access.Forbidden("Endast en administratör kan flytta en person till en annan region eller organisation.");
        }

        Versions.Expect(db, person, request.Version);
        var employerName = await db.EmployerNameAsync(affiliation, cancellationToken);
        await EnsureEmailFreeAsync(db, personId, request.Email, cancellationToken);

        // The teams are read to tell about the changed details, not changed themselves.
        var teams = await db.Teams.Where(t => t.Members.Any(m => m.PersonId == personId)).ToListAsync(cancellationToken);
        var isFacilitator = await db.Facilitators.AnyAsync(f => f.PersonId == personId, cancellationToken);
        person.MoveTo(affiliation, isTeamMember: teams.Count > 0, isFacilitator);
        person.ChangeDetails(request.Details());

        var now = time.GetUtcNow();
        var names = await DirectoryNames.LoadAsync(db, cancellationToken);
        db.AddEvent(DirectoryEvents.Updated(person, employerName, now));
        foreach (var team in teams)
        {
            var member = team.Members.Single(m => m.PersonId == personId);
            db.AddEvent(DirectoryEvents.Updated(team, member, person, names.RegionName(team.RegionId) ?? "", now));
        }

        await db.SaveUniqueAsync(cancellationToken);
        Versions.SetETag(http, person.Version);
        return TypedResults.Ok((await DescribeAsync(db, [person], user, cancellationToken))[0]);
    }

    private static async Task EnsureEmailFreeAsync(RegionsDb db, Guid? self, string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddresses.Normalize(email);
        DirectoryRules.EnsureEmailFree(email, await db.People.AnyAsync(p => p.Id != self && p.NormalizedEmail == normalized, cancellationToken));
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
                person.Version);
        }).ToList();
    }
}
