using System.Collections.Concurrent;
using System.Globalization;
using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Regions.ApiContracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using M = KollegialtUtbyte.Meetings.ApiContracts;
using MeetingsRoutes = KollegialtUtbyte.Meetings.ApiContracts.MeetingsRoutes;

namespace KollegialtUtbyte.Portal.Tests.Exchanges;

/// <summary>
/// Regions and Meetings as far as the exchange pages ask them, answering from a small directory
/// modelled on the seeds (a strategic dialogue and a member network), keeping the requests the
/// portal sent, and refusing as the services' rules do where a test needs it.
/// </summary>
public sealed class ExchangeServices
{
    public static readonly Guid DialogueId = Guid.Parse("5a7e0000-0000-4000-8000-000000000508");
    public static readonly Guid NetworkId = Guid.Parse("5a7e0000-0000-4000-8000-000000000925");
    public static readonly Guid DialogueMeetingId = Guid.Parse("5a7e0000-0000-4000-8000-0000000005a1");
    public static readonly Guid NetworkMeetingId = Guid.Parse("5a7e0000-0000-4000-8000-0000000009a1");

    public static readonly PersonResponse Governor = Person("Berit Andnor Bylund", "landshövding", "Länsstyrelsen Västerbotten");
    public static readonly PersonResponse Convener = Person("Johanna Sammelin", "jämställdhetsexpert", "Länsstyrelsen Blekinge");
    public static readonly PersonResponse Secretary = Person("Malin Fredriksberg", "utvecklingsledare", null, "Region Blekinge");
    public static readonly PersonResponse Participant = Person("Per Persson", "kommunekolog", "Umeå kommun");

    private static readonly Guid MunicipalityId = Guid.NewGuid();

    public ConcurrentQueue<RegisterProgrammeRequest> Registered { get; } = new();

    public ConcurrentQueue<(Guid MeetingId, M.SignProtocolRequest Request)> Signed { get; } = new();

    /// <summary>A rule the signature endpoint refuses with, as the service would (422).</summary>
    public (string Rule, string Detail)? RefuseSignature { get; set; }

    public static ProgrammeResponse Dialogue { get; } = new(
        DialogueId, "Strategiskt samtal om länets naturbetesmarker och ängar", new DateOnly(2019, 5, 8), new DateOnly(2019, 5, 8), 4, [], 3,
        ExchangeFormat.StrategicDialogue, "Hur når vi miljökvalitetsmålet Ett rikt odlingslandskap i länets betesmarker och ängar?",
        Leader: Role(Governor));

