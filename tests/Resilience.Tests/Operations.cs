using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// The business operations of the campaign, each as the users do it through the gateway, recorded
/// in the <see cref="Ledger"/>: what was asked, how it ended, and what must therefore be found later.
/// </summary>
public sealed class Operations(CampaignPeople people, Ledger ledger, int registrations)
{
    public const string RegisterPerson = "register person";
    public const string JoinTeam = "join team";
    public const string Reschedule = "reschedule meeting";
    public const string Answer = "answer invitation";
    public const string SubmitDraft = "submit draft";
    public const string GiveFeedback = "give feedback";
    public const string Read = "read quota and invitations";

    private static readonly string[] Answers = ["Accepted", "Declined"];
    private int _serial;
    private int _registrations;

    /// <summary>
    /// Runs one operation chosen at random by the weights of a busy day; returns how it ended. Once
    /// the registrations are spent, an invitation is answered instead.
    /// </summary>
    public Task<Outcome> RunOneAsync(Random random) => random.Next(100) switch
    {
        < 20 => Interlocked.Increment(ref _registrations) <= registrations ? RegisterAndJoinAsync(random) : AnswerAsync(random),
        < 25 => RescheduleAsync(random),
        < 55 => AnswerAsync(random),
        < 67 => SubmitDraftAsync(random),
        < 87 => GiveFeedbackAsync(random),
        _ => ReadAsync(random),
    };

    /// <summary>An administrator registers a new project leader and adds them to their region's team.</summary>
    public async Task<Outcome> RegisterAndJoinAsync(Random random)
    {
        var admin = people.Administrator;
        var regionId = people.RegionIds[random.Next(people.RegionIds.Count)];
        var n = Interlocked.Increment(ref _serial);
        var email = $"kampanj.{n}.{Guid.NewGuid():N}"[..24] + "@kampanj.example";
        var (registered, person) = await StepAsync(RegisterPerson, "register", admin, () => Post("/api/regions/people", new
        {
            name = $"Kampanj Deltagare {n}",
            email,
            title = "Projektledare",
            regionId,
            preferredLanguage = "sv",
        }));
        ledger.Finished(RegisterPerson, registered);
        if (registered != Outcome.Succeeded)
        {
            return registered;
        }

        var personId = person.GetProperty("id").GetGuid();
        ledger.Registered[personId] = email;

        // Concurrent changes to the same team are refused as stale (409); the administrator tries again.
        var joined = Outcome.Conflict;
        for (var attempt = 0; attempt < 5 && joined == Outcome.Conflict; attempt++)
        {
            (joined, _) = await StepAsync(JoinTeam, "add member", admin, () => Post($"/api/regions/programmes/{people.ProgrammeId}/teams/{regionId}/members", new
            {
                personId,
                role = "ProjectLeader",
            }), conflictAllowed: true);
        }

        ledger.Finished(JoinTeam, joined);
        if (joined == Outcome.Succeeded)
        {
            ledger.Joined[personId] = regionId;
        }

        return joined;
    }

    /// <summary>An administrator moves a published meeting to another venue (calendar update to every invitee).</summary>
    public async Task<Outcome> RescheduleAsync(Random random)
    {
        var admin = people.Administrator;
        var meetingId = people.MeetingIds[random.Next(people.MeetingIds.Count)];
        var (read, meeting) = await StepAsync(Reschedule, "read meeting", admin, () => new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{meetingId}"));
        if (read != Outcome.Succeeded)
        {
            ledger.Finished(Reschedule, read);
            return read;
        }

        var (outcome, _) = await StepAsync(Reschedule, "reschedule", admin, () => new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meetingId}")
        {
            Content = JsonContent.Create(new
            {
                number = meeting.GetProperty("number").GetInt32(),
                title = meeting.GetProperty("title").GetString(),
                theme = meeting.GetProperty("theme").GetString(),
                startsAt = meeting.GetProperty("startsAt").GetDateTimeOffset(),
                endsAt = meeting.GetProperty("endsAt").GetDateTimeOffset(),
                venue = $"Lokal {Interlocked.Increment(ref _serial)}",
                onlineLink = meeting.GetProperty("onlineLink").GetString(),
                facilitatorIds = meeting.GetProperty("facilitators").EnumerateArray().Select(f => f.GetProperty("personId").GetGuid()).ToList(),
                version = meeting.GetProperty("version").GetInt64(),
            }),
        }, conflictAllowed: true);
        ledger.Reschedules.AddOrUpdate(
            meetingId,
            _ => (outcome == Outcome.Succeeded ? 1 : 0, IsUncertain(outcome) ? 1 : 0),
            (_, seen) => (seen.Succeeded + (outcome == Outcome.Succeeded ? 1 : 0), seen.Uncertain + (IsUncertain(outcome) ? 1 : 0)));
        ledger.Finished(Reschedule, outcome);
        return outcome;
    }

