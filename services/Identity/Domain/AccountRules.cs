using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Identity.Domain;

/// <summary>What administrators may and may not do to accounts.</summary>
public static class AccountRules
{
    /// <summary>An administrator cannot lock themselves out, and the suite never loses its last administrator.</summary>
    public static void EnsureMayDisable(bool isOwnAccount, bool isActiveAdministrator, int otherActiveAdministrators)
    {
        if (isOwnAccount)
        {
            throw new RuleViolationException("identity.cannot-disable-own-account", "You cannot disable your own account.");
        }

        EnsureAnAdministratorRemains(isActiveAdministrator, otherActiveAdministrators);
    }

    public static void EnsureMayRevokeAdministrator(bool isActiveAdministrator, bool keepsAdministrator, int otherActiveAdministrators)
    {
        if (!keepsAdministrator)
        {
            EnsureAnAdministratorRemains(isActiveAdministrator, otherActiveAdministrators);
        }
    }

    public static void EnsureMayRequestActivation(bool isDisabled, bool hasPassword)
    {
        if (isDisabled)
        {
            throw new RuleViolationException("identity.account-disabled", "The account is disabled; enable it before sending an activation link.");
        }

        if (hasPassword)
        {
            throw new RuleViolationException("identity.already-activated", "The account is already activated; the person can reset the password instead.");
        }
    }

    private static void EnsureAnAdministratorRemains(bool isActiveAdministrator, int otherActiveAdministrators)
    {
        if (isActiveAdministrator && otherActiveAdministrators == 0)
        {
            throw new RuleViolationException("identity.last-administrator", "This is the last active administrator account; grant the administrator role to another account first.");
        }
    }
}