    public static ProgrammeResponse Network { get; } = new(
        NetworkId, "Jämställt Blekinge Nu", new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), 4, [], 5,
        ExchangeFormat.MemberNetwork, Convener: Role(Convener), Secretary: Role(Secretary));

    public void Map(WebApplication app)
    {
        var regions = app.MapGroup(RegionsRoutes.Prefix);
        regions.MapGet(RegionsRoutes.Programmes, () => Json(new PagedList<ProgrammeResponse>([Dialogue, Network], 1, 100, 2)));
        regions.MapGet(RegionsRoutes.Programme, (Guid programmeId) =>
            programmeId == DialogueId ? Json(Dialogue) : programmeId == NetworkId ? Json(Network) : Results.NotFound());
        regions.MapPost(RegionsRoutes.Programmes, async (HttpContext context) =>
        {
            var request = (await context.Request.ReadFromJsonAsync<RegisterProgrammeRequest>(ApiClient.Json))!;
            Registered.Enqueue(request);
            if (request.Format == ExchangeFormat.MemberNetwork && request.ConvenerPersonId == request.SecretaryPersonId)
            {
                return Refuse("exchange.network-signers-distinct", "Sammankallande och sekreterare är två olika personer i ett medlemsnätverk.");
            }

            var created = new ProgrammeResponse(Guid.NewGuid(), request.Name, request.StartsOn!.Value, request.EndsOn!.Value, 4, [], 1, request.Format ?? ExchangeFormat.Programme);
            return Results.Json(created, ApiClient.Json, statusCode: StatusCodes.Status201Created);
        });
        regions.MapGet(RegionsRoutes.People, () => Json(new PagedList<PersonResponse>([Governor, Convener, Secretary, Participant], 1, 100, 4)));
        regions.MapGet(RegionsRoutes.Person, (Guid personId) =>
            new[] { Governor, Convener, Secretary, Participant }.FirstOrDefault(p => p.Id == personId) is { } person ? Json(person) : Results.NotFound());
        regions.MapGet(RegionsRoutes.ExchangeParticipants, (Guid programmeId) => Json(programmeId == DialogueId
            ? new List<ExchangeParticipantResponse>
            {
                new(Participant.Id, Participant.Name, Participant.Title, MunicipalityId, "Umeå kommun", OrganisationKind.Municipality, null, null, DateTimeOffset.UtcNow),
            }
            : []));
        regions.MapGet(RegionsRoutes.ExchangeMembers, (Guid programmeId) => Json(programmeId == NetworkId
            ? new List<ExchangeMemberResponse> { new(MunicipalityId, "Sölvesborgs kommun", OrganisationKind.Municipality, new DateOnly(2019, 1, 1), null) }
            : []));
        regions.MapGet(RegionsRoutes.Organisations, () => Json(new PagedList<OrganisationResponse>([new(Guid.NewGuid(), "Techtank", OrganisationKind.Company, 1)], 1, 100, 1)));

        var meetings = app.MapGroup(MeetingsRoutes.Prefix);
        meetings.MapGet(MeetingsRoutes.Programme, (Guid programmeId) =>
            programmeId == DialogueId ? Json(Calendar(Dialogue)) : programmeId == NetworkId ? Json(Calendar(Network)) : Results.NotFound());
        meetings.MapGet(MeetingsRoutes.ProgrammeMeetings, (Guid programmeId) => Json(programmeId == DialogueId
            ? new List<M.MeetingResponse> { DialogueMeeting() }
            : programmeId == NetworkId ? [NetworkMeeting()] : []));
        meetings.MapGet(MeetingsRoutes.Meeting, (Guid meetingId) =>
            meetingId == DialogueMeetingId ? Json(DialogueMeeting()) : meetingId == NetworkMeetingId ? Json(NetworkMeeting()) : Results.NotFound());
        meetings.MapGet(MeetingsRoutes.Documentation, (Guid meetingId) =>
            meetingId == DialogueMeetingId ? Json(DialogueDocumentation()) : meetingId == NetworkMeetingId ? Json(Protocol()) : Results.NotFound());
        meetings.MapPost(MeetingsRoutes.DocumentationSignatures, async (Guid meetingId, HttpContext context) =>
        {
            var request = (await context.Request.ReadFromJsonAsync<M.SignProtocolRequest>(ApiClient.Json))!;
            Signed.Enqueue((meetingId, request));
            return RefuseSignature is { } refusal ? Refuse(refusal.Rule, refusal.Detail) : Json(Protocol());
        });
    }

    private static M.ProgrammeCalendarResponse Calendar(ProgrammeResponse exchange) => new(
        exchange.Id, exchange.Name, exchange.StartsOn, exchange.EndsOn, "Europe/Stockholm", [], exchange.Format == ExchangeFormat.StrategicDialogue ? 1 : 0, 0, 0, 4,
        DateTimeOffset.Parse("2019-04-01T08:00:00Z", CultureInfo.InvariantCulture), 2, exchange.Format, exchange.Question, exchange.Leader?.PersonId,
        exchange.Convener?.PersonId, exchange.Secretary?.PersonId);

    private static M.MeetingResponse DialogueMeeting()
    {
        var starts = DateTimeOffset.Parse("2019-05-08T08:00:00Z", CultureInfo.InvariantCulture);
        return new(DialogueMeetingId, DialogueId, 1, "Strategiskt samtal", Dialogue.Question!, starts, starts.AddHours(4), "Europe/Stockholm", "Residenset", null,
            M.MeetingStatus.Documented, 1, null, [],
            [
                new(Guid.NewGuid(), M.AgendaItemKind.Talk, "Betesmarkernas värden", "Anna Talare", starts, 30, []),
                new(Guid.NewGuid(), M.AgendaItemKind.Workshop, "Workshop", null, starts.AddHours(1), 60, ["Vad hindrar bete i dag?"]),
            ],
            4);
    }

    private static M.MeetingResponse NetworkMeeting()
    {
        var starts = DateTimeOffset.Parse("2019-09-25T07:00:00Z", CultureInfo.InvariantCulture);
        return new(NetworkMeetingId, NetworkId, 1, "Nätverksträff", "Nätverksträff", starts, starts.AddHours(3), "Europe/Stockholm", "Karlskrona", null,
            M.MeetingStatus.Held, 1, null, [], [], 2);
    }

    private static M.DocumentationResponse DialogueDocumentation()
    {
        var approved = DateTimeOffset.Parse("2019-05-20T10:00:00Z", CultureInfo.InvariantCulture);
        return new(Guid.NewGuid(), DialogueMeetingId, 1, M.DocumentationStatus.Approved, "Samtalet samlade länets aktörer.",
            [new("1", 1, "Inledning", null)], [new("Vad hindrar bete i dag?", "Brist på djur.")], [], [], null, "Ada Administratör", approved, null, 3,
            PublishedAt: approved);
    }

    private static M.DocumentationResponse Protocol() => new(
        Guid.NewGuid(), NetworkMeetingId, 1, M.DocumentationStatus.Draft, null,
        [new("1", 1, "Mötets öppnande", null), new("1.1", 2, "Val av justerare", "Mötet beslutade att protokollet justeras digitalt.")],
        [], [], [], null, null, null, null, 7, Signatures: []);

    private static IResult Json<T>(T value) => Results.Json(value, ApiClient.Json);

    private static IResult Refuse(string rule, string detail) => Results.Json(
        new Dictionary<string, object?> { ["type"] = "https://kollegialt-utbyte.example/rules/" + rule, ["title"] = "Regeln följs inte", ["status"] = 422, ["detail"] = detail, ["rule"] = rule },
        ApiClient.Json, "application/problem+json", StatusCodes.Status422UnprocessableEntity);

    private static PersonResponse Person(string name, string title, string? organisation, string? region = null) => new(
        Guid.NewGuid(), name, null, null, title, region is null ? null : Guid.NewGuid(), region, organisation is null ? null : Guid.NewGuid(), organisation,
        "sv", null, false, false, false, [], 1);

    private static ExchangePersonResponse Role(PersonResponse person) => new(person.Id, person.Name, person.Title, person.OrganisationName ?? person.RegionName);
}
