namespace KollegialtUtbyte.Identity.Application.Audit;

/// <summary>What the Identity service records in its audit log.</summary>
public static class AuditActions
{
    public const string RolesChanged = "account.roles-changed";
    public const string Disabled = "account.disabled";
    public const string Enabled = "account.enabled";
    public const string ActivationLinkSent = "account.activation-link-sent";
    public const string ExternalLoginRemoved = "account.external-login-removed";
}
