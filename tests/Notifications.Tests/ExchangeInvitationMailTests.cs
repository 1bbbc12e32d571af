using KollegialtUtbyte.Notifications.Domain.Mails;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// Someone invited without a place in a region's team (a strategic dialogue's participant from a
/// municipality or a company) reads an invitation that is true for them; team members' invitations read as before.
/// </summary>
public sealed class ExchangeInvitationMailTests
{
    private static readonly DateTimeOffset Now = new(2019, 4, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2019, 5, 8, 7, 0, 0, TimeSpan.Zero);

    private static readonly MailSettings Settings =
        new(new Uri("https://ku.example.test/"), new Calendar.CalendarPerson("Länsstyrelsen", "org@example.test"), "Europe/Stockholm");

    private static readonly MeetingDetails Dialogue = new(Guid.NewGuid(), Guid.NewGuid(), 1, "Strategiskt samtal om länets naturbetesmarker och ängar",
        "Hur når vi miljökvalitetsmålet Ett rikt odlingslandskap?", Start, Start.AddHours(4), "Europe/Stockholm", "Residenset", null, 0);

    [Theory]
    [InlineData(Language.Swedish, "Du är inbjuden till träffen som beskrivs nedan.")]
    [InlineData(Language.English, "You are invited to the meeting described below.")]
    public void A_dialogue_participant_without_a_team_is_not_told_of_regions_or_teams(Language language, string sentence)
    {
        var content = Render(role: null, language);

        Assert.Contains(sentence, content.PlainText, StringComparison.Ordinal);
        Assert.Contains("Residenset", content.PlainText, StringComparison.Ordinal);
        foreach (var wrong in new[] { "mellan regionerna", "between the regions", "team", "politiker", "politician" })
        {
            Assert.DoesNotContain(wrong, content.PlainText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_team_members_invitation_still_names_the_exchange_between_the_regions()
    {
        var content = Render(TeamRole.KeyOfficial, Language.Swedish);

        Assert.Contains("Du är inbjuden till en träff i det kollegiala utbytet mellan regionerna.", content.PlainText, StringComparison.Ordinal);
    }

    private static MailContent Render(TeamRole? role, Language language) => MailRenderer.Render(
        MailKind.MeetingInvitation,
        new MeetingMail(Dialogue, role, InvitationAnswer.Pending, "token", Start.AddDays(-1)),
        new MailRecipient("Per Persson", "per@example.test", language),
        Settings,
        Now);
}
