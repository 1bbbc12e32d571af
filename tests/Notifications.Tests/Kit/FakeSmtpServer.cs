using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

using MimeKit;

namespace KollegialtUtbyte.Notifications.Tests.Kit;

/// <summary>
/// A real SMTP endpoint on loopback, speaking just enough SMTP (EHLO, AUTH LOGIN, MAIL, RCPT, DATA,
/// RSET, QUIT) to accept mail, to reject chosen recipients, or to refuse every session outright.
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, string?> _recipientReply;
    private readonly bool _refuseSessions;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<DateTimeOffset> _sessionTimes = new();

    private FakeSmtpServer(bool refuseSessions, Func<string, string?> recipientReply, Func<DateTimeOffset>? clock)
    {
        _refuseSessions = refuseSessions;
        _recipientReply = recipientReply;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Sessions opened so far (each delivery attempt opens one).</summary>
    public int Sessions => _sessionTimes.Count;

    /// <summary>When each session opened, on the clock the server was given (the service's fake clock in tests).</summary>
    public IReadOnlyList<DateTimeOffset> SessionTimes => _sessionTimes.ToList();

    public ConcurrentQueue<SmtpDelivery> Delivered { get; } = new();

    /// <summary>Accepts mail; <paramref name="recipientReply"/> may answer RCPT for an address with an error line instead.</summary>
    public static FakeSmtpServer Accepting(Func<string, string?>? recipientReply = null, Func<DateTimeOffset>? clock = null) =>
        new(false, recipientReply ?? (_ => null), clock);

    /// <summary>Answers every session "421 service not available" and closes it: the server is down.</summary>
    public static FakeSmtpServer Refusing(Func<DateTimeOffset>? clock = null) => new(true, _ => null, clock);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _sessionTimes.Enqueue(_clock());
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            if (_refuseSessions)
            {
                await writer.WriteLineAsync("421 4.3.2 Service not available, closing transmission channel");
                return;
            }

            await writer.WriteLineAsync("220 localhost ESMTP test server");
            string? from = null;
            var recipients = new List<string>();
            string? user = null;
            string? password = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 AUTH LOGIN");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "AUTH":
                        var initial = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).FirstOrDefault();
                        if (initial is null)
                        {
                            await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                            initial = await reader.ReadLineAsync(_stop.Token);
                        }

                        user = Encoding.UTF8.GetString(Convert.FromBase64String(initial ?? ""));
                        await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                        password = Encoding.UTF8.GetString(Convert.FromBase64String(await reader.ReadLineAsync(_stop.Token) ?? ""));
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = AddressIn(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var recipient = AddressIn(line);
                        if (_recipientReply(recipient) is { } rejection)
                        {
                            await writer.WriteLineAsync(rejection);
                        }
                        else
                        {
                            recipients.Add(recipient);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Delivered.Enqueue(new SmtpDelivery(from ?? "", recipients.ToList(), data.ToString(), user, password));
                        await writer.WriteLineAsync("250 2.0.0 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server stopped.
        }
    }

    private static string AddressIn(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }
}

internal sealed record SmtpDelivery(string From, IReadOnlyList<string> Recipients, string Data, string? UserName, string? Password)
{
    public MimeMessage Message => MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Data)));
}
