using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Paging;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>What every service gets from AddServiceDefaults: tokens required, problem details for every error, health.</summary>
public sealed class ServiceDefaultsHttpTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public enum Size
    {
        Small,
        Large,
    }

    public sealed record SizeRequest(Size Size);

    public sealed record RenameRequest([property: Required, StringLength(20, MinimumLength = 2)] string Label, [property: Range(1, long.MaxValue)] long Version);

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("ku-defaults-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Authority"] = _issuer.Issuer;
        builder.Configuration["Auth:RequireHttpsMetadata"] = "false";
        builder.Configuration["ConnectionStrings:sender"] = $"Data Source={Path.Combine(directory, "sender.db")}";
        builder.AddServiceDefaults("defaults-test");
        builder.AcceptAccessTokensFor(TokenAudiences.Regions);
        builder.AddServiceDatabase<SenderDb>("sender");
        builder.AddServiceMessaging("defaults-test");
        builder.Services.AddValidation();

        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/rule", () => { throw new RuleViolationException("parcel.too-heavy", "A parcel weighs at most 20 kg."); });
        _app.MapGet("/missing/{id:guid}", (Guid id) => { throw new ResourceNotFoundException("Parcel", id); });
        _app.MapPost("/parcels/{id:guid}/rename", async (Guid id, RenameRequest request, SenderDb db) =>
        {
            var parcel = await db.Parcels.FindAsync(id) ?? throw new ResourceNotFoundException("Parcel", id);
            db.Entry(parcel).Property("Label").CurrentValue = request.Label;
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
        _app.MapPost("/sizes", (SizeRequest request) => TypedResults.Ok(request));
        _app.MapGet("/sizes", (Size? size) => TypedResults.Ok(new { size }));
        _app.MapGet("/sizes/{size}", (Size size) => TypedResults.Ok(new { size }));
        _app.MapGet("/pages", ([AsParameters] PageQuery paging) => TypedResults.Ok(new { skip = paging.Skip() }));
        _app.MapPost("/stale", async (SenderDb db) =>
        {
            var parcel = new Parcel { Id = Guid.NewGuid(), Label = "first" };
            db.Parcels.Add(parcel);
            await db.SaveChangesAsync();

            // Someone else changes it in between.
            await db.Parcels.Where(p => p.Id == parcel.Id).ExecuteDeleteAsync();
            parcel.Label = "second";
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.CreateToken(TestUser.Administrator()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Endpoints_require_a_token_unless_they_are_public()
    {
        var anonymous = _app.GetTestClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/rule", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Tokens_with_a_foreign_signature_or_issuer_or_past_expiry_are_refused()
    {
        foreach (var token in new[]
        {
            _issuer.CreateTokenWithForeignKey(TestUser.Administrator()),
            _issuer.CreateTokenFromOtherIssuer(TestUser.Administrator()),
            _issuer.CreateToken(TestUser.Administrator(), TimeSpan.FromMinutes(-10)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/rule");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task A_rule_violation_is_a_422_problem_naming_the_rule()
    {
        var response = await _client.GetAsync("/rule", TestContext.Current.CancellationToken);

        var problem = await ProblemOf(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("parcel.too-heavy", problem.GetProperty("rule").GetString());
        Assert.Equal("A parcel weighs at most 20 kg.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_resources_are_404_problems()
    {
        var response = await _client.GetAsync($"/missing/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        await ProblemOf(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_listing_each_field()
    {
        var response = await _client.PostAsJsonAsync($"/parcels/{Guid.NewGuid()}/rename", new { label = "x", version = 0 }, TestContext.Current.CancellationToken);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Label", out _) || errors.TryGetProperty("label", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Version", out _) || errors.TryGetProperty("version", out _), errors.ToString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_saying_where()
    {
        using var content = new StringContent("{\"label\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync($"/parcels/{Guid.NewGuid()}/rename", content, TestContext.Current.CancellationToken);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\"size\": 9}")]
    [InlineData("{\"size\": 1}")]
    [InlineData("{\"size\": \"9\"}")]
    [InlineData("{\"size\": \"Huge\"}")]
    [InlineData("{\"size\": \"Small, Large\"}")]
    public async Task Enums_in_bodies_are_read_by_name_only_and_a_400_names_the_field(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/sizes", content, TestContext.Current.CancellationToken);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.size", out _), problem.ToString());
    }

    [Theory]
    [InlineData("/sizes?size=9")]
    [InlineData("/sizes?size=1")]
    [InlineData("/sizes?size=Huge")]
    [InlineData("/sizes?size=Small,Large")]
    [InlineData("/sizes/9")]
    [InlineData("/sizes/-1")]
    public async Task Enums_in_queries_and_routes_are_read_by_name_only_and_a_400_names_the_parameter(string path)
    {
        var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("size", out _), problem.ToString());
    }

    [Theory]
    [InlineData("{\"size\": \"Large\"}", "/sizes?size=Large", "/sizes/Large")]
    public async Task Enum_names_are_read_unchanged(string body, string query, string route)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var posted = await _client.PostAsync("/sizes", content, TestContext.Current.CancellationToken);

        foreach (var response in new[] { posted, await _client.GetAsync(query, TestContext.Current.CancellationToken), await _client.GetAsync(route, TestContext.Current.CancellationToken) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal("Large", answer.GetProperty("size").GetString());
        }
    }

    [Theory]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task Pages_outside_the_bounds_are_400_problems_naming_the_field(string query, string field)
    {
        var response = await _client.GetAsync($"/pages?{query}", TestContext.Current.CancellationToken);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_last_page_skips_rows_without_overflowing()
    {
        var response = await _client.GetAsync($"/pages?page={PageQuery.MaxPage}&pageSize={PageQuery.MaxPageSize}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((PageQuery.MaxPage - 1L) * PageQuery.MaxPageSize, answer.GetProperty("skip").GetInt64());
    }

    [Fact]
    public async Task A_lost_update_is_refused_with_a_409_problem()
    {
        var response = await _client.PostAsync("/stale", null, TestContext.Current.CancellationToken);

        await ProblemOf(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Ready_reports_the_database()
    {
        var response = await _app.GetTestClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "sender-database");
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _));
        return problem;
    }
}