    /// <summary>A politician accepts or declines one of their invitations.</summary>
    public async Task<Outcome> AnswerAsync(Random random)
    {
        var politician = people.Politicians[random.Next(people.Politicians.Count)];
        using var turn = await politician.TurnAsync();
        var (read, mine) = await StepAsync(Answer, "my invitations", politician, () => new HttpRequestMessage(HttpMethod.Get, "/api/meetings/invitations/mine"));
        if (read != Outcome.Succeeded)
        {
            ledger.Finished(Answer, read);
            return read;
        }

        var invitations = mine.EnumerateArray().ToList();
        var invitation = invitations[random.Next(invitations.Count)];
        var invitationId = invitation.GetProperty("id").GetGuid();
        var answer = Answers[random.Next(Answers.Length)];
        var (outcome, _) = await StepAsync(Answer, "answer", politician, () => new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/invitations/{invitationId}/answer")
        {
            Content = JsonContent.Create(new { answer, comment = (string?)null, version = invitation.GetProperty("version").GetInt64() }),
        });
        if (outcome != Outcome.Conflict)
        {
            ledger.Answers.GetOrAdd(invitationId, _ => new()).Enqueue((answer, outcome == Outcome.Succeeded));
        }

        ledger.Finished(Answer, outcome);
        return outcome;
    }

