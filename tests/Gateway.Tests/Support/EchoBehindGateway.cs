using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Uploads;

namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>
/// The gateway in front of a bare upstream that tells what it received and answers what it is
/// asked to, for testing the forwarding itself. Retries are off and the circuit breaker never
/// opens here (they have their own tests), so every request arrives exactly once.
/// The feedback destination takes bodies of at most <see cref="SmallBodyLimit"/> bytes: the suite's
/// upload limit (<c>Uploads:MaxDocumentBytes</c>) is set so that it and the multipart margin make that.
/// </summary>
public sealed class EchoBehindGateway : IAsyncLifetime
{
    public const int SmallBodyLimit = 1024 * 1024;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentDictionary<string, int> _arrivals = new();

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public TestUpstream Upstream { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>A client of the gateway signed in as an administrator (everything under /api needs a token).</summary>
    public HttpClient Client() => Gateway.ClientAs(TestUser.Administrator());

    /// <summary>A one-shot signal between the test and the upstream, by name.</summary>
    public TaskCompletionSource Signal(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public int ArrivalsAt(string path) => _arrivals.GetValueOrDefault(path);

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        Upstream = await TestUpstream.StartAsync(Map);
        Gateway = new GatewayFactory(Issuer, GatewayFactory.Settings(Upstream.Address, new Dictionary<string, string?>
        {
            ["Gateway:Resilience:MaxRetries"] = "0",
            ["Gateway:Resilience:MinimumThroughput"] = "1000000",
            ["Uploads:MaxDocumentBytes"] = (SmallBodyLimit - UploadOptions.MultipartOverhead).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Gateway.StartServer();
    }

    private void Map(WebApplication app)
    {
        app.Use((context, next) =>
        {
            _arrivals.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
            return next(context);
        });

        // What arrived: method, path, query, headers and the body's length (under /api and in the portal).
        app.Map("/api/regions/echo/{**rest}", EchoAsync);
        app.Map("/konto/{**rest}", EchoAsync);

        app.MapGet("/api/regions/status/{code:int}", async (HttpContext context, int code) =>
        {
            context.Response.StatusCode = code;
            if (code is 301 or 302 or 307)
            {
                context.Response.Headers.Location = "/api/regions/elsewhere";
            }

            if (code is not (204 or 304))
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync($"upstream says {code}", context.RequestAborted);
            }
        });

        app.MapGet("/api/regions/response-headers", (HttpContext context) =>
        {
            context.Response.Headers["X-Upstream"] = "yes";
            context.Response.Headers.Append("Set-Cookie", "first=1; Path=/");
            context.Response.Headers.Append("Set-Cookie", "second=2; Path=/");
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Connection = "X-Private";
            context.Response.Headers["X-Private"] = "for the next hop only";
            return Results.Text("headers");
        });

        // Counts and hashes the body as it arrives; says when the first megabyte is in.
        app.Map("/api/{service}/upload/{id}", async (HttpContext context, string id) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                hash.AppendData(buffer, 0, read);
                if (total >= 1024 * 1024)
                {
                    Signal($"{id}:upstream-has-first-megabyte").TrySetResult();
                }
            }

            Signal($"{id}:upload-complete").TrySetResult();
            return Results.Json(new Upload(total, Convert.ToHexString(hash.GetHashAndReset())));
        });

        // Sends the first megabyte, then the rest only once the client says it has the first.
        app.MapGet("/api/regions/download/{id}/{megabytes:int}", async (HttpContext context, string id, int megabytes) =>
        {
            context.Response.ContentType = "application/octet-stream";
            var block = new byte[1024 * 1024];
            Random.Shared.NextBytes(block);
            await context.Response.Body.WriteAsync(block, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Signal($"{id}:client-has-first-megabyte").Task.WaitAsync(TimeSpan.FromSeconds(20), context.RequestAborted);
            for (var i = 1; i < megabytes; i++)
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted);
            }
        });

        // Never answers; says when it started and when the gateway gave up on it.
        app.MapGet("/api/regions/hang/{id}", async (HttpContext context, string id) =>
        {
            Signal($"{id}:started").TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Signal($"{id}:cancelled").TrySetResult();
            }
        });
    }

    private static async Task EchoAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Response.Headers["X-Echo-Method"] = context.Request.Method;
        await context.Response.WriteAsJsonAsync(new Echo(
            context.Request.Method,
            context.Request.Path.Value!,
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.Length), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

public sealed record Echo(string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength)
{
    /// <summary>A header as the upstream received it, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static async Task<Echo> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Echo>(new JsonSerializerOptions(JsonSerializerDefaults.Web), TestContext.Current.CancellationToken))!;
}

public sealed record Upload(long Bytes, string Sha256);
