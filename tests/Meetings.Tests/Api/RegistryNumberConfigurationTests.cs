using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>The registry number pattern comes from configuration, and a pattern that cannot give unique numbers stops the start.</summary>
public sealed class RegistryNumberConfigurationTests
{
    [Fact]
    public async Task Approved_documentation_is_numbered_by_the_configured_pattern()
    {
        await using var app = await MeetingsApp.StartAsync(new Dictionary<string, string?> { ["Meetings:RegistryNumberPattern"] = "Dnr {year}/{seq:0000}-M{meeting}" });
        var scenario = await Scenario.CreateAsync(app, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[2]);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[2].Id, (scenario.Teams[0].Politician, AttendanceStatus.Present))).ReadAsync<AttendanceResponse>();
        var url = $"/api/meetings/{meetings[2].Id}/documentation";
        var draft = await (await app.ClientFor(scenario.Facilitator).PutJsonAsync(url, new WriteDocumentationRequest(null, [new PointRequest("Beslut", null, null)], null, null, 0))).ReadAsync<DocumentationResponse>();

        var approved = await (await scenario.Admin.PostJsonAsync($"{url}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();

        Assert.Equal($"Dnr {app.Now.Year}/0001-M3", approved.RegistryNumber);
    }

    [Fact]
    public async Task A_pattern_without_a_running_number_is_refused_at_start()
    {
        var start = () => MeetingsApp.StartAsync(new Dictionary<string, string?> { ["Meetings:RegistryNumberPattern"] = "KU-{year}" });

        var refused = await Assert.ThrowsAnyAsync<Exception>(start);

        Assert.IsType<OptionsValidationException>(refused.GetBaseException());
    }
}
