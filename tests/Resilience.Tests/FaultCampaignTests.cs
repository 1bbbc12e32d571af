using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KollegialtUtbyte.Calendar;
using Npgsql;

namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// The fault campaign: concurrent clients run a seeded programme's business through the gateway
/// of the distributed mode while RabbitMQ is restarted twice, the mail service is SIGKILLed,
/// PostgreSQL is restarted and the gateway is SIGKILLed. Once the suite is quiet, everything that
/// was answered 2xx is found in every read model that depends on it, nothing was applied twice,
/// every outbox is delivered, and every failure was a 502/503/504 problem (or no answer while the
/// gateway was down). <c>KU_FAULT_CAMPAIGN</c> chooses its size: <c>short</c> (the default: 150
/// operations), <c>full</c> (10,000 operations) or <c>off</c>.
/// </summary>
public sealed class FaultCampaignTests(FaultCampaignSystem system) : IClassFixture<FaultCampaignSystem>
{
    private static readonly Guid Programme = DistributedSystem.ProgrammeId;

    [Fact(Skip = CampaignSize.SkipReason, SkipType = typeof(CampaignSize), SkipUnless = nameof(CampaignSize.Requested))]
    public async Task Business_under_faults_is_delivered_once_and_fails_only_as_unavailable()
    {
        var size = CampaignSize.FromEnvironment();
        var output = TestContext.Current.TestOutputHelper;
        var people = await PrepareAsync();
        var ledger = new Ledger();
        var operations = new Operations(people, ledger, size.Registrations);
        var initialSequences = await SequencesAsync(people);

        // The clients and the fault script run together: the script lets the clients spend the
        // operation budget share by share, and while it repairs a fault they only read.
        var cancel = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var faultsOver = false;
        var faults = Task.Run(async () =>
        {
            try
            {
                await new FaultScript(system, ledger, size).RunAsync(cancel);
            }
            finally
            {
                Volatile.Write(ref faultsOver, true);
            }
        }, cancel);
        var clients = Enumerable.Range(0, size.Clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client * 7919);
            while (!cancel.IsCancellationRequested)
            {
                var business = ledger.TryBeginBusiness();
                if (!business && Volatile.Read(ref faultsOver) && ledger.Business >= size.Operations)
                {
                    break;
                }

                if (!business)
                {
                    // Waiting for a fault to be repaired: a user looking at their page now and then.
                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancel);
                }

                if (Operations.IsUncertain(await (business ? operations.RunOneAsync(random) : operations.ReadAsync(random))))
                {
                    // As a client does: back off a little when the suite says it is unavailable.
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancel);
                }
            }
        }, cancel)).ToList();
        await Task.WhenAll([faults, .. clients]);
        var campaignTime = clock.Elapsed;

        clock.Restart();
        var checks = await ConvergeAsync(people, ledger, initialSequences, size.Convergence);
        var convergeTime = clock.Elapsed;
        var summary = Summary(size, ledger, campaignTime, convergeTime, checks);
        output?.WriteLine(summary);
        if (Environment.GetEnvironmentVariable(CampaignSize.SummaryVariable) is { Length: > 0 } summaryFile)
        {
            await File.WriteAllTextAsync(summaryFile, summary, cancel);
        }

        // Every failure was the suite saying it could not serve now: 502/503/504 problem details,
        // or no answer at all while the gateway itself was down.
        var unexpected = ledger.Requests.Where(r => r.Outcome == Outcome.Unexpected).ToList();
        Assert.True(unexpected.Count == 0, "Failures other than 502/503/504 problem details:\n" + string.Join('\n', unexpected.Take(20).Select(Describe)));
        var gateway = ledger.Faults.Where(f => f.Fault.StartsWith("gateway", StringComparison.Ordinal)).ToList();
        var unanswered = ledger.Requests.Where(r => r.Outcome == Outcome.NoAnswer && !gateway.Any(f => r.Started <= f.Recovered && r.Ended >= f.Started)).ToList();
        Assert.True(unanswered.Count == 0, "Requests without an answer while the gateway was up:\n" + string.Join('\n', unanswered.Take(20).Select(Describe)));
        Assert.Equal(size.Name == "full" ? 5 : 4, ledger.Faults.Count);
        Assert.True(ledger.OperationOutcomes.Where(o => o.Key.Outcome == Outcome.Succeeded).Sum(o => o.Value) > size.Operations / 2, "most operations succeeded");
    }

    /// <summary>The seeded programme published, and the people who act in it signed in.</summary>
    private async Task<CampaignPeople> PrepareAsync()
    {
        var admin = new Actor(system, DistributedSystem.AdministratorEmail, system.AdministratorPassword, Guid.Empty);
        await admin.SignInAsync();
        var meetings = await Eventually.UntilAsync(
            () => admin.Http.GetJsonAsync($"/api/meetings/programmes/{Programme}/meetings"),
            list => list.GetArrayLength() == 6,
            "the six draft meetings of the demo programme are there", TimeSpan.FromMinutes(2));
        await Eventually.UntilAsync(
            async () => (await admin.Http.GetJsonAsync($"/api/meetings/programmes/{Programme}/quota")).GetArrayLength() == 6,
            "the six regions' politicians reached Meetings", TimeSpan.FromMinutes(2));
        var calendar = await admin.Http.GetJsonAsync($"/api/meetings/programmes/{Programme}");
        await (await admin.Http.PostAsJsonAsync($"/api/meetings/programmes/{Programme}/publish", new { version = calendar.GetProperty("version").GetInt64() })).ReadAsync();

        var regionIds = DemoPeople.All.Where(p => p.Teams?.Any(t => t.ProgrammeId == Programme) == true && p.RegionId is not null)
            .Select(p => p.RegionId!.Value).Distinct().Order().ToList();
        async Task<Actor> ActivatedAsync(Guid regionId, string role)
        {
            var person = DemoPeople.InRole(regionId, role);
            var actor = new Actor(system, person.Email, await system.ActivateAccountAsync(person.Email), regionId);
            await actor.SignInAsync();
            return actor;
        }

        var politicians = await Task.WhenAll(regionIds.Select(r => ActivatedAsync(r, "Politician")));
        var leaders = await Task.WhenAll(regionIds.Select(r => ActivatedAsync(r, "ProjectLeader")));
        return new CampaignPeople(Programme, admin, politicians, leaders, regionIds,
            meetings.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList());
    }

    private static async Task<Dictionary<Guid, int>> SequencesAsync(CampaignPeople people)
    {
        var sequences = new Dictionary<Guid, int>();
        foreach (var id in people.MeetingIds)
        {
            sequences[id] = (await people.Administrator.Http.GetJsonAsync($"/api/meetings/{id}")).GetProperty("sequence").GetInt32();
        }

        return sequences;
    }

    private sealed record Checked(string What, int Count);

    /// <summary>Waits (bounded) until every read model reflects what was done, then checks nothing was applied twice.</summary>
    private async Task<IReadOnlyList<Checked>> ConvergeAsync(CampaignPeople people, Ledger ledger, Dictionary<Guid, int> initialSequences, TimeSpan timeout)
    {
        var admin = people.Administrator;
        var checks = new List<Checked>();

        // Every outbox delivered, none parked.
        var pending = await Eventually.UntilAsync(UndeliveredAsync, rows => rows.Values.All(n => n == (0, 0)), "every outbox is delivered and none parked", timeout);
        checks.Add(new("outbox rows undelivered or parked (all services)", pending.Values.Sum(n => n.Undelivered + n.Parked)));

        // The teams as Regions holds them are the truth every other service follows.
        var rosters = new Dictionary<Guid, List<(Guid PersonId, string? Email, string Role)>>();
        foreach (var regionId in people.RegionIds)
        {
            var team = await admin.Http.GetJsonAsync($"/api/regions/programmes/{Programme}/teams/{regionId}");
            rosters[regionId] = team.GetProperty("members").EnumerateArray()
                .Select(m => (m.GetProperty("personId").GetGuid(), m.GetProperty("email").GetString()?.ToLowerInvariant(), m.GetProperty("role").GetString()!))
                .ToList();
        }

        var members = rosters.Values.SelectMany(r => r).ToList();
        Assert.All(ledger.Joined, joined => Assert.Contains(rosters[joined.Value], m => m.PersonId == joined.Key));
        checks.Add(new("team joins answered 2xx, found in Regions", ledger.Joined.Count));

        // Meetings invited every member once to every meeting (no more, no fewer).
        var expected = members.Select(m => m.PersonId).Order().ToList();
        var invitations = new Dictionary<Guid, List<JsonElement>>();
        foreach (var meetingId in people.MeetingIds)
        {
            invitations[meetingId] = await Eventually.UntilAsync(
                async () => (await admin.Http.GetJsonAsync($"/api/meetings/{meetingId}/invitations")).EnumerateArray()
                    .Where(i => !i.GetProperty("withdrawn").GetBoolean()).ToList(),
                active => active.Select(i => i.GetProperty("personId").GetGuid()).Order().SequenceEqual(expected),
                $"Meetings invited every team member once to meeting {meetingId}", timeout);
        }

        checks.Add(new("active invitations (members × meetings)", invitations.Values.Sum(i => i.Count)));

        // Each reschedule answered 2xx raised the calendar sequence once; an uncertain one at most once.
        var meetings = new Dictionary<Guid, JsonElement>();
        foreach (var meetingId in people.MeetingIds)
        {
            meetings[meetingId] = await admin.Http.GetJsonAsync($"/api/meetings/{meetingId}");
            var raised = meetings[meetingId].GetProperty("sequence").GetInt32() - initialSequences[meetingId];
            var (succeeded, uncertain) = ledger.Reschedules.GetValueOrDefault(meetingId);
            Assert.True(raised >= succeeded && raised <= succeeded + uncertain,
                $"Meeting {meetingId}: sequence raised {raised} times for {succeeded} reschedules answered 2xx and {uncertain} uncertain ones");
        }

        checks.Add(new("reschedules answered 2xx, each raising the sequence once", ledger.Reschedules.Values.Sum(r => r.Succeeded)));

        // Answers: the last one answered 2xx stands (unless a later one's outcome is unknown), and the quota counts exactly the accepted ones.
        var answers = invitations.Values.SelectMany(i => i).ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("answer").GetString());
        foreach (var (invitationId, sent) in ledger.Answers)
        {
            var history = sent.ToList();
            var allowed = history[^1].Succeeded
                ? [history[^1].Answer]
                : history.AsEnumerable().Reverse().TakeWhile(a => !a.Succeeded).Select(a => a.Answer)
                    .Concat(history.LastOrDefault(a => a.Succeeded) is { Answer: { } last } ? [last] : (IEnumerable<string>)["Pending", "NoAnswer", "Unanswered"]).ToList();
            Assert.True(answers.TryGetValue(invitationId, out var final) && (allowed.Contains(final!) || !history.Any(a => a.Succeeded) && final is not ("Accepted" or "Declined")),
                $"Invitation {invitationId}: answer {final}, expected one of {string.Join(", ", allowed)}");
        }

        var quota = await admin.Http.GetJsonAsync($"/api/meetings/programmes/{Programme}/quota");
        foreach (var standing in quota.EnumerateArray())
        {
            var personId = standing.GetProperty("personId").GetGuid();
            var accepted = invitations.Values.SelectMany(i => i).Count(i => i.GetProperty("personId").GetGuid() == personId && i.GetProperty("answer").GetString() == "Accepted");
            Assert.Equal(accepted, standing.GetProperty("accepted").GetInt32());
        }

        checks.Add(new("answers answered 2xx, standing and counted in the quota", ledger.Answers.Values.Sum(a => a.Count(x => x.Succeeded))));

        // Feedback given: the reviewer region's feedback is submitted in Feedback.
        foreach (var ((roundId, regionId), submitted) in ledger.Feedback.Where(f => f.Value))
        {
            var reviewer = people.ProjectLeaders.Single(p => p.RegionId == regionId);
            var feedback = await reviewer.Http.GetJsonAsync($"/api/feedback/rounds/{roundId}/feedback/{regionId}");
            Assert.NotEqual(JsonValueKind.Null, feedback.GetProperty("submittedAt").ValueKind);
        }

        checks.Add(new("feedback submitted 2xx, found submitted", ledger.Feedback.Count(f => f.Value)));

        // Mails: every member has the current version of every meeting; every new member one
        // activation mail; every reviewer region's project leader one review request per round;
        // and no mail twice for the same event.
        var emails = members.ToDictionary(m => m.PersonId, m => m.Email ?? ledger.Registered.GetValueOrDefault(m.PersonId) ?? DemoPeople.All.Single(p => p.Id == m.PersonId).Email.ToLowerInvariant());
        var index = new MailIndex(system.Mail);
        var mails = (await Eventually.UntilAsync(
            () =>
            {
                var found = index.Refresh();
                return Task.FromResult(new MailCheck(found, MissingMails(found, people, ledger, meetings, emails)));
            },
            check => check.Missing.Count == 0,
            "every mail the campaign caused was written", timeout)).Mails;
        var requests = mails.Where(m => m.Method == "REQUEST").ToList();
        var twice = requests.GroupBy(m => (m.To, m.Uid, m.Sequence)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Calendar mails written twice for the same change: " + string.Join(", ", twice.Take(10)));
        foreach (var personId in ledger.Registered.Keys.Where(emails.ContainsKey))
        {
            Assert.Equal(1, mails.Count(m => m.Activation && m.To == emails[personId]));
        }

        foreach (var (roundId, round) in ledger.Rounds)
        {
            foreach (var leader in people.ProjectLeaders)
            {
                var count = mails.Count(m => m.To == leader.Email.ToLowerInvariant() && m.Subject.EndsWith(round.Title, StringComparison.Ordinal)
                    && (m.Subject.StartsWith("Utkast att granska", StringComparison.Ordinal) || m.Subject.StartsWith("Draft to review", StringComparison.Ordinal)));
                // A region whose feedback reached the mail service before its assignment is not asked to review what it already reviewed.
                var allowed = !round.Reviewers.Contains(leader.RegionId) ? [0] : ledger.Feedback.ContainsKey((roundId, leader.RegionId)) ? [0, 1] : new[] { 1 };
                Assert.True(allowed.Contains(count), $"Round {roundId} ({round.Title}): {count} review requests to {leader.Email}");
            }
        }

        checks.Add(new("calendar mails (members × meetings, current sequence), none twice", requests.Count));
        checks.Add(new("activation mails of new members, one each", ledger.Registered.Keys.Count(emails.ContainsKey)));
        checks.Add(new("feedback rounds answered 2xx, review requests mailed once per reviewer region", ledger.Rounds.Count));
        return checks;
    }

    /// <summary>The mails written so far and what is still missing; shown as the missing ones when the wait times out.</summary>
    private sealed record MailCheck(IReadOnlyList<MailFacts> Mails, IReadOnlyList<string> Missing)
    {
        public override string ToString() =>
            $"{Mails.Count} mails written, {Missing.Count} missing: " + string.Join("; ", Missing.Take(20)) + (Missing.Count > 20 ? "; …" : "");
    }

    /// <summary>
    /// What is still missing: per member and meeting a calendar mail of the meeting's current sequence, activation mails,
    /// review requests (except to a region that had started its feedback: if that reached the mail service before the
    /// assignment, the region is not asked to review what it already reviewed).
    /// </summary>
    private static List<string> MissingMails(IReadOnlyList<MailFacts> mails, CampaignPeople people, Ledger ledger, Dictionary<Guid, JsonElement> meetings, Dictionary<Guid, string> emails)
    {
        var missing = new List<string>();
        var latest = mails.Where(m => m.Method == "REQUEST").GroupBy(m => (m.To, m.Uid)).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Sequence)!);
        foreach (var (meetingId, meeting) in meetings)
        {
            var uid = CalendarUids.ForMeeting(meetingId);
            var sequence = meeting.GetProperty("sequence").GetInt32();
            foreach (var email in emails.Values)
            {
                if (!latest.TryGetValue((email, uid), out var mail) || mail.Sequence != sequence)
                {
                    missing.Add($"{email}: meeting {meetingId} at sequence {sequence} (has {latest.GetValueOrDefault((email, uid))?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "none"})");
                }
            }
        }

        missing.AddRange(ledger.Registered.Where(r => emails.ContainsKey(r.Key) && !mails.Any(m => m.Activation && m.To == emails[r.Key])).Select(r => $"{r.Value}: activation"));
        foreach (var (roundId, round) in ledger.Rounds)
        {
            missing.AddRange(people.ProjectLeaders
                .Where(l => round.Reviewers.Contains(l.RegionId) && !ledger.Feedback.ContainsKey((roundId, l.RegionId)) && !mails.Any(m => m.To == l.Email.ToLowerInvariant() && m.Subject.EndsWith(round.Title, StringComparison.Ordinal)))
                .Select(l => $"{l.Email}: review request for {round.Title}"));
        }

        return missing;
    }

    private async Task<Dictionary<string, (int Undelivered, int Parked)>> UndeliveredAsync()
    {
        var counts = new Dictionary<string, (int, int)>();
        foreach (var service in system.ServicesWithDatabase)
        {
            try
            {
                await using var connection = new NpgsqlConnection(system.DatabaseOf(service));
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    """SELECT count(*) FILTER (WHERE "DispatchedAt" IS NULL AND "ParkedAt" IS NULL), count(*) FILTER (WHERE "ParkedAt" IS NOT NULL) FROM "OutboxMessages" """, connection);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                counts[service] = ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
            }
            catch (NpgsqlException)
            {
                counts[service] = (-1, -1);
            }
        }

        return counts;
    }

    private static string Describe(RequestRecord r) =>
        $"{r.Started:HH:mm:ss.fff} {r.Operation} / {r.Step}: {r.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"} {r.Detail}";

    private static string Summary(CampaignSize size, Ledger ledger, TimeSpan campaign, TimeSpan converge, IReadOnlyList<Checked> checks)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fault campaign ({size.Name}: {size.Operations} operations from {size.Clients} clients, reading while faults were repaired) took {campaign.TotalSeconds:0} s; converged in {converge.TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("| operation | total | 2xx | 409 stale | 502/503/504 | no answer | other |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var operation in ledger.OperationOutcomes.Keys.Select(k => k.Operation).Distinct().Order())
        {
            int Count(Outcome outcome) => ledger.OperationOutcomes.GetValueOrDefault((operation, outcome));
            var total = Enum.GetValues<Outcome>().Sum(Count);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {operation} | {total} | {Count(Outcome.Succeeded)} | {Count(Outcome.Conflict)} | {Count(Outcome.Unavailable)} | {Count(Outcome.NoAnswer)} | {Count(Outcome.Unexpected)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {ledger.Operations} | | | | | |");
        text.AppendLine();
        text.AppendLine("| failed requests by status | count |");
        text.AppendLine("|---|---:|");
        foreach (var group in ledger.Requests.Where(r => r.Outcome != Outcome.Succeeded).GroupBy(r => r.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} |");
        }

        text.AppendLine();
        text.AppendLine("| fault injected | at | back after |");
        text.AppendLine("|---|---|---:|");
        var start = ledger.Requests.Min(r => r.Started);
        foreach (var fault in ledger.Faults)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {fault.Fault} | +{(fault.Started - start).TotalSeconds:0} s | {(fault.Recovered - fault.Started).TotalSeconds:0.0} s |");
        }

        text.AppendLine();
        text.AppendLine("| checked after convergence | count |");
        text.AppendLine("|---|---:|");
        foreach (var check in checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {check.What} | {check.Count} |");
        }

        return text.ToString();
    }
}
