namespace KollegialtUtbyte.Meetings.Tests;

/// <summary>
/// Owners of the actions of approved decisions are reminded a configured number of days before the
/// due date and once it has passed, each reminder published once (the clock is the test's).
/// </summary>
public sealed class ActionReminderTests : IAsyncLifetime
{
    private MeetingsApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await MeetingsApp.StartAsync(new Dictionary<string, string?> { ["Meetings:ActionReminders:DaysBefore"] = "5" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_actions_are_reminded_before_their_due_date_and_when_overdue_once_each_and_closed_ones_never()
    {
        var scenario = await Scenario.CreateAsync(_app, regions: 1, keyOfficials: 1);
        var team = scenario.Teams[0];
        var meeting = (await scenario.ScheduleSixAsync())[0];
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meeting);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meeting.Id, (team.ProjectLeader, AttendanceStatus.Present))).ReadAsync<AttendanceResponse>();
        var writer = _app.ClientFor(scenario.Facilitator);
        var documentation = $"/api/meetings/{meeting.Id}/documentation";
        var draft = await (await writer.PutJsonAsync(documentation, new WriteDocumentationRequest(
            null, [new PointRequest("Kommunikation", "Nätverket tar fram en kommunikationsstrategi", null)], null, null, 0))).ReadAsync<DocumentationResponse>();
        var today = DateOnly.FromDateTime(_app.Now.UtcDateTime);
        var strategy = await CreateAsync(writer, meeting, new CreateActionRequest("Utkast till strategi", team.ProjectLeader.PersonId, null, today.AddDays(20)));
        var closed = await CreateAsync(writer, meeting, new CreateActionRequest("Nyhetsbrev", null, team.RegionId, today.AddDays(20)));
        var later = await CreateAsync(writer, meeting, new CreateActionRequest("Utbildning", null, team.RegionId, today.AddDays(40)));
        var approved = await (await scenario.Admin.PostJsonAsync($"{documentation}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();
        var closedNow = await (await _app.ClientFor(scenario.Facilitator).GetAsync($"/api/meetings/actions/{closed.Id}", Ct)).ReadAsync<ActionResponse>();
        await (await _app.ClientFor(team.ProjectLeader).PostJsonAsync($"/api/meetings/actions/{closed.Id}/progress",
            new RecordProgressRequest(ActionStatus.Done, "Skickat", closedNow.Version))).ReadAsync<ActionResponse>();

        _app.Clock.SetUtcNow(At(today.AddDays(15)));
        var dueSoon = (await WaitForAsync(strategy.Id, DecisionActionReminderKind.DueSoon)).Single();
        Assert.Equal(
            (meeting.Id, approved.RegistryNumber, "1", "Utkast till strategi", DecisionActionOwnerKind.Person, team.ProjectLeader.PersonId, team.ProjectLeader.Name, today.AddDays(20)),
            (dueSoon.MeetingId, dueSoon.RegistryNumber, dueSoon.PointNumber, dueSoon.What, dueSoon.OwnerKind, dueSoon.OwnerId, dueSoon.OwnerName, dueSoon.DueOn));

        _app.Clock.SetUtcNow(At(today.AddDays(21)));
        await WaitForAsync(strategy.Id, DecisionActionReminderKind.Overdue);

        // Past the last due date: the later action is overdue without a "due soon" first, and nothing repeats.
        _app.Clock.SetUtcNow(At(today.AddDays(41)));
        await WaitForAsync(later.Id, DecisionActionReminderKind.Overdue);
        var reminders = _app.Published<DecisionActionReminderTriggered>();
        Assert.Equal(
            [(strategy.Id, DecisionActionReminderKind.DueSoon), (strategy.Id, DecisionActionReminderKind.Overdue), (later.Id, DecisionActionReminderKind.Overdue)],
            reminders.Select(r => (r.ActionId, r.Kind)));
        Assert.DoesNotContain(reminders, r => r.ActionId == closed.Id);
    }

    /// <summary>10:00 UTC on the day: the same date in Stockholm.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static async Task<ActionResponse> CreateAsync(HttpClient writer, MeetingResponse meeting, CreateActionRequest request) =>
        await (await writer.PostJsonAsync($"/api/meetings/{meeting.Id}/documentation/points/1/actions", request)).ReadAsync<ActionResponse>();

    private Task<IReadOnlyList<DecisionActionReminderTriggered>> WaitForAsync(Guid actionId, DecisionActionReminderKind kind) =>
        _app.WaitForPublishedAsync<DecisionActionReminderTriggered>(r => r.ActionId == actionId && r.Kind == kind);
}
