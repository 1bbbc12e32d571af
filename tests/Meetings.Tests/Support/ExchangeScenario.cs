namespace KollegialtUtbyte.Meetings.Tests.Support;

/// <summary>
/// A strategic dialogue or a member network of its own for one test, announced through the
/// registry's events: its roles, its participants (people of organisations, without a region) and a
/// facilitator; and the steps to schedule, publish, hold and document its meetings.
/// </summary>
public sealed class ExchangeScenario
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private ExchangeScenario(MeetingsApp app, Guid programmeId, ExchangeFormat format, TestUser leader, TestUser convener, TestUser secretary, TestUser facilitator)
    {
        App = app;
        ProgrammeId = programmeId;
        Format = format;
        Leader = leader;
        Convener = convener;
        Secretary = secretary;
        Facilitator = facilitator;
    }

    public const string Question = "Hur når vi miljökvalitetsmålet Ett rikt odlingslandskap i länets betesmarker och ängar?";

    public MeetingsApp App { get; }

    public Guid ProgrammeId { get; }

    public ExchangeFormat Format { get; }

    public TestUser Leader { get; }

    public TestUser Convener { get; }

    public TestUser Secretary { get; }

    public TestUser Facilitator { get; }

    public TestUser Administrator { get; } = TestUser.Administrator();

    public HttpClient Admin => App.ClientFor(Administrator);

    public List<(TestUser Person, string Organisation)> Participants { get; } = [];

    public static TestUser Person(string name) => new(Guid.NewGuid(), name, $"{Guid.NewGuid():N}@example.test", []);

    public static async Task<ExchangeScenario> DialogueAsync(MeetingsApp app) => await CreateAsync(app, ExchangeFormat.StrategicDialogue);

    public static async Task<ExchangeScenario> NetworkAsync(MeetingsApp app) => await CreateAsync(app, ExchangeFormat.MemberNetwork);

    private static async Task<ExchangeScenario> CreateAsync(MeetingsApp app, ExchangeFormat format)
    {
        var id = Guid.NewGuid();
        var today = DateOnly.FromDateTime(app.Now.UtcDateTime);
        var leader = Person("Landshövding Ingrid");
        var convener = Person("Johanna Sammankallande");
        var secretary = Person("Malin Sekreterare");
        var dialogue = format == ExchangeFormat.StrategicDialogue;
        await app.PublishAsync(new ProgrammeRegistered(
            id, dialogue ? "Strategiskt samtal (test)" : "Jämställt nätverk (test)", today, today.AddYears(2), 0, app.Now, format,
            dialogue ? Question : null, dialogue ? leader.PersonId : null, dialogue ? null : convener.PersonId, dialogue ? null : secretary.PersonId));
        foreach (var holder in dialogue ? [leader] : new[] { convener, secretary })
        {
            await app.PublishAsync(new PersonUpdated(holder.PersonId, holder.Name, holder.Email, null, null, Guid.NewGuid(), "Länsstyrelsen", null, "sv", null, app.Now));
        }

        var facilitator = TestUser.Facilitator();
        await app.PublishAsync(new FacilitatorAdded(facilitator.PersonId, Guid.NewGuid(), "Processbolaget AB", facilitator.Name, facilitator.Email, "sv", app.Now));
        return new ExchangeScenario(app, id, format, leader, convener, secretary, facilitator);
    }

    public async Task<TestUser> AddParticipantAsync(string name, string organisation)
    {
        var person = Person(name);
        await App.PublishAsync(new PersonUpdated(person.PersonId, person.Name, person.Email, null, null, Guid.NewGuid(), organisation, null, "sv", null, App.Now));
        await App.PublishAsync(new ExchangeParticipantAdded(ProgrammeId, person.PersonId, Guid.NewGuid(), organisation, OrganisationKind.Municipality, null, App.Now));
        Participants.Add((person, organisation));
        return person;
    }

    public DateTimeOffset Local(int week, int hour, int minute)
    {
        var local = DateOnly.FromDateTime(App.Now.UtcDateTime).AddDays((7 * week) + 2).ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    public Task<HttpResponseMessage> TryScheduleAsync(int week, string theme = "Naturbetesmarker") =>
        Admin.PostJsonAsync(
            $"/api/meetings/programmes/{ProgrammeId}/meetings",
            new ScheduleMeetingRequest(null, null, theme, Local(week, 13, 0), Local(week, 16, 30), "Residenset, Växjö", null, [Facilitator.PersonId]));

    public async Task<MeetingResponse> ScheduleAsync(int week) => await (await TryScheduleAsync(week)).ReadAsync<MeetingResponse>();

    /// <summary>Talks with named speakers, then a workshop with its questions (seed 000).</summary>
    public async Task<MeetingResponse> TalksAndWorkshopAsync(MeetingResponse meeting)
    {
        var starts = meeting.StartsAt;
        var response = await Admin.PutJsonAsync(
            $"/api/meetings/{meeting.Id}/agenda",
            new ChangeAgendaRequest(
                [
                    new AgendaItemRequest(AgendaItemKind.Talk, "Länets betesmarker i dag", "Anna Lindqvist, Länsstyrelsen", starts, 30, null),
                    new AgendaItemRequest(AgendaItemKind.Workshop, "Workshop", null, starts.AddMinutes(30), 90, ["Hur ökar vi ängsskötseln i länet?"]),
                ],
                meeting.Version));
        return await response.ReadAsync<MeetingResponse>();
    }

    public async Task<ProgrammeCalendarResponse> CalendarAsync() =>
        await (await Admin.GetAsync($"/api/meetings/programmes/{ProgrammeId}", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();

    public async Task<HttpResponseMessage> TryPublishAsync() =>
        await Admin.PostJsonAsync($"/api/meetings/programmes/{ProgrammeId}/publish", new PublishPlanRequest((await CalendarAsync()).Version));

    public async Task<List<InvitationResponse>> InvitationsAsync(Guid meetingId) =>
        await (await Admin.GetAsync($"/api/meetings/{meetingId}/invitations", TestContext.Current.CancellationToken)).ReadAsync<List<InvitationResponse>>();

    /// <summary>Moves the clock into the meeting and records everyone invited as present.</summary>
    public async Task HoldAsync(MeetingResponse meeting)
    {
        App.Clock.SetUtcNow(meeting.StartsAt.AddMinutes(30));
        var invited = await InvitationsAsync(meeting.Id);
        var current = await (await Admin.GetAsync($"/api/meetings/{meeting.Id}", TestContext.Current.CancellationToken)).ReadAsync<MeetingResponse>();
        await (await Admin.PutJsonAsync(
            $"/api/meetings/{meeting.Id}/attendance",
            new RecordAttendanceRequest(invited.Where(i => !i.Withdrawn).Select(i => new AttendanceEntryRequest(i.PersonId, AttendanceStatus.Present)).ToList(), current.Version)))
            .ReadAsync<AttendanceResponse>();
    }

    public static string DocumentationUrl(MeetingResponse meeting) => $"/api/meetings/{meeting.Id}/documentation";

    public static WriteDocumentationRequest Protocol(string firstPoint, long version) => new(
        "Protokollet innehåller beslutspunkterna från mötet.",
        [new PointRequest(firstPoint, "Organisationen beslutades enligt förslaget", [new PointRequest("Syfte: kunskapsallians", null, null)])],
        null,
        null,
        version);
}
