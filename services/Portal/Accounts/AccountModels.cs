namespace KollegialtUtbyte.Portal.Accounts;

/// <summary>An account as the Identity service lists and shows it (GET /api/identity/accounts[/{id}]), as far as these pages need it.</summary>
public sealed record AccountSummary(Guid Id, Guid PersonId, string Email, string Name);

public sealed record AccountList(IReadOnlyList<AccountSummary> Items, int Total, int Page, int PageSize);

/// <summary>An organisation's identity linked to an account: who vouched (issuer), for whom (subject), under which name.</summary>
public sealed record ExternalLogin(string Issuer, string Subject, string? ProviderName);

public static class AccountPaths
{
    public const string Search = "/admin/konton";

    public static string Account(Guid id) => $"/admin/konton/{id}";

    public static string ExternalLogins(Guid id) => $"/api/identity/accounts/{id}/external-logins";

    public static string RemoveExternalLogin(Guid id, ExternalLogin link) =>
        $"{ExternalLogins(id)}?issuer={Uri.EscapeDataString(link.Issuer)}&subject={Uri.EscapeDataString(link.Subject)}";
}
