namespace KollegialtUtbyte.Testing.Proof;

/// <summary>The event the proof services exchange: one record, serialized the same way on every path.</summary>
public sealed record ParcelSent(Guid ParcelId, string Label, DateTimeOffset OccurredAt);
