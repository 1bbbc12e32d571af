using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Security;

/// <summary>
/// The <c>aud</c> values of the suite's APIs. An access token names the APIs it is for; a service
/// accepts only tokens naming its own API, the gateway those naming any of them.
/// </summary>
public static class TokenAudiences
{
    public const string Identity = "identity";
    public const string Regions = "regions";
    public const string Meetings = "meetings";
    public const string Feedback = "feedback";

    /// <summary>The notifications service's administration (the mails that failed delivery).</summary>
    public const string Notifications = "notifications";

    public static readonly IReadOnlyList<string> Apis = [Identity, Regions, Meetings, Feedback, Notifications];

    /// <summary>
    /// The API(s) this process serves: a module registers its own, so every process knows its
    /// audiences without configuration (the embedded host accepts those of all its modules).
    /// </summary>
    public static IHostApplicationBuilder AcceptAccessTokensFor(this IHostApplicationBuilder builder, params string[] audiences)
    {
        builder.Services.Configure<AcceptedAudiences>(accepted =>
        {
            foreach (var audience in audiences.Where(a => !accepted.Audiences.Contains(a, StringComparer.Ordinal)))
            {
                accepted.Audiences.Add(audience);
            }
        });
        return builder;
    }
}

/// <summary>The audiences the process accepts in access tokens; without any, every token is refused.</summary>
public sealed class AcceptedAudiences
{
    public List<string> Audiences { get; } = [];
}
