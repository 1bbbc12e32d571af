using System.Net;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Portal.Tests.Security;

namespace KollegialtUtbyte.Portal.Tests.Exchanges;

/// <summary>
/// An administrator creates an exchange of each format and reads each one's page with only what
/// its format has; a network's convener signs its protocol. The services answer from a stand-in
/// (<see cref="ExchangeServices"/>), so these pages are tested on their own.
/// </summary>
public sealed partial class ExchangePagesTests : ExchangePortalTest
{
    [Fact]
    public async Task Creating_a_strategic_dialogue_sends_its_question_and_its_leader()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        using var response = await PostAsync(client, "/admin/utbyten/nytt?format=StrategicDialogue", "exchange", new()
        {
            ["format"] = "StrategicDialogue",
            ["name"] = "Strategiskt samtal om betesmarker",
            ["startsOn"] = "2027-05-08",
            ["endsOn"] = "2027-05-08",
            ["question"] = "Hur når vi ett rikt odlingslandskap?",
            ["leaderPersonId"] = ExchangeServices.Governor.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/utbyten/", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var sent = Assert.Single(Services.Registered);
        Assert.Equal(ExchangeFormat.StrategicDialogue, sent.Format);
        Assert.Equal("Hur når vi ett rikt odlingslandskap?", sent.Question);
        Assert.Equal(ExchangeServices.Governor.Id, sent.LeaderPersonId);
        Assert.Null(sent.ConvenerPersonId);
        Assert.Null(sent.SecretaryPersonId);
        Assert.Equal(new DateOnly(2027, 5, 8), sent.StartsOn);
    }

    [Fact]
    public async Task Creating_a_member_network_sends_its_convener_and_its_secretary()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        using var response = await PostAsync(client, "/admin/utbyten/nytt?format=MemberNetwork", "exchange", NetworkForm(ExchangeServices.Convener.Id, ExchangeServices.Secretary.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(Services.Registered);
        Assert.Equal(ExchangeFormat.MemberNetwork, sent.Format);
        Assert.Equal(ExchangeServices.Convener.Id, sent.ConvenerPersonId);
        Assert.Equal(ExchangeServices.Secretary.Id, sent.SecretaryPersonId);
        Assert.Null(sent.Question);
        Assert.Null(sent.LeaderPersonId);
    }

    [Fact]
    public async Task Creating_a_programme_sends_what_a_programme_always_had_and_no_roles()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        using var response = await PostAsync(client, "/admin/utbyten/nytt?format=Programme", "exchange", new()
        {
            ["format"] = "Programme",
            ["name"] = "Kollegialt utbyte 2027",
            ["startsOn"] = "2027-01-15",
            ["endsOn"] = "2027-12-15",
            ["expectedKeyOfficials"] = "5",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(Services.Registered);
        Assert.Equal(ExchangeFormat.Programme, sent.Format ?? ExchangeFormat.Programme);
        Assert.Equal(5, sent.ExpectedKeyOfficials);
        Assert.Null(sent.Question);
        Assert.Null(sent.LeaderPersonId);
        Assert.Null(sent.ConvenerPersonId);
        Assert.Null(sent.SecretaryPersonId);
    }

    [Fact]
    public async Task A_broken_rule_is_shown_in_theServices_words_next_to_the_field_it_concerns()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        using var response = await PostAsync(client, "/admin/utbyten/nytt?format=MemberNetwork", "exchange", NetworkForm(ExchangeServices.Convener.Id, ExchangeServices.Convener.Id));

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(
            "<p class=\"field-error\" id=\"secretaryPersonId-error\">Sammankallande och sekreterare är två olika personer i ett medlemsnätverk.</p>",
            WebUtility.HtmlDecode(html));
        // What was typed stays: the form is not emptied by a refusal.
        Assert.Contains("value=\"Jämställt Blekinge Nu\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_of_exchanges_names_each_ones_format()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        var html = await PageAsync(client, "/admin/utbyten");

        Assert.Contains("Strategiskt samtal om länets naturbetesmarker och ängar</a></th>\n                        <td>Strategiskt samtal</td>", Normalized(html), StringComparison.Ordinal);
        Assert.Contains("Jämställt Blekinge Nu</a></th>\n                        <td>Medlemsnätverk</td>", Normalized(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dialogues_page_shows_its_question_leader_participants_agenda_and_publication_and_no_teams()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        var html = await PageAsync(client, $"/admin/utbyten/{ExchangeServices.DialogueId}");

        Assert.Contains(ExchangeServices.Dialogue.Question!, html, StringComparison.Ordinal);
        Assert.Contains("Berit Andnor Bylund, landshövding, Länsstyrelsen Västerbotten", html, StringComparison.Ordinal);
        Assert.Contains("<td>Umeå kommun</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Kommun</td>", html, StringComparison.Ordinal);
        Assert.Contains("Betesmarkernas värden – Anna Talare", html, StringComparison.Ordinal);
        Assert.Contains("Vad hindrar bete i dag?", html, StringComparison.Ordinal);
        Assert.Contains(">Publicerad</span>", html, StringComparison.Ordinal);

        // A dialogue has no teams: no link to team pages, no programme pages' team list.
        var main = MainContent(html);
        Assert.DoesNotMatch("href=\"/team", main);
        Assert.DoesNotContain("href=\"/admin/regioner", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Team", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_networks_page_shows_its_members_and_its_protocols_numbered_points_and_no_teams()
    {
        using var client = await SignedInAsync(TestUser.Administrator());

        var html = await PageAsync(client, $"/admin/utbyten/{ExchangeServices.NetworkId}");

        Assert.Contains("Sölvesborgs kommun", html, StringComparison.Ordinal);
        Assert.Contains("Johanna Sammelin, jämställdhetsexpert, Länsstyrelsen Blekinge", html, StringComparison.Ordinal);
        Assert.Contains("Malin Fredriksberg, utvecklingsledare, Region Blekinge", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"doc-points__number\">1.1</span>", html, StringComparison.Ordinal);
        Assert.Contains("Väntar på signatur av sammankallande.", html, StringComparison.Ordinal);
        // The organisation form offers the new kinds by their Swedish names.
        foreach (var kind in new[] { "Kommun", "Företag", "Universitet/högskola", "Myndighet", "Förening/organisation" })
        {
            Assert.Contains($">{kind}</option>", html, StringComparison.Ordinal);
        }

        var main = MainContent(html);
        Assert.DoesNotMatch("href=\"/team", main);
        Assert.DoesNotContain("href=\"/admin/regioner", main, StringComparison.Ordinal);
        // The administrator is neither convener nor secretary: no button to sign.
        Assert.DoesNotContain("Signera protokollet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_button_is_the_conveners_and_signing_sends_the_protocols_version()
    {
        var convener = new TestUser(ExchangeServices.Convener.Id, ExchangeServices.Convener.Name, "johanna@example.test", []);
        using var client = await SignedInAsync(convener);
        var path = $"/mina-traffar/{ExchangeServices.NetworkMeetingId}/protokoll";

        var html = await PageAsync(client, path);
        Assert.Contains("Signera protokollet</button>", html, StringComparison.Ordinal);
        Assert.Contains("Mötet beslutade att protokollet justeras digitalt.", html, StringComparison.Ordinal);

        using var signed = await PostAsync(client, path, $"sign-protocol-{ExchangeServices.NetworkMeetingId}", new() { ["version"] = "7" });

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal($"{path}?klart=SignedNotice", signed.Headers.Location!.PathAndQuery);
        var (meetingId, request) = Assert.Single(Services.Signed);
        Assert.Equal(ExchangeServices.NetworkMeetingId, meetingId);
        Assert.Equal(7, request.Version);
    }

    [Fact]
    public async Task Someone_else_gets_no_sign_button_and_no_draft()
    {
        var participant = new TestUser(ExchangeServices.Participant.Id, ExchangeServices.Participant.Name, "per@example.test", []);
        using var client = await SignedInAsync(participant);

        var html = await PageAsync(client, $"/mina-traffar/{ExchangeServices.NetworkMeetingId}/protokoll");

        Assert.DoesNotContain("Signera protokollet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mötet beslutade att protokollet justeras digitalt.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_the_service_refuses_says_why_next_to_the_button()
    {
        Services.RefuseSignature = ("protocol.signer-role", "Bara nätverkets sammankallande eller sekreterare signerar protokollet.");
        var secretary = new TestUser(ExchangeServices.Secretary.Id, ExchangeServices.Secretary.Name, "malin@example.test", []);
        using var client = await SignedInAsync(secretary);
        var path = $"/mina-traffar/{ExchangeServices.NetworkMeetingId}/protokoll";

        using var refused = await PostAsync(client, path, $"sign-protocol-{ExchangeServices.NetworkMeetingId}", new() { ["version"] = "7" });

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("role=\"alert\" data-testid=\"sign-error\">Bara nätverkets sammankallande eller sekreterare signerar protokollet.</p>", html, StringComparison.Ordinal);
    }

    private async Task<PortalClient> SignedInAsync(TestUser user)
    {
        Gateway.User = user;
        var client = Site.Client();
        using var response = await client.SignInAsync(user.Email, IdentityStandIn.Password);
        Assert.True(await client.IsSignedInAsync());
        return client;
    }

    private static async Task<string> PageAsync(PortalClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}\n{html}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>Posts a page's form as a browser without script would: its handler name and antiforgery token with the fields.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string path, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.FormTokenAsync(path);
        fields["_handler"] = handler;
        return await client.PostFormAsync(path, fields);
    }

    private static string MainContent(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[start..end] : html;
    }

    private static string Normalized(string html) => html.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The new-exchange form as an administrator fills it in for the member network of seed 004.</summary>
    private static Dictionary<string, string> NetworkForm(Guid convenerId, Guid secretaryId) => new()
    {
        ["format"] = "MemberNetwork",
        ["name"] = "Jämställt Blekinge Nu",
        ["startsOn"] = "2027-01-01",
        ["endsOn"] = "2027-12-31",
        ["convenerPersonId"] = convenerId.ToString(),
        ["secretaryPersonId"] = secretaryId.ToString(),
    };
}
