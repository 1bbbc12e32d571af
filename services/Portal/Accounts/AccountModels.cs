namespace KollegialtUtbyte.Portal.Accounts;

/// <summary>The portal's account administration pages (the accounts themselves come from <c>IdentityApi</c>).</summary>
public static class AccountPaths
{
    public const string Search = "/admin/konton";

    public static string Account(Guid id) => $"/admin/konton/{id}";
}
