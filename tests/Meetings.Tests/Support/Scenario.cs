namespace KollegialtUtbyte.Meetings.Tests.Support;

/// <summary>A region's team as the Regions service announces it: a project leader, key officials and a politician.</summary>
public sealed record Team(Guid RegionId, string RegionName, TestUser ProjectLeader, IReadOnlyList<TestUser> KeyOfficials, TestUser Politician)
{
    public IEnumerable<TestUser> Members => [ProjectLeader, .. KeyOfficials, Politician];
}

/// <summary>
/// A programme of its own for one test (the service is shared by the tests of a class): its
/// regions and teams announced through the Regions events, a facilitator, and helpers to
/// schedule meetings a few weeks after the test clock's "now".
/// </summary>
public sealed class Scenario
{
    public static readonly string[] SixRegions = ["Region Sörmland", "Region Värmland", "Region Norrbotten", "Region Västerbotten", "Region Kronoberg", "Region Halland"];

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private Scenario(MeetingsApp app, Guid programmeId, DateOnly firstDay, IReadOnlyList<Team> teams, TestUser facilitator)
    {
        App = app;
        ProgrammeId = programmeId;
        FirstDay = firstDay;
        Teams = teams;
        Facilitator = facilitator;
    }

    public MeetingsApp App { get; }

    public Guid ProgrammeId { get; }

    /// <summary>The day after "now" when the scenario was set up; meetings are placed in the weeks after it.</summary>
    public DateOnly FirstDay { get; }

    public IReadOnlyList<Team> Teams { get; }

    public TestUser Administrator { get; } = TestUser.Administrator();

    public TestUser Facilitator { get; }

    public HttpClient Admin => App.ClientFor(Administrator);

    public static async Task<Scenario> CreateAsync(MeetingsApp app, int regions = 2, int keyOfficials = 4)
    {
        var programmeId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(app.Now.UtcDateTime);
        await app.PublishAsync(new ProgrammeRegistered(programmeId, "Vägar till hållbar utveckling (test)", today, today.AddYears(2), 4, app.Now));

        var facilitator = TestUser.Facilitator();
        await app.PublishAsync(new FacilitatorAdded(facilitator.PersonId, Guid.NewGuid(), "Processbolaget AB", facilitator.Name, facilitator.Email, "sv", app.Now));

        var teams = new List<Team>();
        foreach (var regionName in SixRegions.Take(regions))
        {
            var regionId = Guid.NewGuid();
            await app.PublishAsync(new RegionRegistered(regionId, regionName, "00", app.Now));
            await app.PublishAsync(new RegionJoinedProgramme(programmeId, regionId, regionName, app.Now));
            var team = new Team(
                regionId,
                regionName,
                TestUser.ProjectLeader(regionId) with { Name = $"Projektledare {regionName}" },
                Enumerable.Range(1, keyOfficials).Select(i => TestUser.TeamMember(regionId) with { Name = $"Tjänsteperson {i} {regionName}" }).ToList(),
                TestUser.Politician(regionId) with { Name = $"Politiker {regionName}" });
            await JoinAsync(app, programmeId, team, team.ProjectLeader, TeamRole.ProjectLeader);
            foreach (var official in team.KeyOfficials)
            {
                await JoinAsync(app, programmeId, team, official, TeamRole.KeyOfficial);
            }

            await JoinAsync(app, programmeId, team, team.Politician, TeamRole.Politician);
            teams.Add(team);
        }

        return new Scenario(app, programmeId, today.AddDays(1), teams, facilitator);
    }

    /// <summary>A scenario over a programme and teams announced by the test itself (e.g. over a real broker).</summary>
    public static Scenario ForExisting(MeetingsApp app, Guid programmeId, IReadOnlyList<Team> teams, TestUser facilitator) =>
        new(app, programmeId, DateOnly.FromDateTime(app.Now.UtcDateTime).AddDays(1), teams, facilitator);

    public static async Task JoinAsync(MeetingsApp app, Guid programmeId, Team team, TestUser person, TeamRole role, string? gender = null)
    {
        await app.PublishAsync(new TeamMemberJoined(programmeId, team.RegionId, team.RegionName, person.PersonId, role, person.Name, person.Email, null, "sv", null, app.Now));
        if (gender is not null)
        {
            await app.PublishAsync(new PersonGenderStated(person.PersonId, gender, app.Now));
        }
    }

