namespace KollegialtUtbyte.Contracts;

/// <summary>
/// Marks a member that carries a bearer secret for one recipient's mail link (an answer, activation
/// or reset token). It travels to the mail once: the publishing outbox blanks it in the stored copy
/// of the event as soon as the event is dispatched, and it is never logged.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class LinkSecretAttribute : Attribute;
