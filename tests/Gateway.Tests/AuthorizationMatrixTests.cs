namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// Who gets what through the gateway: every endpoint × every persona → the status they get.
/// A row per endpoint; add rows as services land. Until then the rows cover the gateway's own
/// behaviour and a stand-in service built with the suite's defaults.
/// </summary>
public sealed class AuthorizationMatrixTests(SuiteBehindGateway suite) : IClassFixture<SuiteBehindGateway>
{
    private const string RegionA = "a0000000-0000-4000-8000-00000000000a";
    private const string PersonA = "b0000000-0000-4000-8000-00000000000a";
    private const string RegionB = "b0000000-0000-4000-8000-00000000000b";

    //                                                                   anon adm  fac  tmA  tmB  tmAB polA polB
    private static readonly MatrixRow[] Rows =
    [
        // Role policies of the services, reached through the gateway.
        new("GET", "/api/regions/probe/administrators",                  401, 200, 403, 403, 403, 403, 403, 403),
        new("GET", "/api/regions/probe/facilitators",                    401, 200, 200, 403, 403, 403, 403, 403),

        // A resource check: an administrator or someone of region A's team (any of the person's
        // regions, any role there) acts for region A.
        new("GET", $"/api/regions/probe/regions/{RegionA}",              401, 200, 403, 200, 403, 200, 200, 403),
        new("GET", $"/api/regions/probe/regions/{RegionB}",              401, 200, 403, 403, 200, 200, 403, 200),

        // Team-member policy: project leaders and key officials, never politicians; with the region
        // check, only for one of the person's own regions.
        new("GET", "/api/regions/probe/team-members",                    401, 403, 403, 200, 200, 200, 403, 403),
        new("GET", $"/api/regions/probe/team-members/regions/{RegionA}", 401, 403, 403, 200, 403, 200, 403, 403),
        new("GET", $"/api/regions/probe/team-members/regions/{RegionB}", 401, 403, 403, 403, 200, 200, 403, 403),
        new("GET", "/api/regions/probe/project-leaders",                 401, 403, 403, 403, 403, 403, 403, 403),
        new("GET", "/api/meetings/probe/politicians",                    401, 403, 403, 403, 403, 403, 200, 200),
        new("GET", "/api/regions/probe/signed-in",                       401, 200, 200, 200, 200, 200, 200, 200),

        // Anonymous at the service, but under /api: the gateway alone asks for the token.
        new("GET", "/api/regions/probe/open-at-service",                 401, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/api/meetings/probe/open-at-service",                401, 200, 200, 200, 200, 200, 200, 200),

        // Configured public paths: the invitation answer links, their page's confirm button.
        new("GET", "/api/meetings/invitations/answer?token=abc",         200, 200, 200, 200, 200, 200, 200, 200),
        new("POST", "/api/meetings/invitations/answer",                  200, 200, 200, 200, 200, 200, 200, 200),
        new("POST", "/api/meetings/invitations/answer/confirm",          200, 200, 200, 200, 200, 200, 200, 200),

        // The audit of a person's e-mail changes (who changed which address when): administrators only.
        new("GET", $"/api/regions/people/{PersonA}/email-changes",      401, 200, 403, 403, 403, 403, 403, 403),

        // Explicitly public: the pages mailed to confirm a changed e-mail address (new address) or
        // stop it (old address). The link's token is the credential; GET shows, POST acts.
        new("GET", "/account/confirm-email?token=abc",                   200, 200, 200, 200, 200, 200, 200, 200),
        new("POST", "/account/confirm-email",                            200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/account/stop-email-change?token=abc",               200, 200, 200, 200, 200, 200, 200, 200),
        new("POST", "/account/stop-email-change",                        200, 200, 200, 200, 200, 200, 200, 200),

        // Outside /api: identity's token and discovery endpoints, the portal.
        new("POST", "/connect/token",                                    200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/.well-known/openid-configuration",                  200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/",                                                  200, 200, 200, 200, 200, 200, 200, 200),

        // The gateway's own: API documents and their reference, health, and nothing else under /api.
        new("GET", "/api/regions/openapi.json",                          200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/api/docs/",                                         200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/api/docs/scalar.js",                                200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/health/live",                                       200, 200, 200, 200, 200, 200, 200, 200),
        new("GET", "/api/no-such-service/anything",                      401, 404, 404, 404, 404, 404, 404, 404),
    ];

    public static TheoryData<string, string, string, int> Cells()
    {
        var cells = new TheoryData<string, string, string, int>();
        foreach (var row in Rows)
        {
            for (var column = 0; column < Personas.Columns.Count; column++)
            {
                cells.Add(row.Method, row.Path, Personas.Columns[column], row.Expected[column]);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_persona_gets_the_expected_status(string method, string path, string persona, int expected)
    {
        using var client = suite.Gateway.ClientAs(Personas.User(persona));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("answer", "accept")]);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)expected, response.StatusCode);
    }

    private sealed record MatrixRow(string Method, string Path, IReadOnlyList<int> Expected)
    {
        public MatrixRow(string method, string path, int anonymous, int administrator, int facilitator,
            int teamMemberA, int teamMemberB, int teamMemberAB, int politicianA, int politicianB)
            : this(method, path, [anonymous, administrator, facilitator, teamMemberA, teamMemberB, teamMemberAB, politicianA, politicianB])
        {
        }
    }
}
