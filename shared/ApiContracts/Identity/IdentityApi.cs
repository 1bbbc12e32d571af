using KollegialtUtbyte.ApiContracts;
using static KollegialtUtbyte.Identity.ApiContracts.IdentityRoutes;

namespace KollegialtUtbyte.Identity.ApiContracts;

/// <summary>
/// Identity's typed client: one method per operation of its administration API, answering the
/// service's own records, or the problem it reported. The <see cref="HttpClient"/> given carries the
/// base address, the access token and the resilience policy of its caller.
/// </summary>
public sealed class IdentityApi(HttpClient http) : ApiClient(http)
{
    /// <summary>Accounts whose name or e-mail address contains <paramref name="search"/>, narrowed to a role and a state.</summary>
    public Task<ApiResult<PagedList<AccountSummary>>> AccountsAsync(
        string? search = null, string? role = null, AccountState? state = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<AccountSummary>>(
            RouteTemplate.Query(PathOf(Accounts), ("search", search), ("role", role), ("state", state), ("page", page), ("pageSize", pageSize)),
            cancellationToken);

    public Task<ApiResult<AccountDetails>> AccountAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        GetAsync<AccountDetails>(PathOf(Account, accountId), cancellationToken);

    /// <summary>The signed-in person's own account.</summary>
    public Task<ApiResult<AccountDetails>> MyAccountAsync(CancellationToken cancellationToken = default) =>
        GetAsync<AccountDetails>(PathOf(Me), cancellationToken);

    public Task<ApiResult<AccountDetails>> GrantRolesAsync(Guid accountId, GrantRolesRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<AccountDetails>(PathOf(AccountRoles, accountId), request, cancellationToken);

    public Task<ApiResult<AccountDetails>> DisableAsync(Guid accountId, AccountChangeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AccountDetails>(PathOf(DisableAccount, accountId), request, cancellationToken);

    public Task<ApiResult<AccountDetails>> EnableAsync(Guid accountId, AccountChangeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AccountDetails>(PathOf(EnableAccount, accountId), request, cancellationToken);

    /// <summary>Mails a new activation link (202, no body); older links stop working.</summary>
    public Task<ApiResult<object>> SendActivationLinkAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        PostAsync<object>(PathOf(ActivationLink, accountId), null, cancellationToken);

    public Task<ApiResult<List<ExternalLogin>>> ExternalLoginsAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ExternalLogin>>(PathOf(ExternalLogins, accountId), cancellationToken);

    /// <summary>Unlinks an organisation's identity from the account; answers the links left.</summary>
    public Task<ApiResult<List<ExternalLogin>>> RemoveExternalLoginAsync(Guid accountId, string issuer, string subject, CancellationToken cancellationToken = default) =>
        SendAsync<List<ExternalLogin>>(
            new HttpRequestMessage(HttpMethod.Delete, RouteTemplate.Query(PathOf(ExternalLogins, accountId), ("issuer", issuer), ("subject", subject))),
            cancellationToken);
}
