using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.Notifications.ApiContracts;

/// <summary>
/// Notifications' typed client: one method per operation, answering the service's own records, or
/// the problem it reported. The <see cref="HttpClient"/> given carries the base address, the access
/// token and the resilience policy of its caller.
/// </summary>
public sealed class NotificationsApi(HttpClient http) : ApiClient(http)
{
    /// <summary>The mails that failed delivery, newest first (administrators only).</summary>
    public Task<ApiResult<FailedMails>> FailedMailsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<FailedMails>(NotificationsRoutes.PathOf(NotificationsRoutes.FailedMails), cancellationToken);
}
