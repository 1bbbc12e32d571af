namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// A programme of a test's own, through the gateway: only the teams the test adds take part, so
/// publishing its plan changes no other test's invitations or mail.
/// </summary>
internal static class TestProgramme
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers a programme that began yesterday, with two planned meetings on <paramref name="theme"/>, once Meetings knows it.</summary>
    public static async Task<Guid> RegisterAsync(HttpClient admin, string name, string theme, DateOnly today)
    {
        var registered = await (await admin.PostJsonAsync("/api/regions/programmes", new
        {
            name,
            startsOn = today.AddDays(-1),
            endsOn = today.AddDays(90),
            expectedKeyOfficials = (int?)null,
        })).ReadAsync(HttpStatusCode.Created);
        var programmeId = registered.GetProperty("id").GetGuid();
        var calendar = await Eventually.UntilAsync(
            async () => await admin.GetAsync($"/api/meetings/programmes/{programmeId}", Ct),
            response => response.StatusCode == HttpStatusCode.OK,
            "Meetings knows the new programme");
        await (await admin.PutAsJsonAsync($"/api/meetings/programmes/{programmeId}", new
        {
            timeZone = "Europe/Stockholm",
            themes = new[] { theme },
            plannedMeetings = 2,
            politicianShare = 0.5m,
            version = (await calendar.ReadAsync()).GetProperty("version").GetInt64(),
        }, Ct)).ReadAsync();
        return programmeId;
    }

    /// <summary>Registers <paramref name="person"/> in the directory and adds them to the region's team of the programme in <paramref name="role"/>; returns their id.</summary>
    public static async Task<Guid> AddTeamMemberAsync(HttpClient admin, Guid programmeId, Guid regionId, string role, object person)
    {
        var registered = await (await admin.PostJsonAsync("/api/regions/people", person)).ReadAsync(HttpStatusCode.Created);
        var personId = registered.GetProperty("id").GetGuid();
        await (await admin.PostJsonAsync($"/api/regions/programmes/{programmeId}/teams/{regionId}/members", new { personId, role })).ReadAsync(HttpStatusCode.Created);
        return personId;
    }

    public static async Task<Guid> ScheduleAsync(HttpClient admin, Guid programmeId, int number, string theme, string venue, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        (await (await admin.PostJsonAsync($"/api/meetings/programmes/{programmeId}/meetings", new
        {
            number,
            title = (string?)null,
            theme,
            startsAt,
            endsAt,
            venue,
            onlineLink = (string?)null,
            facilitatorIds = (Guid[]?)null,
        })).ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Marks each meeting held as soon as it has begun.</summary>
    public static async Task HoldAsync(HttpClient admin, IEnumerable<Guid> meetingIds, TimeSpan timeout)
    {
        foreach (var meetingId in meetingIds)
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    var meeting = await admin.GetJsonAsync($"/api/meetings/{meetingId}");
                    var held = await admin.PostJsonAsync($"/api/meetings/{meetingId}/held", new { version = meeting.GetProperty("version").GetInt64() });
                    return held.StatusCode == HttpStatusCode.OK;
                },
                $"meeting {meetingId} has begun and is marked held", timeout);
        }
    }
}
