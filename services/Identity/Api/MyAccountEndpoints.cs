using System.Security.Claims;
using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>The signed-in person's own account, e.g. for the portal's "my account" view.</summary>
public static class MyAccountEndpoints
{
    public static RouteGroupBuilder MapMyAccount(this RouteGroupBuilder api)
    {
        api.MapGet(IdentityRoutes.Me, GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<AccountDetails>> GetAsync(ClaimsPrincipal user, HttpContext http, IdentityDb db, AccountAccess access, TimeProvider time, CancellationToken cancellationToken)
    {
        // Tokens of machine clients carry the client id as subject, which is no account.
        var subject = user.FindFirst(ClaimNames.Subject)?.Value;
        var account = Guid.TryParse(subject, out var id)
            ? await db.Users.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : null;
        if (account is null)
        {
            throw new ResourceNotFoundException("Account", subject ?? "(none)");
        }

        return AccountViews.Ok(http, await AccountViews.DetailsAsync(account, access, db, time.GetUtcNow(), cancellationToken));
    }
}
