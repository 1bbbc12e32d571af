using System.Net.Http.Headers;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// A service under test in-process: its own SQLite file, MassTransit's in-memory transport with
/// the test harness, and tokens from a <see cref="TestTokenIssuer"/> validated through discovery.
/// Pass settings to override (e.g. PostgreSQL and RabbitMQ for the distributed variants).
/// </summary>
public class ServiceFactory<TEntryPoint>(string serviceName, TestTokenIssuer issuer, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory($"ku-{serviceName}-").FullName;

    public TestTokenIssuer Issuer => issuer;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var defaults = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _dataDirectory,
            [$"ConnectionStrings:{serviceName}"] = $"Data Source={Path.Combine(_dataDirectory, serviceName + ".db")}",
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:UseTestHarness"] = "true",
            ["Auth:Authority"] = issuer.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        foreach (var (key, value) in defaults)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP client that sends <paramref name="user"/>'s token (or none for anonymous).</summary>
    public HttpClient ClientFor(TestUser? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.CreateToken(user));
        }

        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        RabbitMqServer.TryDelete(_dataDirectory);
        GC.SuppressFinalize(this);
    }
}
