using KollegialtUtbyte.Feedback.ApiContracts;
using Model = KollegialtUtbyte.Feedback.Domain;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// The API contract assembly repeats the domain's enums and limits (it must not depend on the
/// service); clients rely on both meaning the same, so a member or limit changed on one side only fails here.
/// </summary>
public sealed class ApiContractTests
{
    public static TheoryData<Type, Type> EnumPairs => new()
    {
        { typeof(Model.RoundStatus), typeof(RoundStatus) },
        { typeof(Model.AssignmentSource), typeof(AssignmentSource) },
        { typeof(Model.FeedbackStatus), typeof(FeedbackStatus) },
        { typeof(Model.SuggestionDecision), typeof(SuggestionDecision) },
        { typeof(Model.LensGroup), typeof(LensGroup) },
    };

    [Theory]
    [MemberData(nameof(EnumPairs))]
    public void The_contract_enum_has_the_domain_enums_members_with_the_same_values(Type domain, Type contract)
    {
        static IEnumerable<(string, int)> Members(Type type) =>
            Enum.GetValues(type).Cast<object>().Select(v => (Enum.GetName(type, v)!, Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(Members(domain), Members(contract));
    }

    [Fact]
    public void The_contract_limits_are_the_domains()
    {
        Assert.Equal(Model.StrategyDocument.TitleMaxLength, FeedbackLimits.DocumentTitleMaxLength);
        Assert.Equal(Model.StrategyDocument.DescriptionMaxLength, FeedbackLimits.DocumentDescriptionMaxLength);
        Assert.Equal(Model.PeerFeedback.SummaryMaxLength, FeedbackLimits.FeedbackSummaryMaxLength);
        Assert.Equal(Model.PeerFeedback.StrengthsMaxLength, FeedbackLimits.FeedbackStrengthsMaxLength);
        Assert.Equal(Model.PeerFeedback.NoteMaxLength, FeedbackLimits.FeedbackNoteMaxLength);
        Assert.Equal(Model.RegionPriority.MaxTitleLength, FeedbackLimits.PriorityTitleMaxLength);
        Assert.Equal(Model.RegionPriority.MaxTextLength, FeedbackLimits.PriorityTextMaxLength);
        Assert.Equal(Model.FeedbackRound.MaxReviewerCount, FeedbackLimits.MaxReviewerCount);
    }

    [Fact]
    public void A_route_is_filled_in_the_order_of_its_parameters()
    {
        var round = Guid.NewGuid();
        var region = Guid.NewGuid();

        Assert.Equal($"/api/feedback/rounds/{round}/feedback/{region}/submit", FeedbackRoutes.PathOf(FeedbackRoutes.SubmitFeedback, round, region));
        Assert.Throws<ArgumentException>(() => FeedbackRoutes.PathOf(FeedbackRoutes.Round));
    }
}
