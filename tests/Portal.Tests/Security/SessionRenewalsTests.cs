using KollegialtUtbyte.Portal.Authentication;

namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>A session's simultaneous requests redeem its refresh token once; nothing is remembered afterwards.</summary>
public sealed class SessionRenewalsTests
{
    [Fact]
    public async Task Simultaneous_renewals_of_one_token_share_one_redemption_and_a_later_one_redeems_again()
    {
        var renewals = new SessionRenewals();
        var redemptions = 0;
        var answer = new TaskCompletionSource<(TokenResponse?, TokenError?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<(TokenResponse?, TokenError?)> Redeem()
        {
            Interlocked.Increment(ref redemptions);
            return answer.Task;
        }

        var together = Enumerable.Range(0, 5).Select(_ => renewals.RenewAsync("refresh-1", Redeem)).ToList();
        var otherSession = renewals.RenewAsync("refresh-2", () => Task.FromResult<(TokenResponse?, TokenError?)>((new TokenResponse("access-2", "refresh-2b", 600), null)));
        answer.SetResult((new TokenResponse("access-1", "refresh-1b", 600), null));

        var results = await Task.WhenAll(together);
        Assert.Equal(1, redemptions);
        Assert.All(results, r => Assert.Equal("refresh-1b", r.Tokens?.RefreshToken));
        Assert.Equal("access-2", (await otherSession).Tokens?.AccessToken);

        // Once answered, nothing is kept: the same (now redeemed) token goes to the provider again,
        // which refuses it as reuse.
        var replay = await renewals.RenewAsync("refresh-1", () =>
        {
            Interlocked.Increment(ref redemptions);
            return Task.FromResult<(TokenResponse?, TokenError?)>((null, new TokenError("invalid_grant", "reused")));
        });
        Assert.Equal(2, redemptions);
        Assert.Equal("invalid_grant", replay.Error?.Error);
    }

    [Fact]
    public async Task A_failed_renewal_is_not_remembered()
    {
        var renewals = new SessionRenewals();
        await Assert.ThrowsAsync<HttpRequestException>(() => renewals.RenewAsync("refresh-1", () => throw new HttpRequestException("provider unreachable")));

        var retried = await renewals.RenewAsync("refresh-1", () => Task.FromResult<(TokenResponse?, TokenError?)>((new TokenResponse("access", "refresh-1b", 600), null)));
        Assert.Equal("refresh-1b", retried.Tokens?.RefreshToken);
    }
}
