namespace KollegialtUtbyte.SharedKernel;

/// <summary>
/// An aggregate edited under optimistic concurrency. The persistence layer increments
/// <see cref="Version"/> on every save and refuses a save based on a stale version.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
