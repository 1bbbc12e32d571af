using KollegialtUtbyte.Feedback.Domain;
using static KollegialtUtbyte.Feedback.Tests.Domain.DomainSamples;

namespace KollegialtUtbyte.Feedback.Tests.Domain;

/// <summary>Who sees which documents, rounds and feedback of other regions, without a database.</summary>
public sealed class VisibilityTests
{
    private static readonly Guid Outsider = Guid.NewGuid();

    private static readonly Reader Administrator = new(true, new HashSet<Guid>());
    private static readonly Reader AuthorTeam = TeamOf(Author);
    private static readonly Reader ReviewerBTeam = TeamOf(ReviewerB);
    private static readonly Reader OutsiderTeam = TeamOf(Outsider);

    [Fact]
    public void The_owning_region_and_administrators_see_every_version_of_a_document()
    {
        var (document, version) = Draft();

        foreach (var reader in new[] { AuthorTeam, Administrator })
        {
            var access = Visibility.OfDocument(reader, document, []);
            Assert.NotNull(access);
            Assert.True(access.IsOwnerOrAdministrator);
            Assert.True(access.MayRead(version.Id));
        }
    }

    [Fact]
    public void A_reviewing_region_sees_only_the_versions_it_reviews_and_anyone_else_nothing()
    {
        var (document, reviewed) = Draft();
        var later = document.AddVersion(Guid.NewGuid(), new StoredDraft("k2", "v2.pdf", DocumentFormat.Pdf, 10, new string('1', 64)), null, Guid.NewGuid(), Now);

        var access = Visibility.OfDocument(ReviewerBTeam, document, [reviewed.Id]);

        Assert.NotNull(access);
        Assert.False(access.IsOwnerOrAdministrator);
        Assert.True(access.MayRead(reviewed.Id));
        Assert.False(access.MayRead(later.Id));
        Assert.Null(Visibility.OfDocument(OutsiderTeam, document, []));
        Assert.True(Visibility.MayReview(OutsiderTeam));
        Assert.False(Visibility.MayReview(new Reader(false, new HashSet<Guid>())));
    }

    [Fact]
    public void A_round_is_seen_by_its_author_region_its_reviewers_and_administrators_only()
    {
        var round = AssignedRound();

        Assert.Equal((true, false, false), Relation(Visibility.OfRound(AuthorTeam, round)));
        Assert.Equal((false, true, false), Relation(Visibility.OfRound(ReviewerBTeam, round)));
        Assert.Equal((false, false, true), Relation(Visibility.OfRound(Administrator, round)));
        Assert.Null(Visibility.OfRound(OutsiderTeam, round));
    }

    [Fact]
    public void Delivery_is_shown_to_the_reviewer_and_administrators_and_to_the_author_once_the_round_has_closed()
    {
        var round = AssignedRound();

        Assert.True(Visibility.MayKnowDelivery(ReviewerBTeam, round, ReviewerB));
        Assert.False(Visibility.MayKnowDelivery(ReviewerBTeam, round, ReviewerC));
        Assert.True(Visibility.MayKnowDelivery(Administrator, round, ReviewerC));
        Assert.False(Visibility.MayKnowDelivery(AuthorTeam, round, ReviewerB));

        round.Close(FeedbackRoundCloseReason.ClosedByAuthor, Now.AddDays(1));

        Assert.True(Visibility.MayKnowDelivery(AuthorTeam, round, ReviewerB));
        Assert.False(Visibility.MayKnowDelivery(ReviewerBTeam, round, ReviewerC));
    }

    [Fact]
    public void Reviewers_read_their_own_feedback_and_the_author_region_the_submitted_feedback_once_released()
    {
        var round = AssignedRound();
        var draftOfB = Started(round, ReviewerB);
        var draftOfC = Started(round, ReviewerC);

        var reviewer = Visibility.FeedbackScopeOf(Visibility.OfRound(ReviewerBTeam, round)!);
        Assert.Equal(FeedbackScope.OwnRegions, reviewer);
        Assert.True(Visibility.MayRead(reviewer, ReviewerBTeam, draftOfB));
        Assert.False(Visibility.MayRead(reviewer, ReviewerBTeam, draftOfC));

        var administrator = Visibility.FeedbackScopeOf(Visibility.OfRound(Administrator, round)!);
        Assert.Equal(FeedbackScope.All, administrator);
        Assert.True(Visibility.MayRead(administrator, Administrator, draftOfC));

        Assert.Equal(FeedbackScope.NotYetReleased, Visibility.FeedbackScopeOf(Visibility.OfRound(AuthorTeam, round)!));

        round.Close(FeedbackRoundCloseReason.ClosedByAuthor, Now.AddDays(1));

        var author = Visibility.FeedbackScopeOf(Visibility.OfRound(AuthorTeam, round)!);
        Assert.Equal(FeedbackScope.Submitted, author);
        Assert.False(Visibility.MayRead(author, AuthorTeam, draftOfB));
    }

    private static Reader TeamOf(Guid regionId) => new(false, new HashSet<Guid> { regionId });

    private static (bool IsAuthor, bool IsReviewer, bool IsAdministrator)? Relation(RoundAccess? access) =>
        access is null ? null : (access.IsAuthor, access.IsReviewer, access.IsAdministrator);

    private static PeerFeedback Started(FeedbackRound round, Guid region) => PeerFeedback.Start(round, region, Guid.NewGuid(), Now);
}
