namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Feedback mails go to the regional teams (project leaders and key officials) of the right regions.</summary>
public sealed class FeedbackMailTests
{
    private static readonly Guid Varmland = Guid.NewGuid();
    private static readonly Guid Norrbotten = Guid.NewGuid();
    private static readonly Guid Vasterbotten = Guid.NewGuid();
    private static readonly DateTimeOffset Deadline = new(2021, 3, 31, 21, 59, 0, TimeSpan.Zero);

    private readonly PersonRegistered _authorLeader = Given.Person("Eva Lingwall");
    private readonly PersonRegistered _norrbottenLeader = Given.Person("Stina Kallio");
    private readonly PersonRegistered _norrbottenOfficial = Given.Person("Mikael Åström", "en");
    private readonly PersonRegistered _norrbottenPolitician = Given.Person("Per Politiker");
    private readonly PersonRegistered _norrbottenFormer = Given.Person("Lena Former");
    private readonly PersonRegistered _vasterbottenOfficial = Given.Person("Johan Ekholm");

    [Fact]
    public async Task Reviewing_regions_hear_of_the_draft_and_those_still_to_answer_are_reminded_before_the_deadline()
    {
        await using var service = await StartWithTeamsAsync();
        var round = Guid.NewGuid();

        await service.PublishAsync(new ReviewersAssigned(round, Guid.NewGuid(), Varmland, "Värmlandsstrategin", Deadline, [Norrbotten, Vasterbotten], Given.Now));

        var assigned = await service.Mailbox.WaitForAsync(3, what: "assignment mails");
        Assert.Equal(
            new[] { _norrbottenLeader.Email, _norrbottenOfficial.Email, _vasterbottenOfficial.Email }.Order(),
            assigned.Select(m => m.To).Order());
        var swedish = assigned.Single(m => m.To == _norrbottenLeader.Email);
        Assert.Equal("Utkast att granska: Värmlandsstrategin", swedish.Subject);
        Assert.Contains("Region Värmland har lämnat utkastet ”Värmlandsstrategin” för återkoppling", swedish.PlainText, StringComparison.Ordinal);
        Assert.Contains("onsdag 31 mars 2021 kl. 23:59 (svensk tid)", swedish.PlainText, StringComparison.Ordinal);
        Assert.Contains(new Uri(NotificationsService.PublicBaseUrl), swedish.HtmlLinks);
        Assert.Equal("Draft to review: Värmlandsstrategin", assigned.Single(m => m.To == _norrbottenOfficial.Email).Subject);

        // Västerbotten answers in time; Norrbotten is reminded two days before the deadline.
        await service.PublishAsync(new FeedbackSubmitted(Guid.NewGuid(), round, Guid.NewGuid(), Varmland, Vasterbotten, false, Given.Now.AddDays(3)));
        service.Clock.SetUtcNow(Deadline.AddDays(-2));

        var reminders = await service.Mailbox.WaitForAsync(2, m => m.Subject.Contains("minder", StringComparison.Ordinal) || m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal), "deadline reminders");
        Assert.Equal(new[] { _norrbottenLeader.Email, _norrbottenOfficial.Email }.Order(), reminders.Select(m => m.To).Order());
        Assert.Contains("Er region har ännu inte lämnat återkoppling", reminders.Single(m => m.To == _norrbottenLeader.Email).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_regions_team_hears_when_the_feedback_is_released()
    {
        await using var service = await StartWithTeamsAsync();
        var round = Guid.NewGuid();
        await service.PublishAsync(new FeedbackRoundOpened(round, Guid.NewGuid(), Guid.NewGuid(), Varmland, "Värmlandsstrategin", Deadline, ["grona-traden"], 2, Given.Now));

        await service.PublishAsync(new FeedbackRoundClosed(round, Guid.NewGuid(), Varmland, "Värmlandsstrategin", FeedbackRoundCloseReason.DeadlineReached, 2, Deadline));

        var released = await service.Mailbox.WaitForOneAsync(m => m.To == _authorLeader.Email, "the release mail");
        Assert.Equal("Återkoppling på Värmlandsstrategin", released.Subject);
        Assert.Contains("(2 svar)", released.PlainText, StringComparison.Ordinal);
        Assert.Single(service.Mailbox.All());
    }

    private async Task<NotificationsService> StartWithTeamsAsync()
    {
        var service = await NotificationsService.StartAsync();
        await service.PublishAllAsync(
            Given.Joined(_authorLeader, Varmland, "Region Värmland", TeamRole.ProjectLeader),
            Given.Joined(_norrbottenLeader, Norrbotten, "Region Norrbotten", TeamRole.ProjectLeader),
            Given.Joined(_norrbottenOfficial, Norrbotten, "Region Norrbotten", TeamRole.KeyOfficial),
            Given.Joined(_norrbottenPolitician, Norrbotten, "Region Norrbotten", TeamRole.Politician),
            Given.Joined(_norrbottenFormer, Norrbotten, "Region Norrbotten", TeamRole.KeyOfficial),
            new TeamMemberLeft(Given.Programme, Norrbotten, _norrbottenFormer.PersonId, TeamRole.KeyOfficial, Given.Now.AddDays(-10)),
            Given.Joined(_vasterbottenOfficial, Vasterbotten, "Region Västerbotten", TeamRole.KeyOfficial));
        return service;
    }
}
