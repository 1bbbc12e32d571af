namespace KollegialtUtbyte.Identity.Tests.Support;

internal static class Startup
{
    /// <summary>Starts the host and returns why it refused to start (every message of the exception chain).</summary>
    public static string FailureOf(IdentityHost host)
    {
        var exception = Assert.ThrowsAny<Exception>(() => host.Services);
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
