namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>The event the proof services exchange.</summary>
public sealed record ParcelSent(Guid ParcelId, string Label, DateTimeOffset OccurredAt);
