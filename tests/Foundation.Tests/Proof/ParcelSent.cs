namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>The event the proof services exchange.</summary>
public sealed record ParcelSent(Guid ParcelId, string Label, DateTimeOffset OccurredAt);

/// <summary>An event with a link secret, which the outbox blanks in its stored copy once dispatched.</summary>
public sealed record ParcelCollectionCodeSent(Guid ParcelId, [property: KollegialtUtbyte.Contracts.LinkSecret] string Code);
