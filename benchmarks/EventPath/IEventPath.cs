namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>One way of getting a <see cref="ParcelSent"/> from a sender to a consumer.</summary>
public interface IEventPath : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Commits or publishes the parcel; returns when the sender's side is done (committed, or confirmed by the broker).</summary>
    Task SendAsync(ParcelSent parcel);
}
