namespace KollegialtUtbyte.Feedback.Tests.Support;

/// <summary>Tests that share one running service per class (see <see cref="SharedService"/>).</summary>
public abstract class SharedServiceTests(SharedService service) : IClassFixture<SharedService>
{
    protected FeedbackApp App => service.App;
}

/// <summary>Tests that each start a service of their own: they move its clock or count everything in it.</summary>
public abstract class ServiceTests : IAsyncLifetime
{
    protected FeedbackApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await FeedbackApp.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