    /// <summary>A project leader creates a strategy document, uploads a draft and opens a feedback round on it.</summary>
    public async Task<Outcome> SubmitDraftAsync(Random random)
    {
        var leader = people.ProjectLeaders[random.Next(people.ProjectLeaders.Count)];
        var title = $"Strategiutkast {Interlocked.Increment(ref _serial)} {Guid.NewGuid():N}"[..32];
        var (created, document) = await StepAsync(SubmitDraft, "create document", leader, () => Post("/api/feedback/documents", new
        {
            title,
            kind = "RegionalDevelopmentStrategy",
            description = "Utkast för kollegial återkoppling",
        }));
        if (created != Outcome.Succeeded)
        {
            ledger.Finished(SubmitDraft, created);
            return created;
        }

        var documentId = document.GetProperty("id").GetGuid();
        var (uploaded, _) = await StepAsync(SubmitDraft, "upload version", leader, () =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Testing.TestDocuments.MinimalPdf());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "utkast.pdf");
            return new HttpRequestMessage(HttpMethod.Post, $"/api/feedback/documents/{documentId}/versions") { Content = form };
        });
        if (uploaded != Outcome.Succeeded)
        {
            ledger.Finished(SubmitDraft, uploaded);
            return uploaded;
        }

        var (opened, round) = await StepAsync(SubmitDraft, "open round", leader, () => Post($"/api/feedback/documents/{documentId}/versions/1/rounds", new
        {
            deadline = DateTimeOffset.UtcNow.AddDays(14),
            lensCodes = new[] { "gt-forandringslogik" },
            reviewerCount = 2,
        }));
        if (opened == Outcome.Succeeded)
        {
            var reviewers = round.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("regionId").GetGuid()).ToList();
            ledger.Rounds[round.GetProperty("id").GetGuid()] = (title, leader.RegionId, reviewers);
        }

        ledger.Finished(SubmitDraft, opened);
        return opened;
    }

    /// <summary>A reviewer region's project leader writes and submits its feedback on a round it was assigned.</summary>
    public async Task<Outcome> GiveFeedbackAsync(Random random)
    {
        var open = ledger.Rounds
            .SelectMany(r => r.Value.Reviewers.Select(region => (Round: r.Key, Region: region)))
            .Where(assignment => !ledger.Feedback.ContainsKey(assignment))
            .ToList();
        if (open.Count == 0)
        {
            return await SubmitDraftAsync(random);
        }

        var (roundId, regionId) = open[random.Next(open.Count)];
        if (!ledger.Feedback.TryAdd((roundId, regionId), false))
        {
            return await ReadAsync(random);
        }

        var reviewer = people.ProjectLeaders.Single(p => p.RegionId == regionId);
        var (saved, draft) = await StepAsync(GiveFeedback, "write", reviewer, () => new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/rounds/{roundId}/feedback/{regionId}")
        {
            Content = JsonContent.Create(new
            {
                summary = "Tydlig strategi; förändringslogiken kan bli mer konkret.",
                lenses = new[] { new { lensCode = "gt-forandringslogik", strengths = "Tydliga mål.", suggestions = new[] { "Beskriv resurserna per mål." } } },
                version = 0,
            }),
        });
        if (saved != Outcome.Succeeded)
        {
            ledger.Finished(GiveFeedback, saved);
            return saved;
        }

        var (submitted, _) = await StepAsync(GiveFeedback, "submit", reviewer, () => Post(
            $"/api/feedback/rounds/{roundId}/feedback/{regionId}/submit", new { version = draft.GetProperty("version").GetInt64() }));
        ledger.Feedback[(roundId, regionId)] = submitted == Outcome.Succeeded;
        ledger.Finished(GiveFeedback, submitted);
        return submitted;
    }

    /// <summary>A politician looks at their quota; the administrator at the programme's.</summary>
    public async Task<Outcome> ReadAsync(Random random)
    {
        var politician = people.Politicians[random.Next(people.Politicians.Count)];
        var (outcome, _) = random.Next(2) == 0
            ? await StepAsync(Read, "my quota", politician, () => new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/programmes/{people.ProgrammeId}/quota/mine"))
            : await StepAsync(Read, "quota", people.Administrator, () => new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/programmes/{people.ProgrammeId}/quota"));
        ledger.Finished(Read, outcome);
        return outcome;
    }

    public static bool IsUncertain(Outcome outcome) => outcome is Outcome.Unavailable or Outcome.NoAnswer;

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    /// <summary>Sends one request and records how it ended; the body is returned on a 2xx.</summary>
    private async Task<(Outcome Outcome, JsonElement Body)> StepAsync(
        string operation, string step, Actor actor, Func<HttpRequestMessage> request, bool conflictAllowed = false)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await actor.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            var outcome = response.IsSuccessStatusCode ? Outcome.Succeeded
                : response.StatusCode == HttpStatusCode.Conflict && (conflictAllowed || IsStaleVersion(body)) ? Outcome.Conflict
                : status is 502 or 503 or 504 && isProblem ? Outcome.Unavailable
                : Outcome.Unexpected;
            ledger.Requests.Enqueue(new(operation, step, status, outcome, started, started + clock.Elapsed,
                outcome == Outcome.Succeeded ? "" : $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} as {actor.Email}: {Shorten(body)}"));
            return (outcome, outcome == Outcome.Succeeded && body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            ledger.Requests.Enqueue(new(operation, step, null, Outcome.NoAnswer, started, started + clock.Elapsed, $"{exception.GetType().Name}: {exception.Message}"));
            return (Outcome.NoAnswer, default);
        }
    }

    private static bool IsStaleVersion(string body) => body.Contains("version", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string body) => body.Length > 400 ? body[..400] + "…" : body;
}
