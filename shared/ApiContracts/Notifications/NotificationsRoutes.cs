using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.Notifications.ApiContracts;

/// <summary>
/// Notifications' routes: the service maps these templates under <see cref="Prefix"/>, and
/// <see cref="NotificationsApi"/> fills the same templates, so a route changes in one place.
/// </summary>
public static class NotificationsRoutes
{
    public const string Prefix = "/api/notifications";

    public const string FailedMails = "/mails/failed";

    /// <summary>The full path of a route with its parameters filled in, in the template's order.</summary>
    public static string PathOf(string route, params object[] values) => RouteTemplate.Expand(Prefix + route, values);
}
