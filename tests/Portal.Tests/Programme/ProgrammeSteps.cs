using System.Net.Http.Headers;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>Steps the programme journeys share: signing in, and set-up calls the journeys do not show.</summary>
internal static class ProgrammeSteps
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Makes the demo programme start yesterday and moves its first meeting to about
    /// <paramref name="fromNow"/> ahead (whole seconds), so that it can be held within the test;
    /// returns today's date in Stockholm.
    /// </summary>
    public static async Task<DateOnly> StartFirstMeetingSoonAsync(this HttpClient api, JsonElement first, TimeSpan fromNow)
    {
        var programmeUrl = $"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Stockholm).DateTime);
        var registry = await api.GetFromJsonAsync<JsonElement>($"/api/regions/programmes/{EmbeddedSuite.ProgrammeId}", Ct);
        await Succeeded(await api.PutAsJsonAsync($"/api/regions/programmes/{EmbeddedSuite.ProgrammeId}", new
        {
            name = registry.GetProperty("name").GetString(),
            startsOn = today.AddDays(-1),
            endsOn = registry.GetProperty("endsOn").GetString(),
            expectedKeyOfficials = registry.GetProperty("expectedKeyOfficials").GetInt32(),
            version = registry.GetProperty("version").GetInt64(),
        }, Ct));
        await Eventually.UntilAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>(programmeUrl, Ct)).GetProperty("startsOn").GetString() == today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "the meetings service has the programme's new start",
            TimeSpan.FromSeconds(60));

        var startsAt = DateTimeOffset.UtcNow + fromNow;
        startsAt = new DateTimeOffset(startsAt.Ticks - (startsAt.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        await Succeeded(await api.PutAsJsonAsync($"/api/meetings/{first.GetProperty("id").GetGuid()}", new
        {
            number = 1,
            title = first.GetProperty("title").GetString(),
            theme = first.GetProperty("theme").GetString(),
            startsAt,
            endsAt = startsAt + (first.GetProperty("endsAt").GetDateTimeOffset() - first.GetProperty("startsAt").GetDateTimeOffset()),
            venue = first.TryGetProperty("venue", out var venue) ? venue.GetString() : null,
            onlineLink = first.TryGetProperty("onlineLink", out var link) ? link.GetString() : null,
            facilitatorIds = Array.Empty<Guid>(),
            version = first.GetProperty("version").GetInt64(),
        }, Ct));
        return today;
    }

    /// <summary>Asserts a set-up call succeeded (naming the answer if not) and returns its body, if any.</summary>
    /// <summary>
    /// The signed-in team's strategy document with one draft version (a minimal PDF) and a feedback
    /// round on it for <paramref name="reviewerCount"/> regions with the given lenses; returns the round.
    /// Retried until the round opens: the reviewing teams reach Feedback through events.
    /// </summary>
    public static async Task<JsonElement> OpenFeedbackRoundAsync(this HttpClient team, string title, IReadOnlyList<string> lenses, int reviewerCount)
    {
        var document = await Succeeded(await team.PostAsJsonAsync("/api/feedback/documents", new { title, kind = "RegionalDevelopmentStrategy", description = (string?)null }, Ct));
        var documentId = document.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "utkast.pdf");
            await Succeeded(await team.PostAsync($"/api/feedback/documents/{documentId}/versions", form, Ct));
        }

        JsonElement? opened = null;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await team.PostAsJsonAsync(
                    $"/api/feedback/documents/{documentId}/versions/1/rounds",
                    new { deadline = DateTimeOffset.UtcNow.AddDays(14), lensCodes = lenses, reviewerCount },
                    Ct);
                opened = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : null;
                return opened is not null;
            },
            "a feedback round could be opened",
            TimeSpan.FromSeconds(60));
        return opened!.Value;
    }

    public static async Task<JsonElement> Succeeded(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

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
