using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Real Kestrel servers for tests and stand-ins: on the loopback interface only, by default on a
/// port the system picks (so parallel tests never collide), and the address each one was given.
/// </summary>
public static class Loopback
{
    public static IWebHostBuilder ListenOnLoopback(this IWebHostBuilder webHost, int port = 0) =>
        webHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

    public static WebApplicationFactory<TEntryPoint> ListenOnLoopback<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory, int port = 0)
        where TEntryPoint : class
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        return factory;
    }

    /// <summary>The address a started server listens on, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public static Uri ServerAddress(this IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
