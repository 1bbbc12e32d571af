using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.Identity.ApiContracts;

/// <summary>
/// Identity's administration API routes: the service maps these templates under <see cref="Prefix"/>,
/// and <see cref="IdentityApi"/> fills the same templates, so a route changes in one place. (The
/// OpenID Connect endpoints and the account pages are not part of this API.)
/// </summary>
public static class IdentityRoutes
{
    public const string Prefix = "/api/identity";

    public const string Accounts = "/accounts";
    public const string Account = "/accounts/{id:guid}";
    public const string AccountRoles = "/accounts/{id:guid}/roles";
    public const string DisableAccount = "/accounts/{id:guid}/disable";
    public const string EnableAccount = "/accounts/{id:guid}/enable";
    public const string ActivationLink = "/accounts/{id:guid}/activation-link";
    public const string ExternalLogins = "/accounts/{id:guid}/external-logins";

    public const string Me = "/me";

    /// <summary>The full path of a route with its parameters filled in, in the template's order.</summary>
    public static string PathOf(string route, params object[] values) => RouteTemplate.Expand(Prefix + route, values);
}
