using KollegialtUtbyte.Feedback.ApiContracts;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>The contract's routes are what clients fill in to call the service.</summary>
public sealed class ApiContractTests
{
    [Fact]
    public void A_route_is_filled_in_the_order_of_its_parameters()
    {
        var round = Guid.NewGuid();
        var region = Guid.NewGuid();

        Assert.Equal($"/api/feedback/rounds/{round}/feedback/{region}/submit", FeedbackRoutes.PathOf(FeedbackRoutes.SubmitFeedback, round, region));
        Assert.Throws<ArgumentException>(() => FeedbackRoutes.PathOf(FeedbackRoutes.Round));
    }
}
