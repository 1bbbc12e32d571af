using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KollegialtUtbyte.Benchmarks.Load;

/// <summary>Someone signed in: their e-mail address, their role in the programme, their access token.</summary>
public sealed record Person(string Email, string Role, string Token);

/// <summary>One request a virtual user made and how it ended.</summary>
public sealed record Sample(string Request, string Group, bool Succeeded, double Milliseconds);

/// <summary>
/// What the three user groups do on the day invitations go out. Team members open their start
/// data (who they are, the programme's calendar) and their invitations, and answer one; politicians
/// (not their substitutes, who have no quota) also look at their quota; administrators read the lists (people, programmes, teams, meetings, the
/// quota of all politicians).
/// </summary>
public sealed class Scenario(HttpClient http, Guid programmeId, ConcurrentQueue<Sample> samples, ConcurrentQueue<string> errors)
{
    private static readonly string[] Answers = ["Accepted", "Declined"];

    public async Task RunAsync(Person person, bool answers, Random random)
    {
        if (person.Role == "Administrator")
        {
            var list = random.Next(5) switch
            {
                0 => ("people", "/api/regions/people"),
                1 => ("programmes", "/api/regions/programmes"),
                2 => ("teams", $"/api/regions/programmes/{programmeId}/teams"),
                3 => ("meetings", $"/api/meetings/programmes/{programmeId}/meetings"),
                _ => ("quota", $"/api/meetings/programmes/{programmeId}/quota"),
            };
            await SendAsync(list.Item1, "administrators", person, () => new HttpRequestMessage(HttpMethod.Get, list.Item2));
            return;
        }

        var group = person.Role is "Politician" or "SubstitutePolitician" ? "politicians" : "team members";
        switch (random.Next(answers ? 5 : 4))
        {
            case 0:
                await SendAsync("start: me", group, person, () => new HttpRequestMessage(HttpMethod.Get, "/api/regions/people/me"));
                break;
            case 1:
                await SendAsync("start: calendar", group, person, () => new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/programmes/{programmeId}/meetings"));
                break;
            case 2 when person.Role == "Politician":
                await SendAsync("my quota", group, person, () => new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/programmes/{programmeId}/quota/mine"));
                break;
            case 4:
                await AnswerAsync(person, group, random);
                break;
            default:
                await SendAsync("my invitations", group, person, () => new HttpRequestMessage(HttpMethod.Get, "/api/meetings/invitations/mine"));
                break;
        }
    }

    /// <summary>Reads their invitations and answers one of them (the version read is the one sent back).</summary>
    private async Task AnswerAsync(Person person, string group, Random random)
    {
        var mine = await SendAsync("my invitations", group, person, () => new HttpRequestMessage(HttpMethod.Get, "/api/meetings/invitations/mine"));
        if (mine.ValueKind != JsonValueKind.Array || mine.GetArrayLength() == 0)
        {
            return;
        }

        var invitation = mine[random.Next(mine.GetArrayLength())];
        await SendAsync("answer invitation", group, person, () => new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/invitations/{invitation.GetProperty("id").GetGuid()}/answer")
        {
            Content = JsonContent.Create(new { answer = Answers[random.Next(Answers.Length)], comment = (string?)null, version = invitation.GetProperty("version").GetInt64() }),
        });
    }

    private async Task<JsonElement> SendAsync(string name, string group, Person person, Func<HttpRequestMessage> create)
    {
        using var request = create();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.Token);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            samples.Enqueue(new(name, group, response.IsSuccessStatusCode, elapsed));
            if (!response.IsSuccessStatusCode)
            {
                errors.Enqueue($"{DateTime.UtcNow:HH:mm:ss} {request.Method} {request.RequestUri} as {person.Email}: {(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
                return default;
            }

            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            samples.Enqueue(new(name, group, false, clock.Elapsed.TotalMilliseconds));
            errors.Enqueue($"{DateTime.UtcNow:HH:mm:ss} {request.Method} {request.RequestUri} as {person.Email}: {exception.GetType().Name}: {exception.Message}");
            return default;
        }
    }
}
