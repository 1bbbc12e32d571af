using System.Net.Http.Headers;
using System.Security.Cryptography;
using KollegialtUtbyte.Contracts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// Who may do what, checked on the running suite through the gateway: every endpoint the
/// services publish refuses anonymous callers unless it is meant to be public, an authorization
/// matrix of real endpoints × real people, and forged tokens refused at the gateway and again at
/// the service.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SecurityTests(DistributedSuite suite)
{
    private static readonly Guid Värmland = Guid.Parse("c9873403-1025-5a91-91a7-f6119ee17ebb");
    private static readonly Guid Norrbotten = Guid.Parse("890965ef-1288-5e5d-a41d-71d5caec8a01");
    private static readonly string Programme = DistributedSuite.ProgrammeId.ToString();

    /// <summary>Routes that answer without a token, by design (the one-click answer, calendar feeds, documents).</summary>
    private static readonly string[] PublicRoutes =
    [
        "/api/meetings/invitations/answer",
        "/api/meetings/invitations/answer/confirm",
        "/api/meetings/calendar/feeds/{token}.ics",
    ];

    [Theory]
    [InlineData("/tillganglighet", "Tillgänglighetsredogörelse")]
    [InlineData("/personuppgifter", "Så behandlar vi dina personuppgifter")]
    public async Task The_public_pages_the_law_asks_for_answer_anyone_through_the_gateway(string path, string heading)
    {
        using var anonymous = await suite.ClientAsync();

        using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Matches($"<h1[^>]*>{heading}</h1>", page);
        Assert.Contains("Region Testland", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_published_endpoint_refuses_anonymous_callers_unless_it_is_public()
    {
        using var anonymous = await suite.ClientAsync();
        var checkedEndpoints = 0;
        foreach (var service in new[] { "regions", "meetings", "feedback", "identity", "notifications" })
        {
            var document = await (await anonymous.GetAsync($"/api/{service}/openapi.json", TestContext.Current.CancellationToken)).ReadAsync();
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    var method = new HttpMethod(operation.Name.ToUpperInvariant());
                    using var request = new HttpRequestMessage(method, Concrete(path.Name));
                    if (method != HttpMethod.Get && method != HttpMethod.Delete)
                    {
                        request.Content = JsonContent.Create(new { });
                    }

                    var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
                    if (PublicRoutes.Contains(path.Name))
                    {
                        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                    }
                    else
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path.Name}: {(int)response.StatusCode} for an anonymous caller");
                    }

                    checkedEndpoints++;
                }
            }
        }

        Assert.True(checkedEndpoints > 60, $"only {checkedEndpoints} endpoints were found in the OpenAPI documents");
    }

    [Fact]
    public async Task The_authorization_matrix_holds_for_real_people_through_the_gateway()
    {
        var people = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = await suite.ClientAsync(),
            ["administrator"] = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword),
        };
        foreach (var (persona, person) in new[]
        {
            ("facilitator", DemoPeople.All.First(p => p.Email.EndsWith("@ramboll.example", StringComparison.Ordinal))),
            ("team member A", DemoPeople.InRole(Värmland, "KeyOfficial")),
            ("team member B", DemoPeople.InRole(Norrbotten, "KeyOfficial")),
            ("politician A", DemoPeople.InRole(Värmland, "Politician")),
            ("politician B", DemoPeople.InRole(Norrbotten, "Politician")),
        })
        {
            people[persona] = await suite.ClientAsync(person.Email, await suite.ActivateAccountAsync(person.Email));
        }

        var meetings = await people["administrator"].GetJsonAsync($"/api/meetings/programmes/{Programme}/meetings");
        var somebody = Guid.NewGuid();

        // Columns: anonymous, administrator, facilitator, team member A, team member B, politician A, politician B.
        var matrix = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Call, int[] Expected)[]
        {
            ("read region A's team", c => c.GetAsync($"/api/regions/programmes/{Programme}/teams/{Värmland}"),
                [401, 200, 200, 200, 200, 200, 200]),
            ("add to region A's team (unknown person)", c => c.PostAsJsonAsync($"/api/regions/programmes/{Programme}/teams/{Värmland}/members", new { personId = somebody, role = TeamRole.KeyOfficial.ToString() }),
                [401, 422, 403, 403, 403, 403, 403]),
            ("list accounts", c => c.GetAsync("/api/identity/accounts"),
                [401, 200, 403, 403, 403, 403, 403]),
            ("schedule a meeting (invalid body)", c => c.PostAsJsonAsync($"/api/meetings/programmes/{Programme}/meetings", new { }),
                [401, 400, 403, 403, 403, 403, 403]),
            ("my invitations", c => c.GetAsync("/api/meetings/invitations/mine"),
                [401, 200, 200, 200, 200, 200, 200]),
            ("a meeting's invitation list", c => c.GetAsync($"/api/meetings/{meetings[0].GetProperty("id").GetGuid()}/invitations"),
                [401, 200, 403, 403, 403, 403, 403]),
            ("strategy documents", c => c.GetAsync("/api/feedback/documents"),
                [401, 200, 403, 200, 200, 200, 200]),
        };

        var columns = people.Keys.ToList();
        var failures = new List<string>();
        foreach (var (name, call, expected) in matrix)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var actual = (int)(await call(people[columns[i]])).StatusCode;
                if (actual != expected[i])
                {
                    failures.Add($"{name} as {columns[i]}: expected {expected[i]}, got {actual}");
                }
            }
        }

        // An invitee answers their own invitation only.
        var ownInvitations = await people["politician A"].GetJsonAsync("/api/meetings/invitations/mine");
        if (ownInvitations.GetArrayLength() > 0)
        {
            var invitation = ownInvitations[0];
            var answer = new { answer = "Tentative", comment = (string?)null, version = invitation.GetProperty("version").GetInt64() };
            var path = $"/api/meetings/invitations/{invitation.GetProperty("id").GetGuid()}/answer";
            var other = (int)(await people["politician B"].PutAsJsonAsync(path, answer, TestContext.Current.CancellationToken)).StatusCode;
            if (other is not (403 or 404))
            {
                failures.Add($"politician B answering politician A's invitation: expected 403 or 404, got {other}");
            }

            var own = (int)(await people["politician A"].PutAsJsonAsync(path, answer, TestContext.Current.CancellationToken)).StatusCode;
            if (own != 200)
            {
                failures.Add($"politician A answering their own invitation: expected 200, got {own}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Tokens_from_another_issuer_or_with_a_bad_signature_get_401_at_the_gateway_and_at_the_service()
    {
        var genuine = await suite.SignInAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var issuer = suite.Gateway.ToString().TrimEnd('/');
        var forged = new Dictionary<string, string>
        {
            ["another issuer"] = Sign("https://login.elsewhere.example", RSA.Create(2048)),
            ["our issuer, a key that is not ours"] = Sign(issuer, RSA.Create(2048)),
            ["a genuine token with a changed payload"] = Tampered(genuine),
        };

        using var service = new HttpClient { BaseAddress = suite["Regions"].BaseAddress };
        using var gateway = await suite.ClientAsync();
        foreach (var (what, token) in forged)
        {
            foreach (var (where, client) in new[] { ("gateway", gateway), ("service", service) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/people/me");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var status = (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
                Assert.True(status == HttpStatusCode.Unauthorized, $"{what} at the {where}: {(int)status}");
            }
        }

        // The genuine token passes both.
        using var accepted = new HttpRequestMessage(HttpMethod.Get, $"/api/regions/programmes/{Programme}/teams/{Värmland}");
        accepted.Headers.Authorization = new AuthenticationHeaderValue("Bearer", genuine);
        Assert.Equal(HttpStatusCode.OK, (await gateway.SendAsync(accepted, TestContext.Current.CancellationToken)).StatusCode);
    }

    private static string Sign(string issuer, RSA key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = Guid.NewGuid().ToString(),
            [ClaimNames.Role] = new[] { Roles.Administrator },
        },
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
    });

    // Same header and signature, a payload that says administrator.
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload[ClaimNames.Region] = JsonDocument.Parse($"\"{Guid.NewGuid()}\"").RootElement;
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)));
        return string.Join('.', parts);
    }

    /// <summary>A request path from a route template: ids become fresh GUIDs, numbers 1, tokens a word.</summary>
    private static string Concrete(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}:]+)(:[^}]*)?\}", m =>
            m.Groups[2].Value.Contains("int", StringComparison.Ordinal) || m.Groups[1].Value is "number" or "revision" ? "1"
            : m.Groups[1].Value.EndsWith("Id", StringComparison.Ordinal) || m.Groups[1].Value == "id" ? Guid.NewGuid().ToString()
            : "x");
}
