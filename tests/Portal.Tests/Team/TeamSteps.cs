using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.Testing;
using Microsoft.Playwright;

namespace KollegialtUtbyte.Portal.Tests.Team;

/// <summary>Steps the team journeys share: signing in through the portal and API set-up with a token.</summary>
internal static class TeamSteps
{
    public const string SormlandPolitician = "larsgoran.nyberg@regionsormland.example";
    public const string VarmlandPolitician = "annika.froberg@regionvarmland.example";

    public static async Task SignInAsync(IPage page, string email, string password = EmbeddedSuite.DemoPassword, string returnUrl = "/")
    {
        await page.GotoAsync("/logga-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByText("Inloggad som")).ToBeVisibleAsync();
    }

    public static async Task<HttpClient> ApiAsync(EmbeddedSuite suite, string email, string password = EmbeddedSuite.DemoPassword)
    {
        var token = await Eventually.UntilAsync(() => suite.TokenAsync(email, password), t => t is not null, $"{email} can sign in", TimeSpan.FromSeconds(60));
        var http = new HttpClient { BaseAddress = suite.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>
    /// Publishes the demo programme's meetings as the administrator (once per suite) and waits until
    /// <paramref name="email"/> has invitations: the rosters reach the Meetings service through events.
    /// </summary>
    public static async Task PublishDemoProgrammeAsync(EmbeddedSuite suite, string email)
    {
        using var person = await ApiAsync(suite, email);
        using var administrator = await ApiAsync(suite, EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await Eventually.UntilAsync(async () =>
        {
            var programme = await administrator.GetFromJsonAsync<JsonElement>($"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}");
            if (programme.GetProperty("planPublishedAt").ValueKind == JsonValueKind.Null)
            {
                // Publishing may be refused until the teams have arrived; the deadline covers that.
                using var _ = await administrator.PostAsJsonAsync(
                    $"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}/publish", new { version = programme.GetProperty("version").GetInt64() });
            }

            using var mine = await person.GetAsync("/api/meetings/invitations/mine");
            return mine.IsSuccessStatusCode && (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength() > 0;
        }, $"{email} is invited to the published meetings", TimeSpan.FromSeconds(90));
    }
}
