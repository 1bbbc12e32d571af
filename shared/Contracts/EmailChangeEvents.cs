namespace KollegialtUtbyte.Contracts;

// Changing a person's e-mail address. The address is the sign-in name and where password
// resets go, so a changed address takes effect only once its owner confirms it from a link
// mailed to the new address; until then the directory keeps publishing the old one.
// Regions asks (PersonEmailChangeRequested), Identity issues the links and hears the answer
// (PersonEmailChangeLinksIssued, then Confirmed or Cancelled), Regions adopts the address and
// publishes PersonUpdated as for any other change.

/// <summary>Published by Regions: someone asked to change the person's address from <c>CurrentEmail</c> to <c>NewEmail</c>.</summary>
public sealed record PersonEmailChangeRequested(
    Guid ChangeId,
    Guid PersonId,
    string Name,
    string CurrentEmail,
    string NewEmail,
    string PreferredLanguage,
    Guid? RequestedBy,
    DateTimeOffset OccurredAt);

/// <summary>
/// Published by Identity: mail <c>NewEmail</c> the link that confirms the change and
/// <c>CurrentEmail</c> a notice with the link that stops it. The tokens are single-use, expire,
/// are meant for those mails only and must never be logged.
/// </summary>
public sealed record PersonEmailChangeLinksIssued(
    Guid ChangeId,
    Guid PersonId,
    string Name,
    string CurrentEmail,
    string NewEmail,
    string PreferredLanguage,
    [property: LinkSecret] string ConfirmToken,
    [property: LinkSecret] string StopToken,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt);

/// <summary>Published by Identity: the owner confirmed the new address from the link mailed to it.</summary>
public sealed record PersonEmailChangeConfirmed(
    Guid ChangeId,
    Guid PersonId,
    string NewEmail,
    DateTimeOffset OccurredAt);

/// <summary>Published by Identity: the change was stopped from the link mailed to the old address.</summary>
public sealed record PersonEmailChangeCancelled(
    Guid ChangeId,
    Guid PersonId,
    DateTimeOffset OccurredAt);

/// <summary>
/// Published by Regions: an administrator set the address directly, without the owner's
/// confirmation (recorded in Regions' audit). Identity lets the sign-in name follow.
/// </summary>
public sealed record PersonEmailChangedByAdministrator(
    Guid PersonId,
    string PreviousEmail,
    string NewEmail,
    Guid? AdministratorId,
    DateTimeOffset OccurredAt);