    public int PeopleInvited => Teams.Sum(t => t.Members.Count());

    /// <summary>09:30–15:30 Stockholm time on the given day of the given week after <see cref="FirstDay"/>.</summary>
    public (DateTimeOffset Starts, DateTimeOffset Ends) Slot(int week, int day = 2) => (Local(week, day, 9, 30), Local(week, day, 15, 30));

    public DateTimeOffset Local(int week, int day, int hour, int minute)
    {
        var local = FirstDay.AddDays((7 * week) + day).ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    public ScheduleMeetingRequest Plan(int week, string theme, params Guid[] facilitators)
    {
        var (starts, ends) = Slot(week);
        return new ScheduleMeetingRequest(null, null, theme, starts, ends, $"{Teams[week % Teams.Count].RegionName}, regionens hus", null, [.. facilitators]);
    }

    public Task<HttpResponseMessage> TryScheduleAsync(ScheduleMeetingRequest request) =>
        Admin.PostJsonAsync($"/api/meetings/programmes/{ProgrammeId}/meetings", request);

    public async Task<MeetingResponse> ScheduleAsync(int week, string theme, params Guid[] facilitators) =>
        await (await TryScheduleAsync(Plan(week, theme, facilitators))).ReadAsync<MeetingResponse>();

    /// <summary>Six meetings, one per month, covering the five themes (the last theme twice), all led by the scenario's facilitator.</summary>
    public async Task<IReadOnlyList<MeetingResponse>> ScheduleSixAsync()
    {
        var themes = ProgrammeCalendar.DefaultThemes.Append(ProgrammeCalendar.DefaultThemes[2]).ToList();
        var meetings = new List<MeetingResponse>();
        for (var i = 0; i < themes.Count; i++)
        {
            meetings.Add(await ScheduleAsync(4 * (i + 1), themes[i], Facilitator.PersonId));
        }

        return meetings;
    }

    public async Task<ProgrammeCalendarResponse> CalendarAsync() =>
        await (await Admin.GetAsync($"/api/meetings/programmes/{ProgrammeId}", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();

    public async Task<HttpResponseMessage> TryPublishPlanAsync() =>
        await Admin.PostJsonAsync($"/api/meetings/programmes/{ProgrammeId}/publish", new PublishPlanRequest((await CalendarAsync()).Version));

    public async Task<PublishPlanResponse> PublishPlanAsync() => await (await TryPublishPlanAsync()).ReadAsync<PublishPlanResponse>();

    public async Task<MeetingResponse> MeetingAsync(Guid meetingId, TestUser? user = null) =>
        await (await App.ClientFor(user ?? Administrator).GetAsync($"/api/meetings/{meetingId}", TestContext.Current.CancellationToken)).ReadAsync<MeetingResponse>();

    public async Task<IReadOnlyList<MyInvitationResponse>> InvitationsOfAsync(TestUser person) =>
        await (await App.ClientFor(person).GetAsync("/api/meetings/invitations/mine", TestContext.Current.CancellationToken)).ReadAsync<List<MyInvitationResponse>>();

    public async Task<HttpResponseMessage> AnswerAsync(TestUser person, Guid meetingId, InvitationAnswer answer, string? comment = null)
    {
        var invitation = (await InvitationsOfAsync(person)).Single(i => i.MeetingId == meetingId);
        return await App.ClientFor(person).PutJsonAsync($"/api/meetings/invitations/{invitation.Id}/answer", new AnswerInvitationRequest(answer, comment, invitation.Version));
    }

    /// <summary>Moves the test clock to just after the meeting's start.</summary>
    public void MoveClockInto(MeetingResponse meeting) => App.Clock.SetUtcNow(meeting.StartsAt.AddMinutes(30));

    public async Task<HttpResponseMessage> RecordAttendanceAsync(TestUser recorder, Guid meetingId, params (TestUser Person, AttendanceStatus Status)[] entries)
    {
        var meeting = await MeetingAsync(meetingId);
        return await App.ClientFor(recorder).PutJsonAsync(
            $"/api/meetings/{meetingId}/attendance",
            new RecordAttendanceRequest(entries.Select(e => new AttendanceEntryRequest(e.Person.PersonId, e.Status)).ToList(), meeting.Version));
    }
}
