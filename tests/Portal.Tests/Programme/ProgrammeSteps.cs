using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>Steps the programme journeys share: signing in, and set-up calls the journeys do not show.</summary>
internal static class ProgrammeSteps
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByText("Inloggad som")).ToBeVisibleAsync();
    }

    public static async Task<HttpClient> ApiAsync(this EmbeddedSuite suite, string email, string password)
    {
        var token = await suite.TokenAsync(email, password) ?? throw new InvalidOperationException($"{email} cannot sign in.");
        var http = new HttpClient { BaseAddress = suite.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<List<JsonElement>> MeetingsAsync(this HttpClient api) =>
        await api.GetFromJsonAsync<List<JsonElement>>($"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}/meetings") ?? [];

    /// <summary>The value a datetime-local input takes for a moment, in Swedish time.</summary>
    public static string LocalInput(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Stockholm).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reloads until the locator shows up: data that reaches a service through events.</summary>
    public static async Task ReloadUntilVisibleAsync(this IPage page, ILocator locator, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (await locator.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < until, $"Not shown within {deadline}: {locator}");
            await page.ReloadAsync();
        }
    }
}
