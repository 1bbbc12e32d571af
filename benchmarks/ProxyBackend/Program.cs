using System.Text;
using KollegialtUtbyte.Testing;

// The same backend behind nginx, the gateway and no proxy at all. It also issues the bearer
// token of the "with token" runs (the gateway checks it against this issuer's keys).
var issuer = await TestTokenIssuer.StartAsync();
var token = issuer.CreateToken(TestUser.Administrator(), TimeSpan.FromHours(4));

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var small = Encoding.UTF8.GetBytes("""{"id":"2f0c1e1a-7b6d-4c3e-9a51-202120220001","name":"Vägar till hållbar utveckling","startsOn":"2021-01-01","endsOn":"2022-12-31","regions":3}""");
foreach (var prefix in new[] { "/api/bench", "/api/secure" })
{
    app.MapGet(prefix + "/small", () => Results.Bytes(small, "application/json"));
    app.MapPost(prefix + "/upload", async (HttpRequest request) =>
    {
        await request.Body.CopyToAsync(Stream.Null);
        return Results.Bytes(small, "application/json");
    });
}

if (Environment.GetEnvironmentVariable("BENCH_INFO") is { Length: > 0 } info)
{
    await File.WriteAllTextAsync(info, $"ISSUER={issuer.Issuer}\nTOKEN={token}\n");
}

await app.RunAsync();
await issuer.DisposeAsync();
