namespace KollegialtUtbyte.Feedback.Tests.Support;

/// <summary>
/// One running service for a test class (starting one per test is slow on a shared machine).
/// Tests stay independent by working in a programme of their own, with regions of their own.
/// </summary>
public sealed class SharedService : IAsyncLifetime
{
    public FeedbackApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await FeedbackApp.StartAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
