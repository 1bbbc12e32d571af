using System.Net.Http.Headers;

namespace KollegialtUtbyte.Portal.Tests.Team;

/// <summary>Steps the team journeys share: signing in through the portal and API set-up with a token.</summary>
internal static class TeamSteps
{
    public const string SormlandPolitician = "larsgoran.nyberg@regionsormland.example";
    public const string VarmlandPolitician = "annika.froberg@regionvarmland.example";

    /// <summary>A key official per demo region, to act for whichever region the service assigns as reviewer.</summary>
    public static readonly IReadOnlyDictionary<Guid, string> KeyOfficials = new Dictionary<Guid, string>
    {
        [Guid.Parse("39dfd50d-b56e-5774-afd6-6ed06588148f")] = "jonas.ekdahl@regionsormland.example",
        [Guid.Parse("c9873403-1025-5a91-91a7-f6119ee17ebb")] = "erik.holmgren@regionvarmland.example",
        [Guid.Parse("890965ef-1288-5e5d-a41d-71d5caec8a01")] = "sanna.pekkari@regionnorrbotten.example",
        [Guid.Parse("70cf7221-eb22-528c-a284-6140f693ab20")] = "fredrik.burstrom@regionvasterbotten.example",
        [Guid.Parse("f7583c3f-ac9b-5a4c-99ec-27e155a8594f")] = "magnus.petersson@regionkronoberg.example",
        [Guid.Parse("50ed05c3-f3a6-5555-a29f-95577922248a")] = "anders.brandt@regionhalland.example",
    };

    /// <summary>
    /// Signs in through the portal. The seeded people reach the identity service through events
    /// after the host has started (only the administrator exists from the start), so on a busy
    /// machine a person's account may not be there yet when a journey first needs it: while the
    /// sign-in page refuses, it is tried again, within a deadline, instead of assuming the seed arrived.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password = EmbeddedSuite.DemoPassword, string returnUrl = "/")
    {
        await Eventually.UntilAsync(async () =>
        {
            await page.GotoAsync("/logga-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
            await page.GetByLabel("E-postadress").FillAsync(email);
            await page.GetByLabel("Lösenord").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();
            var signedIn = page.GetByText("Inloggad som");
            await Assertions.Expect(signedIn.Or(page.GetByText("E-postadressen eller lösenordet stämmer inte.")).First).ToBeVisibleAsync();
            return await signedIn.IsVisibleAsync();
        }, $"{email} could sign in through the portal", TimeSpan.FromSeconds(90));
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
