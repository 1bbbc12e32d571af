using System.Web;
using KollegialtUtbyte.Notifications.Domain.Mails;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>The service's rules on their own: reminders, retries, languages, ordering of meeting details, safe mail text.</summary>
public sealed class DomainTests
{
    private static readonly DateTimeOffset Now = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2021, 3, 16, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reminder_is_due_its_lead_time_before_the_target_and_not_a_moment_earlier()
    {
        var reminder = Reminder.Plan(ReminderKind.MeetingStart, Guid.NewGuid(), TimeSpan.FromDays(7), Start, Now);

        Assert.Equal(ReminderStatus.Pending, reminder.Status);
        Assert.Equal(Start.AddDays(-7), reminder.DueAt);
        Assert.False(reminder.IsDue(Start.AddDays(-7).AddTicks(-1)));
        Assert.True(reminder.IsDue(Start.AddDays(-7)));
    }

    [Fact]
    public void A_reminder_whose_moment_has_passed_is_skipped_and_a_moved_target_makes_it_due_again()
    {
        var late = Reminder.Plan(ReminderKind.MeetingStart, Guid.NewGuid(), TimeSpan.FromDays(7), Now.AddDays(3), Now);
        Assert.Equal(ReminderStatus.Skipped, late.Status);

        late.Retarget(Now.AddDays(10), Now);
        Assert.Equal(ReminderStatus.Pending, late.Status);
        Assert.Equal(Now.AddDays(3), late.DueAt);

        late.MarkSent(Now.AddDays(3));
        late.Retarget(Now.AddDays(20), Now.AddDays(4));
        Assert.Equal(ReminderStatus.Pending, late.Status);

        late.Cancel();
        late.Retarget(Now.AddDays(30), Now.AddDays(4));
        Assert.Equal(ReminderStatus.Cancelled, late.Status);
    }

    [Fact]
    public void Pauses_between_delivery_attempts_double_up_to_the_longest()
    {
        var policy = new DeliveryPolicy(8, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(attempts => policy.PauseAfter(attempts).TotalMinutes));
    }

    [Fact]
    public void A_mail_is_recorded_as_failed_when_its_attempts_are_used_up()
    {
        var policy = new DeliveryPolicy(2, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        var mail = OutgoingMail.ToAddress("k", MailKind.PasswordReset, "a@example.test", "A", Language.Swedish, null, "{}", Now);

        mail.AttemptFailed("421 busy", Now, policy);
        Assert.Equal((MailStatus.Pending, Now.AddMinutes(1)), (mail.Status, mail.NextAttemptAt));

        mail.AttemptFailed("421 busy", Now.AddMinutes(1), policy);
        Assert.Equal((MailStatus.Failed, 2, "421 busy"), (mail.Status, mail.Attempts, mail.LastError));
    }

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData("en-GB", Language.English)]
    [InlineData("EN", Language.English)]
    [InlineData("sv", Language.Swedish)]
    [InlineData("sv-SE", Language.Swedish)]
    [InlineData("fi", Language.Swedish)]
    [InlineData("", Language.Swedish)]
    [InlineData(null, Language.Swedish)]
    public void Mails_are_Swedish_unless_the_person_prefers_English(string? preference, Language expected) =>
        Assert.Equal(expected, Languages.FromPreference(preference));

    [Fact]
    public void Older_meeting_details_never_replace_newer_ones()
    {
        var details = new MeetingDetails(Guid.NewGuid(), Guid.NewGuid(), 1, "Möte 1", "Extern samverkan", Start, Start.AddHours(3), "Europe/Stockholm", null, null, 2);
        var meeting = Meeting.From(details, Now);

        Assert.False(meeting.Apply(details with { Sequence = 1, StartsAt = Start.AddDays(1) }, Now.AddDays(1)));
        Assert.False(meeting.Apply(details with { StartsAt = Start.AddDays(2) }, Now.AddDays(-1)));
        Assert.True(meeting.Apply(details with { Sequence = 3, StartsAt = Start.AddDays(3) }, Now.AddDays(-2)));
        Assert.Equal((3, Start.AddDays(3)), (meeting.Sequence, meeting.StartsAt));
        Assert.False(meeting.Apply(details with { Sequence = 3, StartsAt = Start.AddDays(3) }, Now.AddDays(5)), "the same details again change nothing");
    }

    [Fact]
    public void A_departure_that_arrived_first_is_not_undone_by_the_earlier_join()
    {
        var membership = TeamMembership.Record(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TeamRole.KeyOfficial, active: false, Now);

        membership.Apply(TeamRole.KeyOfficial, active: true, Now.AddDays(-1));

        Assert.False(membership.WorksOnFeedback);
    }

    [Fact]
    public void Text_from_events_is_encoded_in_HTML_and_tokens_are_encoded_in_links()
    {
        const string token = "a+b/c=d&answer=accepted";
        var meeting = new MeetingDetails(Guid.NewGuid(), Guid.NewGuid(), 1, "<script>alert(1)</script>", "Teman & trender", Start, Start.AddHours(3),
            "Europe/Stockholm", null, null, 0);
        var settings = new MailSettings(new Uri("https://ku.example.test/base"), new Calendar.CalendarPerson("Org", "org@example.test"), "Europe/Stockholm");
        var recipient = new MailRecipient("Ann \"A\" <Admin>", "ann@example.test", Language.Swedish);

        var content = MailRenderer.Render(MailKind.MeetingInvitation,
            new MeetingMail(meeting, TeamRole.KeyOfficial, InvitationAnswer.Pending, token, Start.AddDays(-1)), recipient, settings, Now);

        Assert.DoesNotContain("<script>", content.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", content.Html, StringComparison.Ordinal);
        Assert.Contains("Teman &amp; trender", content.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", content.PlainText, StringComparison.Ordinal);

        var accept = new MailLinks(settings.PublicBaseUrl).InvitationAnswer(token, InvitationAnswer.Accepted);
        Assert.Equal("https://ku.example.test/base/api/meetings/invitations/answer", accept.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(accept.Query);
        Assert.Equal((token, "accepted"), (query["token"], query["answer"]));
        Assert.Contains(accept.AbsoluteUri, content.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_times_read_in_Swedish_time_across_the_change_to_summer_time()
    {
        var summer = new DateTimeOffset(2021, 3, 30, 8, 0, 0, TimeSpan.Zero);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

        Assert.Equal("tisdag 16 mars 2021 kl. 09:00–12:00 (svensk tid)", TimeTextsSpan(Start, zone, Language.Swedish));
        Assert.Equal("Tuesday 30 March 2021, 10:00–13:00 (Swedish time)", TimeTextsSpan(summer, zone, Language.English));
    }

    private static string TimeTextsSpan(DateTimeOffset start, TimeZoneInfo zone, Language language) =>
        TimeTexts.Span(start, start.AddHours(3), zone, language);
}
