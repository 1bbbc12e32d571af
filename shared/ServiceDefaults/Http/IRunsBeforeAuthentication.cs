using Microsoft.AspNetCore.Builder;

namespace KollegialtUtbyte.ServiceDefaults.Http;

/// <summary>
/// Middleware a module places before authentication. The OpenID server answers its endpoints
/// (discovery, token, revocation) inside the authentication stage, so whatever must see those
/// requests as well, such as a per-address rate limit, has to run first.
/// </summary>
public interface IRunsBeforeAuthentication
{
    void Use(IApplicationBuilder app);
}
