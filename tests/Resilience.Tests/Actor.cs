using System.Net;
using System.Net.Http.Headers;

namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// One person using the suite through the gateway with their own access token, signing in again
/// when it expired. Operations of one person run one after the other (<see cref="TurnAsync"/>),
/// as one person clicks one thing at a time.
/// </summary>
public sealed class Actor(DistributedSystem system, string email, string password, Guid regionId) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public string Email => email;

    public Guid RegionId => regionId;

    public HttpClient Http { get; } = new() { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(90) };

    /// <summary>Signs in, retrying while a fault keeps the identity service from answering.</summary>
    public async Task SignInAsync()
    {
        var token = await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    return await system.SignInAsync(email, password);
                }
                catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    return null;
                }
            },
            found => found is not null,
            $"{email} could sign in",
            TimeSpan.FromMinutes(3));
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Waits for this person's turn; dispose the result to end it.</summary>
    public async Task<IDisposable> TurnAsync()
    {
        await _turn.WaitAsync();
        return new Release(_turn);
    }

    /// <summary>Sends a request, signing in again once when the token was refused as expired.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request)
    {
        var response = await Http.SendAsync(request());
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            await SignInAsync();
            response = await Http.SendAsync(request());
        }

        return response;
    }

    public void Dispose()
    {
        Http.Dispose();
        _turn.Dispose();
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
