namespace KollegialtUtbyte.ServiceDefaults.Messaging;

/// <summary>
/// The consumer's endpoint hands it one message at a time. For consumers whose messages all update
/// the same row (e.g. a programme's invitation roster): in parallel they would only collide on its
/// version and spend their retries; one after the other they each succeed the first time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsumeOneAtATimeAttribute : Attribute;
