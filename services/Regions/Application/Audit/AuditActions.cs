namespace KollegialtUtbyte.Regions.Application.Audit;

/// <summary>What the Regions service records in its audit log.</summary>
public static class AuditActions
{
    public const string PersonRegistered = "person.registered";
    public const string ContactDetailsChanged = "person.contact-details-changed";
    public const string AffiliationChanged = "person.affiliation-changed";
    public const string EmailChangeRequested = "person.email-change-requested";
    public const string EmailSetByAdministrator = "person.email-set-by-administrator";
    public const string EmailChangeConfirmed = "person.email-change-confirmed";
    public const string EmailChangeCancelled = "person.email-change-cancelled";
    public const string TeamMemberAdded = "team.member-added";
    public const string TeamRoleChanged = "team.role-changed";
    public const string TeamMemberRemoved = "team.member-removed";
    public const string ExchangeParticipantAdded = "exchange.participant-added";
    public const string ExchangeParticipantRemoved = "exchange.participant-removed";
    public const string FacilitatorAppointed = "facilitator.appointed";
    public const string FacilitatorRemoved = "facilitator.removed";
    public const string PersonalDataExportRequested = "person.personal-data-export-requested";
    public const string PersonalDataExportRetried = "person.personal-data-export-retried";
    public const string PersonalDataExportDownloaded = "person.personal-data-export-downloaded";
    public const string PersonalDataErasureRequested = "person.personal-data-erasure-requested";
    public const string PersonalDataErasureApproved = "person.personal-data-erasure-approved";
    public const string PersonalDataErasureDeclined = "person.personal-data-erasure-declined";
    public const string PersonalDataErasureCompleted = "person.personal-data-erasure-completed";
}
