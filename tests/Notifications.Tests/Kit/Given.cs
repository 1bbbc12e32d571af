namespace KollegialtUtbyte.Notifications.Tests.Kit;

/// <summary>Events as the other services publish them, with fictional people and the demo programme's dates.</summary>
internal static class Given
{
    public static readonly Guid Programme = Guid.Parse("2f0c1e1a-7b6d-4c3e-9a51-202120220001");

    /// <summary>The fake clock's start: 1 March 2021, 09:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Now = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>16 March 2021, 09:00–12:00 in Stockholm (CET, UTC+1).</summary>
    public static readonly DateTimeOffset MeetingStart = new(2021, 3, 16, 8, 0, 0, TimeSpan.Zero);

    public static PersonRegistered Person(string name, string language = "sv", Guid? regionId = null, DateTimeOffset? occurredAt = null)
    {
        var id = Guid.NewGuid();
        var local = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
        return new PersonRegistered(id, name, $"{local}.{id.ToString("N")[..6]}@region.example.test", null, "Utvecklingsstrateg", null, null,
            regionId, language, null, occurredAt ?? Now.AddDays(-30));
    }

    public static PersonUpdated Updated(PersonRegistered person, string? email = null, string? language = null, DateTimeOffset? occurredAt = null) =>
        new(person.PersonId, person.Name, email ?? person.Email, person.Phone, person.Title, person.OrganisationId, person.OrganisationName,
            person.RegionId, language ?? person.PreferredLanguage, person.Gender, occurredAt ?? Now.AddDays(-1));

    public static MeetingDetails Meeting(
        int number = 1, DateTimeOffset? startsAt = null, int sequence = 0, string theme = "Extern samverkan", string? venue = "Residenset, Växjö", Guid? meetingId = null)
    {
        var start = startsAt ?? MeetingStart;
        return new MeetingDetails(meetingId ?? Guid.NewGuid(), Programme, number, $"Kollegialt utbyte {number}: {theme}", theme, start, start.AddHours(3),
            "Europe/Stockholm", venue, "https://meet.example.test/ku-" + number, sequence);
    }

    public static InvitationIssued Invitation(MeetingDetails meeting, Guid personId, TeamRole? role = TeamRole.KeyOfficial, string? token = null, Guid? regionId = null) =>
        new(Guid.NewGuid(), meeting, personId, regionId, role, token ?? NewToken(), meeting.StartsAt, Now);

    /// <summary>A token shaped like the Meetings service's (URL-unsafe characters included, so the links must encode them).</summary>
    public static string NewToken() => Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()) + "+/=";

    public static TeamMemberJoined Joined(PersonRegistered person, Guid regionId, string regionName, TeamRole role) =>
        new(Programme, regionId, regionName, person.PersonId, role, person.Name, person.Email, person.Title, person.PreferredLanguage, null, Now.AddDays(-20));
}
